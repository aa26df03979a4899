import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the data-rights context throws: a typo in a code, here or where one is checked, fails tsc. */
export type DataRightsErrorCode =
	| 'ALREADY_ERASED'
	| 'ERASE_NOT_ALLOWED'
	| 'ERASE_PLATFORM_ADMIN'
	| 'ERASE_SELF_AS_ADMIN'
	| 'ERASE_SOLE_OWNER'
	| 'REAUTHENTICATE'
	| 'USER_NOT_FOUND'
	| 'WRONG_CONFIRMATION'
	| 'WRONG_PASSWORD'

/** A DomainError of the data-rights context (export, erasure, retention), whose code must be one of its own. */
export class DataRightsError extends DomainError<DataRightsErrorCode> {}
