import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the auth context throws: a typo in a code, here or where one is checked, fails tsc. */
export type AuthErrorCode =
	| 'ACCOUNT_DISABLED'
	| 'EMAIL_TAKEN'
	| 'INVALID_CREDENTIALS'
	| 'INVALID_TOKEN'
	| 'NAME_REQUIRED'
	| 'PASSWORD_EQUALS_EMAIL'
	| 'PASSWORD_LENGTH'
	| 'PERSONAL_EMAIL_INVALID'
	| 'PERSONAL_EMAIL_TAKEN'
	| 'REGISTRATION_BODY_REQUIRED'
	| 'TOKEN_EXPIRED'
	| 'TOKEN_USED'
	| 'USER_NOT_FOUND'
	| 'WRONG_PASSWORD'

/** A DomainError of the auth context, whose code must be one of its own. */
export class AuthError extends DomainError<AuthErrorCode> {}
