// First: configures zod in the browser before this module builds its schemas (see the file).
import '#modules/validation/zod-jitless.ts'
import { z } from 'zod'
import { fromLondonLocal } from '#modules/circles/london-time.ts'
import { NEWSLETTER_LIMITS, NEWSLETTER_SECTORS, NEWSLETTER_SOURCES } from './options.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

export { NEWSLETTER_LIMITS, NEWSLETTER_SECTORS, NEWSLETTER_SOURCES, type NewsletterSource } from './options.ts'

// A checkbox group posts nothing, one value or several: always an array here.
const sectorList = z
	.preprocess(
		(value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
		z.array(z.enum(NEWSLETTER_SECTORS, { error: 'Choose sectors from the list' })),
	)
	.transform((sectors) => [...new Set(sectors)])

/** The "join the inner circle" form (footer, home page). */
export const NewsletterSignupSchema = z.object({
	email: singleLineText({ error: 'Enter your email address' })
		.trim()
		.min(1, 'Enter your email address')
		.max(NEWSLETTER_LIMITS.emailMax, `Your email address must be ${NEWSLETTER_LIMITS.emailMax} characters or fewer`)
		.pipe(z.email('Enter an email address in the correct format, like name@example.org'))
		.transform((v) => v.toLowerCase()),
	name: singleLineText()
		.trim()
		.max(NEWSLETTER_LIMITS.nameMax, `Your name must be ${NEWSLETTER_LIMITS.nameMax} characters or fewer`)
		.optional()
		.transform((v) => v || undefined),
	sectors: sectorList,
	source: z.enum(NEWSLETTER_SOURCES).catch('footer'),
})
export type NewsletterSignupInput = z.input<typeof NewsletterSignupSchema>

/** Changing interests from the preferences page or /account/newsletter. */
export const NewsletterPreferencesSchema = z.object({ sectors: sectorList })

/** An issue's content, as written in the studio. */
export const NewsletterIssueSchema = z.object({
	subject: singleLineText({ error: 'Enter a subject' })
		.trim()
		.min(1, 'Enter a subject')
		.max(NEWSLETTER_LIMITS.subjectMax, `The subject must be ${NEWSLETTER_LIMITS.subjectMax} characters or fewer`),
	markdown: multilineText({ error: 'Write the newsletter' })
		.trim()
		.min(1, 'Write the newsletter')
		.max(NEWSLETTER_LIMITS.markdownMax, 'The newsletter must be 50,000 characters or fewer'),
	sectors: sectorList,
})
export type NewsletterIssueInput = z.input<typeof NewsletterIssueSchema>

/** "Schedule" in the studio: a London wall-clock time that must be after `now`. */
export function newsletterScheduleSchema(now: Date) {
	return z.object({
		sendAt: singleLineText({ error: 'Enter the date and time to send it' })
			.refine((value) => fromLondonLocal(value) !== null, 'Enter a date and time, e.g. 14/12/2026 09:00')
			.refine((value) => (fromLondonLocal(value)?.getTime() ?? 0) > now.getTime(), 'Choose a time in the future'),
	})
}
