import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the admin context throws: a typo in a code, here or where one is checked, fails tsc. */
export type AdminErrorCode =
	| 'ADMIN_ONLY'
	| 'ALREADY_DISABLED'
	| 'ALREADY_HANDLED'
	| 'CANNOT_DEMOTE_SELF'
	| 'CANNOT_DISABLE_SELF'
	| 'ENQUIRY_NOT_FOUND'
	| 'NOT_DISABLED'
	| 'NOT_HANDLED'
	| 'ORDER_NOT_FOUND'
	| 'ORGANISATION_NOT_FOUND'
	| 'ROLE_UNCHANGED'
	| 'SUBSCRIBER_HAS_ACCOUNT'
	| 'SUBSCRIBER_NOT_FOUND'
	| 'USER_NOT_FOUND'

/** A DomainError of the admin context, whose code must be one of its own. */
export class AdminError extends DomainError<AdminErrorCode> {}
