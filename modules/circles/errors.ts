import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the circles context throws: a typo in a code, here or where one is checked, fails tsc. */
export type CirclesErrorCode =
	| 'ALREADY_ATTENDED'
	| 'CERTIFICATE_RESTS_ON_CIRCLE'
	| 'CHECK_IN_CLOSED'
	| 'CIRCLE_CANCELLED'
	| 'CIRCLE_ENDED'
	| 'CIRCLE_NOT_FOUND'
	| 'COURSE_NOT_FOUND'
	| 'FACILITATOR_NOT_FOUND'
	| 'INVALID_CIRCLE'
	| 'NOT_ATTENDED'
	| 'NOT_BOOKED'
	| 'NOT_A_MEMBER'
	| 'NOT_THE_FACILITATOR'
	| 'NOT_A_SCHEDULER'
	| 'TEAM_NOT_FOUND'
	| 'UNMARK_CLOSED'
	| 'WRONG_CHECK_IN_CODE'

/** A DomainError of the circles context, whose code must be one of its own. */
export class CirclesError extends DomainError<CirclesErrorCode> {}
