import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the organisations context throws: a typo in a code, here or where one is checked, fails tsc. */
export type OrganisationsErrorCode =
	| 'ALREADY_COMPLETED'
	| 'ALREADY_ENROLLED'
	| 'CSV_NO_EMAIL_COLUMN'
	| 'CSV_UNREADABLE'
	| 'EMAIL_TAKEN'
	| 'INVITATION_EXPIRED'
	| 'INVITATION_NOT_FOUND'
	| 'INVITATION_REVOKED'
	| 'INVITATION_USED'
	| 'LAST_OWNER'
	| 'MEMBER_NOT_FOUND'
	| 'NOT_AN_ORGANISATION_ADMIN'
	| 'NO_ROWS'
	| 'NO_SEATS_LEFT'
	| 'ORGANISATION_NOT_FOUND'
	| 'OWNER_ONLY'
	| 'POOL_NOT_FOUND'
	| 'REMINDED_RECENTLY'
	| 'SEAT_NOT_FOUND'
	| 'SEAT_STARTED'
	| 'SLUG_INVALID'
	| 'SLUG_TAKEN'
	| 'TOO_MANY_INVITATIONS'
	| 'TOO_MANY_ROWS'
	| 'WRONG_ACCOUNT'

/** A DomainError of the organisations context, whose code must be one of its own. */
export class OrganisationsError extends DomainError<OrganisationsErrorCode> {}
