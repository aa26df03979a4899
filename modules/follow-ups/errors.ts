import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the follow-ups context throws: a typo in a code, here or where one is checked, fails tsc. */
export type FollowUpsErrorCode =
	| 'FOLLOW_UP_NOT_FOUND'
	| 'INVALID_FOLLOW_UP'
	| 'NOT_DUE_YET'
	| 'ALREADY_ANSWERED'
	| 'NOT_YOUR_MANAGER'
	| 'NOTHING_TO_SEND'
	| 'SIGN_OFF_NOT_FOUND'
	| 'ALREADY_SIGNED_OFF'

/** A DomainError of the follow-ups context, whose code must be one of its own. */
export class FollowUpsError extends DomainError<FollowUpsErrorCode> {}
