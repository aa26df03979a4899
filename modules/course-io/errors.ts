import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the course io context throws: a typo in a code, here or where one is checked, fails tsc. */
export type CourseIoErrorCode =
	| 'COURSE_NOT_FOUND'
	| 'DRAFT_EXISTS'
	| 'INVALID_COURSE_FOLDER'
	| 'NOT_A_TRAINER'
	| 'NOT_EMPTY'
	| 'NOT_PUBLISHED'
	| 'OWNER_REQUIRED'
	| 'SLUG_TAKEN'
	| 'VERSION_NOT_FOUND'

/** A DomainError of the course io context, whose code must be one of its own. */
export class CourseIoError extends DomainError<CourseIoErrorCode> {}
