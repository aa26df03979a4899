// The shapes of everything a trainer writes about a programme. Routes validate forms with these (so
// errors appear beside fields) and the module functions validate again (so nothing invalid is stored).
import { z } from 'zod'
import { pricePoundsField, SLUG_PATTERN } from '#modules/authoring/schemas.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

/** Slugs that would clash with routes under /programmes. */
export const RESERVED_PROGRAMME_SLUGS = ['new', 'enrol'] as const

/** A programme needs at least two courses to be a path, and more than twelve is a curriculum. */
export const MIN_PROGRAMME_COURSES = 2
export const MAX_PROGRAMME_COURSES = 12

export const ProgrammeDetailsSchema = z.object({
	title: singleLineText({ error: 'Enter a title' })
		.trim()
		.min(3, 'The title must be at least 3 characters')
		.max(150, 'The title must be 150 characters or fewer'),
	slug: singleLineText({ error: 'Enter a web address for the programme' })
		.trim()
		.toLowerCase()
		.min(3, 'The web address must be at least 3 characters')
		.max(80, 'The web address must be 80 characters or fewer')
		.regex(SLUG_PATTERN, 'Use lower-case letters, numbers and single hyphens only, e.g. restorative-schools-path')
		.refine((slug) => !(RESERVED_PROGRAMME_SLUGS as readonly string[]).includes(slug), {
			message: 'That web address is reserved: choose another',
		}),
	summary: multilineText({ error: 'Enter a summary' })
		.trim()
		.min(10, 'The summary must be at least 10 characters')
		.max(400, 'The summary must be 400 characters or fewer'),
	description: multilineText().trim().max(20_000, 'The description must be 20,000 characters or fewer').default(''),
	sequential: z.boolean().default(false),
	/** The price of the whole programme; 0 (the default) makes it free to join. */
	pricePounds: pricePoundsField.default(0),
})
export type ProgrammeDetails = z.input<typeof ProgrammeDetailsSchema>

/**
 * A course to add, by its web address (what the trainer sees in the studio and on the course page):
 * a text field with suggestions, so the refusals for a draft course, a course of someone else's or
 * the programme itself are messages beside the field rather than options that cannot be chosen.
 */
export const AddProgrammeCourseSchema = z.object({
	intent: z.literal('add-course'),
	courseSlug: singleLineText({ error: 'Enter the web address of a course, e.g. restorative-conversations' })
		.trim()
		.toLowerCase()
		.min(1, 'Enter the web address of a course, e.g. restorative-conversations')
		.max(200, 'That is too long to be a course’s web address'),
})

export const ProgrammeCourseActionSchema = z.object({
	intent: z.enum(['remove-course', 'move-up', 'move-down']),
	courseId: singleLineText({ error: 'Choose a course' }).trim().min(1).max(64),
})

/** The public programme page's one form: join a free programme, or buy a priced one. */
export const ProgrammeJoinSchema = z.object({
	intent: z.enum(['join', 'buy'], { error: 'Choose to join or to buy the programme' }).default('join'),
})
