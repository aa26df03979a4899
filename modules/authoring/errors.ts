import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the authoring context throws: a typo in a code, here or where one is checked, fails tsc. */
export type AuthoringErrorCode =
	| 'ALREADY_AUTHOR'
	| 'ALREADY_ON_LATEST'
	| 'AUTHOR_NOT_FOUND'
	| 'CANNOT_MOVE'
	| 'CPD_HOURS_TOO_LOW'
	| 'COURSE_NOT_FOUND'
	| 'ENROLMENT_COMPLETED'
	| 'INVALID_COURSE'
	| 'INVALID_EMAIL'
	| 'INVALID_INPUT'
	| 'INVALID_LESSON'
	| 'INVALID_NOTE'
	| 'INVALID_ORDER'
	| 'LESSON_CONFLICT'
	| 'LESSON_NOT_FOUND'
	| 'MODULE_NOT_FOUND'
	| 'NOTHING_TO_COPY'
	| 'NOT_AN_AUTHOR'
	| 'NOT_A_DRAFT'
	| 'NOT_A_TRAINER'
	| 'NOT_ENROLLED'
	| 'NOT_READY_TO_PUBLISH'
	| 'NOT_THE_OWNER'
	| 'SLUG_TAKEN'
	| 'STALE_ORDER'
	| 'VERSION_CHANGED'
	| 'VERSION_NOT_FOUND'

/** A DomainError of the authoring context, whose code must be one of its own. */
export class AuthoringError extends DomainError<AuthoringErrorCode> {}
