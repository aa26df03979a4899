import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the video context throws: a typo in a code, here or where one is checked, fails tsc. */
export type VideoErrorCode =
	| 'BAD_PAYLOAD'
	| 'BAD_SIGNATURE'
	| 'LESSON_NOT_FOUND'
	| 'MUX_NOT_CONFIGURED'
	| 'MUX_UNAVAILABLE'
	| 'MUX_WEBHOOK_NOT_CONFIGURED'
	| 'NOT_A_VIDEO_LESSON'
	| 'UPLOAD_NOT_FOUND'
	| 'VERSION_NOT_DRAFT'

/** A DomainError of the video context, whose code must be one of its own. */
export class VideoError extends DomainError<VideoErrorCode> {}
