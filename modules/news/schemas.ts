// The shapes of a news post as a trainer writes it. The studio's form validates with these (errors
// beside the fields) and the module functions validate again (nothing invalid is ever stored).
import { z } from 'zod'
import { SLUG_PATTERN } from '#modules/authoring/schemas.ts'
import { Sector } from '#modules/db/generated/enums.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

/** Slugs that would clash with routes under /news. */
export const RESERVED_NEWS_SLUGS = ['feed', 'feed-xml', 'new'] as const

export const NEWS_SUMMARY_MAX = 300
export const NEWS_TITLE_MAX = 150
export const NEWS_BODY_MAX = 50_000
export const NEWS_PAGE_SIZE = 10

const SECTOR_VALUES = Object.values(Sector) as [Sector, ...Sector[]]

/** A date typed in a date input (YYYY-MM-DD), read as that day in the UK; empty means "not set". */
const publishedOnField = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as day, month and year, e.g. 2026-12-06')
	.refine((value) => {
		const date = new Date(`${value}T12:00:00Z`)
		return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
	}, 'Enter a real date, e.g. 2026-12-06')
	.optional()

/** A post's web address: /news/<slug>. */
export const NewsSlugSchema = singleLineText({ error: 'Enter a web address for the post' })
	.trim()
	.toLowerCase()
	.min(3, 'The web address must be at least 3 characters')
	.max(80, 'The web address must be 80 characters or fewer')
	.regex(SLUG_PATTERN, 'Use lower-case letters, numbers and single hyphens only, e.g. our-first-term')
	.refine((slug) => !(RESERVED_NEWS_SLUGS as readonly string[]).includes(slug), {
		message: 'That web address is reserved: choose another',
	})

export const NewsPostSchema = z.object({
	title: singleLineText({ error: 'Enter a title' })
		.trim()
		.min(3, 'The title must be at least 3 characters')
		.max(NEWS_TITLE_MAX, `The title must be ${NEWS_TITLE_MAX} characters or fewer`),
	/** Left empty, it is made from the title. */
	slug: NewsSlugSchema.optional(),
	summary: multilineText({ error: 'Enter a summary' })
		.trim()
		.min(10, 'The summary must be at least 10 characters')
		.max(NEWS_SUMMARY_MAX, `The summary must be ${NEWS_SUMMARY_MAX} characters or fewer`),
	body: multilineText({ error: 'Write the post' })
		.trim()
		.min(1, 'Write the post')
		.max(NEWS_BODY_MAX, 'The post must be 50,000 characters or fewer'),
	sectors: z
		.array(z.enum(SECTOR_VALUES, { error: 'Choose sectors from the list' }))
		.max(SECTOR_VALUES.length)
		.default([]),
	coverAlt: singleLineText()
		.trim()
		.max(250, 'The description of the image must be 250 characters or fewer')
		.default(''),
	/** The published date (UK day); only used once the post is published. */
	publishedOn: publishedOnField,
})
export type NewsPostInput = z.input<typeof NewsPostSchema>
export type NewsPostDetails = z.output<typeof NewsPostSchema>

const welshText = (max: number, tooLong: string) => multilineText().trim().max(max, tooLong).default('')

/**
 * A post's Welsh version (ADR 0041, 0043): the title, summary and body together, or none of them
 * (every field empty removes it, and Welsh readers see the English again). Half a translation is
 * refused beside the missing field.
 */
export const NewsPostWelshSchema = z
	.object({
		title: singleLineText()
			.trim()
			.max(NEWS_TITLE_MAX, `The Welsh title must be ${NEWS_TITLE_MAX} characters or fewer`)
			.default(''),
		summary: welshText(NEWS_SUMMARY_MAX, `The Welsh summary must be ${NEWS_SUMMARY_MAX} characters or fewer`),
		body: welshText(NEWS_BODY_MAX, 'The Welsh post must be 50,000 characters or fewer'),
	})
	.superRefine((value, ctx) => {
		const filled = [value.title, value.summary, value.body].some((text) => text !== '')
		if (!filled) return
		if (value.title.length < 3) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Enter the Welsh title' })
		if (value.summary.length < 10) {
			ctx.addIssue({ code: 'custom', path: ['summary'], message: 'Enter the Welsh summary (at least 10 characters)' })
		}
		if (value.body === '') ctx.addIssue({ code: 'custom', path: ['body'], message: 'Write the Welsh post' })
	})
export type NewsPostWelshInput = z.input<typeof NewsPostWelshSchema>

/** The studio's other buttons on a post. */
export const NewsPostActionSchema = z.object({
	intent: z.enum(['publish', 'unpublish', 'remove-cover'], {
		error: 'That request was not complete. Reload the page.',
	}),
})

/** A cover's description, sent with the upload. */
export const NewsCoverAltSchema = z.object({
	coverAlt: singleLineText({ error: 'Describe the image for people who cannot see it' })
		.trim()
		.min(3, 'Describe the image for people who cannot see it')
		.max(250, 'The description of the image must be 250 characters or fewer'),
})

/**
 * /news's query: `sector` (a sector's slug or name) and `page`. Anything unreadable falls back to
 * every sector and the first page: a mistyped link is never an error page.
 */
export const NewsListQuerySchema = z.object({
	sector: z
		.string()
		.trim()
		.toUpperCase()
		.transform((value) => value.replaceAll('-', '_'))
		.pipe(z.enum(SECTOR_VALUES))
		.optional()
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
