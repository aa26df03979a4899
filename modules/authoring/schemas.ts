// The shapes of everything a trainer writes in the studio. Routes validate forms with these (so
// errors appear beside fields) and the module functions validate again (so nothing invalid is ever
// stored, whoever calls them).
import { z } from 'zod'
import { Sector } from '#modules/db/generated/enums.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

/** Slugs that would clash with routes under /courses and /learn. */
export const RESERVED_SLUGS = ['new', 'progress', 'reflection', 'enrol', 'buy'] as const

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** "Working with, not to" → "working-with-not-to". */
export function slugify(title: string) {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '')
}

const SECTOR_VALUES = Object.values(Sector) as [Sector, ...Sector[]]

/** A price typed in pounds (0 is free), for courses and programmes alike: one rule, one set of messages. */
export const pricePoundsField = z
	.number({ error: 'Enter a price in pounds, e.g. 49 or 0 for free' })
	.min(0, 'The price cannot be negative')
	.max(10_000, 'The price must be £10,000 or less')
	.refine((pounds) => Number.isInteger(Math.round(pounds * 100 * 1000) / 1000), {
		message: 'Enter the price in pounds and pence, e.g. 49.99',
	})

export const CourseDetailsSchema = z.object({
	title: singleLineText({ error: 'Enter a title' })
		.trim()
		.min(3, 'The title must be at least 3 characters')
		.max(150, 'The title must be 150 characters or fewer'),
	slug: singleLineText({ error: 'Enter a web address for the course' })
		.trim()
		.toLowerCase()
		.min(3, 'The web address must be at least 3 characters')
		.max(80, 'The web address must be 80 characters or fewer')
		.regex(SLUG_PATTERN, 'Use lower-case letters, numbers and single hyphens only, e.g. restorative-conversations')
		.refine((slug) => !(RESERVED_SLUGS as readonly string[]).includes(slug), {
			message: 'That web address is reserved: choose another',
		}),
	summary: multilineText({ error: 'Enter a summary' })
		.trim()
		.min(10, 'The summary must be at least 10 characters')
		.max(400, 'The summary must be 400 characters or fewer'),
	description: multilineText().trim().max(20_000, 'The description must be 20,000 characters or fewer').default(''),
	sectors: z
		.array(z.enum(SECTOR_VALUES, { error: 'Choose a sector from the list' }), {
			error: 'Choose at least one sector',
		})
		.min(1, 'Choose at least one sector'),
	cpdHours: z
		.number({ error: 'Enter the CPD hours as a number, e.g. 1.5' })
		.min(0.25, 'CPD hours must be at least 0.25 (15 minutes)')
		.max(100, 'CPD hours must be 100 or fewer')
		.refine((hours) => Number.isInteger(Math.round(hours * 4 * 1000) / 1000), {
			error: 'Give the CPD hours in quarter hours, e.g. 1.25 or 1.5',
		}),
	pricePounds: pricePoundsField,
	outcomes: multilineText({ error: 'Enter at least one learning outcome' })
		.transform((text) =>
			text
				.split(/\r?\n/)
				.map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
				.filter(Boolean),
		)
		.pipe(
			z
				.array(z.string().max(300, 'Each learning outcome must be 300 characters or fewer'))
				.min(1, 'Enter at least one learning outcome')
				.max(12, 'Enter no more than 12 learning outcomes'),
		),
	sequential: z.boolean().default(false),
})
export type CourseDetailsInput = z.input<typeof CourseDetailsSchema>
export type CourseDetails = z.output<typeof CourseDetailsSchema>

export const ModuleTitleSchema = singleLineText({ error: 'Enter a module title' })
	.trim()
	.min(1, 'Enter a module title')
	.max(150, 'The module title must be 150 characters or fewer')

export const LessonTitleSchema = singleLineText({ error: 'Enter a lesson title' })
	.trim()
	.min(1, 'Enter a lesson title')
	.max(150, 'The lesson title must be 150 characters or fewer')

export const LessonKindSchema = z.enum(['VIDEO', 'READING', 'QUIZ'], { error: 'Choose a kind of lesson' })

const LessonMetaShape = {
	title: LessonTitleSchema,
	required: z.boolean().default(true),
	estimatedMinutes: z
		.number({ error: 'Enter the minutes as a whole number' })
		.int('Enter the minutes as a whole number')
		.min(1, 'A lesson takes at least 1 minute')
		.max(600, 'A lesson takes at most 600 minutes'),
}

const optionalText = (max: number, label: string) =>
	multilineText()
		.trim()
		.max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
		.nullish()
		.transform((v) => (v ? v : null))

export const ReadingContentSchema = z.object({
	...LessonMetaShape,
	markdown: multilineText().max(100_000, 'The reading must be 100,000 characters or fewer').default(''),
})

/** A Mux playback id: letters and digits. */
export const PLAYBACK_ID = /^[A-Za-z0-9]{10,80}$/

/** https only, or a path on this site under /media/ (demo and locally hosted files). */
export function isAllowedMediaUrl(value: string) {
	if (/^\/media\/[A-Za-z0-9._\-/]+$/.test(value) && !value.includes('..')) return true
	try {
		const url = new URL(value)
		return url.protocol === 'https:' && Boolean(url.hostname)
	} catch {
		return false
	}
}

export const VideoContentSchema = z
	.object({
		...LessonMetaShape,
		videoPlaybackId: optionalText(80, 'The playback id').refine((v) => v === null || PLAYBACK_ID.test(v), {
			message: 'A Mux playback id is made of letters and numbers only',
		}),
		videoSourceUrl: optionalText(2000, 'The video address').refine((v) => v === null || isAllowedMediaUrl(v), {
			message: 'The video address must start with https:// (or be a /media/ path on this site)',
		}),
		videoDurationSeconds: z
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
		transcript: optionalText(100_000, 'The transcript'),
	})
	.superRefine((video, ctx) => {
		if (video.videoPlaybackId && video.videoSourceUrl) {
			ctx.addIssue({
				code: 'custom',
				path: ['videoSourceUrl'],
				message: 'Give a Mux playback id or a video address, not both',
			})
		}
		if (video.videoSourceUrl && video.videoDurationSeconds == null) {
			ctx.addIssue({
				code: 'custom',
				path: ['videoDurationSeconds'],
				message: 'Enter the video’s duration in seconds (needed for a video address)',
			})
		}
	})

export const QuestionKindSchema = z.enum(['SINGLE', 'MULTIPLE', 'REFLECTION', 'SCALE'])

export const OptionSchema = z.object({
	text: singleLineText().min(1, 'Enter the answer text').max(500, 'An answer must be 500 characters or fewer'),
	isCorrect: z.boolean().default(false),
	feedback: optionalText(1000, 'Feedback'),
})

export const QuestionSchema = z.object({
	kind: QuestionKindSchema,
	prompt: multilineText()
		.trim()
		.min(1, 'Enter the question')
		.max(1000, 'The question must be 1,000 characters or fewer'),
	guidance: optionalText(1000, 'Guidance'),
	explanation: optionalText(2000, 'The explanation'),
	scaleMin: z
		.number()
		.int()
		.min(0)
		.max(10)
		.nullish()
		.transform((v) => v ?? null),
	scaleMax: z
		.number()
		.int()
		.min(1)
		.max(10)
		.nullish()
		.transform((v) => v ?? null),
	scaleMinLabel: optionalText(60, 'The label'),
	scaleMaxLabel: optionalText(60, 'The label'),
	options: z.array(OptionSchema).max(8, 'A question can have at most 8 answers').default([]),
})

export const QuizContentSchema = z
	.object({
		...LessonMetaShape,
		passMark: z
			.number({ error: 'Enter a pass mark from 0 to 100' })
			.int('Enter the pass mark as a whole number')
			.min(0, 'The pass mark must be 0 or more')
			.max(100, 'The pass mark must be 100 or less'),
		maxAttempts: z
			.number({ error: 'Enter a number of attempts from 1 to 20, or leave it blank for unlimited' })
			.int('Enter the number of attempts as a whole number')
			.min(1, 'Allow at least 1 attempt (or leave it blank for unlimited)')
			.max(20, 'Allow at most 20 attempts (or leave it blank for unlimited)')
			.nullish()
			.transform((v) => v ?? null),
		questions: z.array(QuestionSchema).max(100, 'A quiz can have at most 100 questions').default([]),
	})
	.superRefine((quiz, ctx) => {
		quiz.questions.forEach((q, i) => {
			for (const message of questionProblems(q)) {
				ctx.addIssue({ code: 'custom', path: ['questions', i], message: `Question ${i + 1}: ${message}` })
			}
		})
	})

/** What is wrong with one question, as sentences (empty when it is fine). */
export function questionProblems(q: {
	kind: string
	options: Array<{ isCorrect: boolean }>
	scaleMin?: number | null
	scaleMax?: number | null
}) {
	const problems: string[] = []
	if (q.kind === 'SINGLE' || q.kind === 'MULTIPLE') {
		if (q.options.length < 2 || q.options.length > 8) problems.push('give between 2 and 8 answers')
		const correct = q.options.filter((o) => o.isCorrect).length
		if (correct === 0) problems.push('mark the correct answer (no answer is marked correct)')
		else if (q.kind === 'SINGLE' && correct !== 1)
			problems.push('a single-choice question needs exactly one correct answer')
	}
	if (q.kind === 'SCALE') {
		const min = q.scaleMin ?? 1
		const max = q.scaleMax ?? 5
		if (max <= min) problems.push('the top of the scale must be higher than the bottom')
	}
	return problems
}

export type ReadingContentInput = z.input<typeof ReadingContentSchema>
export type VideoContentInput = z.input<typeof VideoContentSchema>
export type QuizContentInput = z.input<typeof QuizContentSchema>
export type QuestionInput = z.input<typeof QuestionSchema>

export const CoAuthorSchema = z.object({
	email: singleLineText({ error: 'Enter an email address' }).toLowerCase().email('Enter a valid email address'),
})

export const ChangeNoteSchema = multilineText()
	.trim()
	.max(2000, 'The change note must be 2,000 characters or fewer')
	.optional()
	.transform((v) => (v ? v : null))

/** The first problem zod found, as a DomainError-friendly field path and message. */
export function firstIssue(error: z.ZodError) {
	const issue = error.issues[0]!
	return { field: issue.path.join('.') || undefined, message: issue.message }
}

const Id = z.string({ error: 'That request was not complete. Reload the page and try again.' }).min(1)
const Direction = z.enum(['up', 'down'], { error: 'Choose to move up or down.' })
const UNREADABLE_ORDER = 'The new order could not be read. Reload the page and try again.'
// Drag and drop sends the new order as a JSON list of ids.
const Order = z
	.string({ error: UNREADABLE_ORDER })
	.transform((value, ctx) => {
		try {
			return JSON.parse(value) as unknown
		} catch {
			ctx.addIssue({ code: 'custom', message: UNREADABLE_ORDER })
			return z.NEVER
		}
	})
	.pipe(z.array(z.string({ error: UNREADABLE_ORDER }).min(1, UNREADABLE_ORDER), { error: UNREADABLE_ORDER }))

/** The course builder's changes to a draft's modules and lessons, one per `intent`. */
export const CourseStructureActionSchema = z.discriminatedUnion(
	'intent',
	[
		z.object({ intent: z.literal('create-draft') }),
		z.object({ intent: z.literal('add-module'), title: ModuleTitleSchema }),
		z.object({ intent: z.literal('rename-module'), moduleId: Id, title: ModuleTitleSchema }),
		z.object({ intent: z.literal('delete-module'), moduleId: Id }),
		z.object({ intent: z.literal('move-module'), moduleId: Id, direction: Direction }),
		z.object({ intent: z.literal('reorder-modules'), order: Order }),
		z.object({ intent: z.literal('add-lesson'), moduleId: Id, kind: LessonKindSchema, title: LessonTitleSchema }),
		z.object({ intent: z.literal('rename-lesson'), lessonId: Id, title: LessonTitleSchema }),
		z.object({ intent: z.literal('delete-lesson'), lessonId: Id }),
		z.object({ intent: z.literal('move-lesson'), lessonId: Id, direction: Direction }),
		z.object({ intent: z.literal('move-lesson-to-module'), lessonId: Id, toModuleId: Id }),
		z.object({ intent: z.literal('reorder-lessons'), moduleId: Id, order: Order }),
	],
	{ error: 'That action is not recognised.' },
)

export type CourseStructureAction = z.output<typeof CourseStructureActionSchema>
export type CourseStructureIntent = CourseStructureAction['intent'] | 'update-details'

/**
 * How long a course's certificates stay valid (blank: they never expire) and the shorter course, if
 * any, that renews them. 0 and 1,000 months are refused beside the field; ten years is the most.
 */
export const CertificateValiditySchema = z.object({
	validityMonths: z
		.number({ error: 'Enter the number of months as a whole number, e.g. 12, or leave it blank' })
		.int('Enter the number of months as a whole number, e.g. 12')
		.min(1, 'A certificate must be valid for at least 1 month (leave it blank if it never expires)')
		.max(120, 'A certificate can be valid for at most 120 months (10 years)')
		.optional(),
	refresherCourseId: singleLineText().trim().max(64, 'Choose a course from the list').optional(),
	/** Learners must attend one reflective circle of the course before its certificate is issued (ADR 0028). */
	requiresCircle: z.boolean().optional(),
})
export type CertificateValidityInput = z.input<typeof CertificateValiditySchema>

/** Texts that are one line in English (titles, labels, option texts) stay one line in Welsh. */
const SINGLE_LINE_TRANSLATION = /\.(title|scaleMinLabel|scaleMaxLabel|text)$/

/**
 * A course version's texts in another language from the studio's Welsh editor (ADR 0041): each a
 * key naming the text (`lesson.<id>.title`…) and the translation; an empty translation removes it,
 * so the English is shown again.
 */
export const CourseTranslationsSchema = z.object({
	versionId: Id,
	texts: z
		.array(
			z
				.object({
					key: z
						.string({ error: 'That request was not complete. Reload the page and try again.' })
						.regex(/^[A-Za-z0-9.]{1,120}$/, 'That request was not complete. Reload the page and try again.'),
					text: multilineText()
						.max(100_000, 'The Welsh must be 100,000 characters or fewer')
						.optional()
						.transform((v) => (v ?? '').trim()),
				})
				.superRefine(({ key, text }, ctx) => {
					if (SINGLE_LINE_TRANSLATION.test(key) && /[\r\n]/.test(text))
						ctx.addIssue({ code: 'custom', path: ['text'], message: 'Write this on one line' })
					else if (SINGLE_LINE_TRANSLATION.test(key) && text.length > 500)
						ctx.addIssue({ code: 'custom', path: ['text'], message: 'This must be 500 characters or fewer' })
				}),
		)
		.min(1, 'There is nothing to save on this page.')
		.max(2_000, 'That is too many texts to save at once.'),
})

export type CourseTranslationsInput = z.input<typeof CourseTranslationsSchema>
