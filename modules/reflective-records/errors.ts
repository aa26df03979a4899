import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the reflective-records context throws: a typo in a code, here or where one is checked, fails tsc. */
export type ReflectiveRecordsErrorCode =
	| 'RECORD_NOT_FOUND'
	| 'INVALID_RECORD'
	| 'PARTNER_IS_YOU'
	| 'NO_PARTNER_ON_THIS_FORM'
	| 'CONFIRMATION_NOT_FOUND'
	| 'CONFIRMATION_USED'
	| 'REFLECTION_NOT_FOUND'

/** A DomainError of the reflective-records context, whose code must be one of its own. */
export class ReflectiveRecordsError extends DomainError<ReflectiveRecordsErrorCode> {}
