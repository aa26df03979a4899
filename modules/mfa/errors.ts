import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the multi-factor context throws: a typo in a code, here or where one is checked, fails tsc. */
export type MfaErrorCode =
	| 'INVALID_CODE'
	| 'CHALLENGE_EXPIRED'
	| 'MFA_REQUIRED'
	| 'PASSKEY_FAILED'
	| 'TOTP_ALREADY_ENABLED'
	| 'TOTP_NOT_STARTED'
	| 'TOTP_NOT_ENABLED'
	| 'REAUTHENTICATION_FAILED'
	| 'SESSION_NOT_FOUND'
	// Passkeys (modules/mfa/passkeys.ts)
	| 'PASSKEY_UNKNOWN'
	| 'PASSKEY_NOT_FOUND'
	| 'PASSKEY_ALREADY_REGISTERED'
	| 'PASSKEY_LIMIT'
	| 'PASSKEY_NAME_INVALID'
	| 'REAUTHENTICATION_REQUIRED'
	| 'SECOND_FACTOR_REQUIRED'

/** A DomainError of the multi-factor context, whose code must be one of its own. */
export class MfaError extends DomainError<MfaErrorCode> {}
