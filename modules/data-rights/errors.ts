import { DomainError } from '#modules/errors/domain-error.ts'

/** Codes of "Download your data" and retention (export*.ts, retention*.ts). */
export type DataExportErrorCode =
	| 'DATA_EXPORT_NOT_FOUND'
	| 'DATA_EXPORT_NOT_YOURS'
	| 'DATA_EXPORT_NOT_READY'
	| 'DATA_EXPORT_LINK_EXPIRED'
	| 'DATA_EXPORT_LINK_USED'
	| 'DATA_EXPORT_ALREADY_PREPARING'
	| 'ERASURE_NOT_AVAILABLE'

/** Every code the data-rights context throws: a typo in a code, here or where one is checked, fails tsc. */
export type DataRightsErrorCode = DataExportErrorCode

/** A DomainError of the data-rights context, whose code must be one of its own. */
export class DataRightsError extends DomainError<DataRightsErrorCode> {}
