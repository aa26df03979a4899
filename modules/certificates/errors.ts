import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the certificates context throws: a typo in a code, here or where one is checked, fails tsc. */
export type CertificatesErrorCode =
	| 'ALREADY_REVOKED'
	| 'CERTIFICATE_NOT_FOUND'
	| 'CERTIFICATE_REVOKED'
	| 'CIRCLE_NOT_ATTENDED'
	| 'DOES_NOT_EXPIRE'
	| 'ENROLMENT_NOT_COMPLETE'
	| 'ENROLMENT_NOT_FOUND'
	| 'INVALID_NOTE'
	| 'INVALID_REASON'
	| 'NOT_DUE_FOR_RENEWAL'
	| 'NOT_REVOKED'
	| 'NOT_YOUR_CERTIFICATE'

/** A DomainError of the certificates context, whose code must be one of its own. */
export class CertificatesError extends DomainError<CertificatesErrorCode> {}
