import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the single sign-on context throws: a typo in a code, here or where one is checked, fails tsc. */
export type SsoErrorCode = 'SSO_NOT_CONFIGURED' | 'SSO_REQUIRED' | 'SSO_FAILED' | 'DOMAIN_NOT_VERIFIED'

/** A DomainError of the single sign-on context, whose code must be one of its own. */
export class SsoError extends DomainError<SsoErrorCode> {}
