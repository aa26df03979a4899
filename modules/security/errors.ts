import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the security context throws: a typo in a code, here or where one is checked, fails tsc. */
export type SecurityErrorCode = 'TOO_MANY_ATTEMPTS'

/** A DomainError of the security context, whose code must be one of its own. */
export class SecurityError extends DomainError<SecurityErrorCode> {}
