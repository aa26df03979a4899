// What a trainer writes for free taster videos: the lessons a course opens to visitors, and standalone
// public videos. Routes validate forms with these; the module functions validate again.
import { z } from 'zod'
import { isAllowedMediaUrl, PLAYBACK_ID, SLUG_PATTERN } from '#modules/authoring/schemas.ts'
import { Sector } from '#modules/db/generated/enums.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

/** The lessons (by stable key) a course offers as free previews: every checked box; none clears them all. */
export const CoursePreviewsSchema = z.object({
	lessonKey: z
		.array(singleLineText({ error: 'Choose lessons from the list' }).min(1).max(64))
		.max(200, 'Choose at most 200 lessons')
		.default([]),
})

const SECTOR_VALUES = Object.values(Sector) as [Sector, ...Sector[]]

const optionalText = (max: number, label: string) =>
	multilineText()
		.trim()
		.max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
		.nullish()
		.transform((v) => (v ? v : null))

/** A standalone public video: a title, a web address, the video itself, captions and a transcript. */
export const PublicVideoSchema = z
	.object({
		title: singleLineText({ error: 'Enter a title' })
			.trim()
			.min(3, 'The title must be at least 3 characters')
			.max(150, 'The title must be 150 characters or fewer'),
		slug: singleLineText({ error: 'Enter a web address for the video' })
			.trim()
			.toLowerCase()
			.min(3, 'The web address must be at least 3 characters')
			.max(80, 'The web address must be 80 characters or fewer')
			.regex(SLUG_PATTERN, 'Use lower-case letters, numbers and single hyphens only, e.g. working-with'),
		summary: multilineText({ error: 'Enter a summary' })
			.trim()
			.min(10, 'The summary must be at least 10 characters')
			.max(400, 'The summary must be 400 characters or fewer'),
		playbackId: optionalText(80, 'The playback id').refine((v) => v === null || PLAYBACK_ID.test(v), {
			message: 'A Mux playback id is made of letters and numbers only',
		}),
		sourceUrl: optionalText(2000, 'The video address').refine((v) => v === null || isAllowedMediaUrl(v), {
			message: 'The video address must start with https:// (or be a /media/ path on this site)',
		}),
		durationSeconds: z
			.number({ error: 'Enter the duration in whole seconds' })
			.int('Enter the duration in whole seconds')
			.min(1, 'The duration must be at least 1 second')
			.max(86_400, 'The duration must be 24 hours or less')
			.nullish()
			.transform((v) => v ?? null),
		captionsUrl: optionalText(2000, 'The captions address').refine(
			(v) => v === null || (isAllowedMediaUrl(v) && /\.vtt(\?.*)?$/i.test(v)),
			{ message: 'Captions must be a WebVTT file (.vtt) at an https:// or /media/ address' },
		),
		transcript: multilineText({ error: 'Enter the transcript: every public video needs one' })
			.trim()
			.min(20, 'Enter the transcript: every public video needs one (at least 20 characters)')
			.max(100_000, 'The transcript must be 100,000 characters or fewer'),
		sectors: z.array(z.enum(SECTOR_VALUES, { error: 'Choose a sector from the list' })).default([]),
	})
	.superRefine((video, ctx) => {
		if (!video.playbackId && !video.sourceUrl) {
			ctx.addIssue({ code: 'custom', path: ['playbackId'], message: 'Give a Mux playback id or a video address' })
		}
		if (video.playbackId && video.sourceUrl) {
			ctx.addIssue({
				code: 'custom',
				path: ['sourceUrl'],
				message: 'Give a Mux playback id or a video address, not both',
			})
		}
	})

export type PublicVideoInput = z.input<typeof PublicVideoSchema>
