import { DomainError } from '#modules/errors/domain-error.ts'

/** Codes of "Download your data" and retention (export*.ts, retention*.ts). */
export type DataExportErrorCode =
	| 'DATA_EXPORT_NOT_FOUND'
	| 'DATA_EXPORT_NOT_YOURS'
	| 'DATA_EXPORT_NOT_READY'
	| 'DATA_EXPORT_LINK_EXPIRED'
	| 'DATA_EXPORT_LINK_USED'
	| 'DATA_EXPORT_ALREADY_PREPARING'

/** Codes of erasure (erasure.ts). */
export type ErasureErrorCode =
	| 'ALREADY_ERASED'
	| 'ERASE_NOT_ALLOWED'
	| 'ERASE_PLATFORM_ADMIN'
	| 'ERASE_SELF_AS_ADMIN'
	| 'ERASE_SOLE_OWNER'
	| 'REAUTHENTICATE'
	| 'USER_NOT_FOUND'
	| 'WRONG_CONFIRMATION'
	| 'WRONG_PASSWORD'

/** Every code the data-rights context throws: a typo in a code, here or where one is checked, fails tsc. */
export type DataRightsErrorCode = DataExportErrorCode | ErasureErrorCode

/** A DomainError of the data-rights context (export, erasure, retention), whose code must be one of its own. */
export class DataRightsError extends DomainError<DataRightsErrorCode> {}
