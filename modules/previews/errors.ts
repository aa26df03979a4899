import { DomainError } from '#modules/errors/domain-error.ts'

/** Every code the previews context throws: a typo in a code, here or where one is checked, fails tsc. */
export type PreviewsErrorCode =
	'INVALID_VIDEO' | 'NOT_A_TRAINER' | 'PREVIEW_NOT_FOUND' | 'NOT_A_VIDEO_LESSON' | 'VIDEO_NOT_FOUND' | 'SLUG_TAKEN'

/** A DomainError of the previews context, whose code must be one of its own. */
export class PreviewsError extends DomainError<PreviewsErrorCode> {}
