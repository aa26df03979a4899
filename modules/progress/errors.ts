import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the progress context throws: a typo in a code, here or where one is checked, fails tsc. */
export type ProgressErrorCode =
	| 'INVALID_PROGRESS'
	| 'NOT_A_READING_LESSON'
	| 'NOT_A_VIDEO_LESSON'
	| 'POSITION_OUT_OF_RANGE'
	| 'RANGE_OUT_OF_RANGE'
	| 'VIDEO_NOT_READY'

/** A DomainError of the progress context, whose code must be one of its own. */
export class ProgressError extends DomainError<ProgressErrorCode> {}
