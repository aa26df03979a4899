import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the single sign-on context throws: a typo in a code, here or where one is checked, fails tsc. */
export type SsoErrorCode =
	| 'SSO_NOT_CONFIGURED'
	| 'SSO_REQUIRED'
	| 'SSO_FAILED'
	| 'DOMAIN_NOT_VERIFIED'
	/** The issuer URL answered, but not with OpenID Connect discovery metadata for that issuer. */
	| 'NOT_AN_ISSUER'
	/** The issuer URL could not be reached (DNS, refused connection, timeout). */
	| 'ISSUER_UNREACHABLE'
	/** The issuer, or an endpoint its discovery document names, is inside Circle's own network. */
	| 'ISSUER_PRIVATE'
	/** The provider's token endpoint refused the client id and secret. */
	| 'CLIENT_REJECTED'
	| 'DOMAIN_INVALID'
	/** Another organisation has verified the domain (first to verify wins). */
	| 'DOMAIN_TAKEN'
	/** An unverified claim older than 14 days: it can no longer be verified, only claimed again. */
	| 'DOMAIN_CLAIM_EXPIRED'
	| 'DOMAIN_NOT_FOUND'
	| 'DNS_RECORD_MISSING'
	| 'LOGIN_STATE_INVALID'
	| 'TOKEN_REJECTED'
	| 'ACCESS_REMOVED'
	| 'LINK_INVALID'
	| 'SEAT_POOL_NOT_FOUND'

/** A DomainError of the single sign-on context, whose code must be one of its own. */
export class SsoError extends DomainError<SsoErrorCode> {}
