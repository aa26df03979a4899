import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the programmes context throws: a typo in a code, here or where one is checked, fails tsc. */
export type ProgrammesErrorCode =
	| 'ALREADY_IN_PROGRAMME'
	| 'CERTIFICATE_NOT_FOUND'
	| 'COURSE_IS_A_DRAFT'
	| 'COURSE_LOCKED'
	| 'COURSE_NOT_FOUND'
	| 'COURSE_NOT_IN_PROGRAMME'
	| 'COURSE_NOT_YOURS'
	| 'INVALID_PROGRAMME'
	| 'NOT_A_TRAINER'
	| 'NOT_ENOUGH_COURSES'
	| 'NOT_YOUR_CERTIFICATE'
	| 'NOT_YOUR_PROGRAMME'
	| 'PAYMENT_REQUIRED'
	| 'PROGRAMME_IN_ITSELF'
	| 'PROGRAMME_NOT_FOUND'
	| 'PROGRAMME_PUBLISHED'
	| 'SLUG_TAKEN'
	| 'TOO_MANY_COURSES'

/** A DomainError of the programmes context, whose code must be one of its own. */
export class ProgrammesError extends DomainError<ProgrammesErrorCode> {}
