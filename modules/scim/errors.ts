import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the SCIM provisioning context throws: a typo in a code, here or where one is checked, fails tsc. */
export type ScimErrorCode = 'SCIM_INVALID_TOKEN' | 'SCIM_INVALID_VALUE' | 'SCIM_NOT_FOUND' | 'SCIM_UNIQUENESS'

/** A DomainError of the SCIM provisioning context, whose code must be one of its own. */
export class ScimError extends DomainError<ScimErrorCode> {}
