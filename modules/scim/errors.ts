import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the SCIM provisioning context throws: a typo in a code, here or where one is checked, fails tsc. */
export type ScimErrorCode =
	| 'SCIM_INVALID_TOKEN'
	| 'SCIM_INVALID_VALUE'
	| 'SCIM_INVALID_SYNTAX'
	| 'SCIM_INVALID_FILTER'
	| 'SCIM_MUTABILITY'
	| 'SCIM_NOT_FOUND'
	| 'SCIM_NOT_OWNED'
	| 'SCIM_UNIQUENESS'
	| 'SCIM_TOKEN_NOT_FOUND'

/** A DomainError of the SCIM provisioning context, whose code must be one of its own. */
export class ScimError extends DomainError<ScimErrorCode> {}

/** The RFC 7644 §3.12 `scimType` each code answers with (none for 401/404). */
export const SCIM_TYPE_FOR_CODE: Record<ScimErrorCode, string | null> = {
	SCIM_INVALID_TOKEN: null,
	SCIM_INVALID_VALUE: 'invalidValue',
	SCIM_INVALID_SYNTAX: 'invalidSyntax',
	SCIM_INVALID_FILTER: 'invalidFilter',
	SCIM_MUTABILITY: 'mutability',
	SCIM_NOT_FOUND: null,
	SCIM_NOT_OWNED: 'invalidValue',
	SCIM_UNIQUENESS: 'uniqueness',
	SCIM_TOKEN_NOT_FOUND: null,
}
