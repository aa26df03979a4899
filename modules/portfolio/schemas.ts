import { z } from 'zod'
import type { RegistrationBody } from '#modules/db/client.ts'
import { isRealIsoDate, londonToday } from './cpd-dates.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

/** How a learner did a piece of CPD they record by hand. */
export const CPD_METHODS = [
	'Course',
	'Conference',
	'Supervision',
	'Reading',
	'Peer discussion',
	'Workshop',
	'Other',
] as const
export type CpdMethod = (typeof CPD_METHODS)[number]

/**
 * The Teachers' Standards (DfE): Part One's eight standards for teaching, by number and name, and Part
 * Two on personal and professional conduct. `tag` is what an entry or record stores (short, as the
 * portfolio has always stored it); `name` is the standard's full heading.
 */
export const TEACHERS_STANDARDS = [
	{
		code: 'TS1',
		tag: 'TS1 Set high expectations',
		name: 'Set high expectations which inspire, motivate and challenge pupils',
	},
	{ code: 'TS2', tag: 'TS2 Promote good progress', name: 'Promote good progress and outcomes by pupils' },
	{
		code: 'TS3',
		tag: 'TS3 Subject and curriculum knowledge',
		name: 'Demonstrate good subject and curriculum knowledge',
	},
	{ code: 'TS4', tag: 'TS4 Plan and teach well-structured lessons', name: 'Plan and teach well structured lessons' },
	{
		code: 'TS5',
		tag: 'TS5 Adapt teaching to pupils’ needs',
		name: 'Adapt teaching to respond to the strengths and needs of all pupils',
	},
	{ code: 'TS6', tag: 'TS6 Use assessment well', name: 'Make accurate and productive use of assessment' },
	{
		code: 'TS7',
		tag: 'TS7 Manage behaviour effectively',
		name: 'Manage behaviour effectively to ensure a good and safe learning environment',
	},
	{ code: 'TS8', tag: 'TS8 Wider professional responsibilities', name: 'Fulfil wider professional responsibilities' },
	{ code: 'Part Two', tag: 'Part Two Personal and professional conduct', name: 'Personal and professional conduct' },
] as const

export const TEACHERS_STANDARD_TAGS = TEACHERS_STANDARDS.map((s) => s.tag) as unknown as readonly [
	(typeof TEACHERS_STANDARDS)[number]['tag'],
	...Array<(typeof TEACHERS_STANDARDS)[number]['tag']>,
]

/**
 * Standards and themes a learner can tick against an entry, for their registration body. They are
 * suggestions: learners can add their own tags too.
 */
export const STANDARD_SUGGESTIONS: Record<RegistrationBody, readonly string[]> = {
	NMC: ['Prioritise people', 'Practise effectively', 'Preserve safety', 'Promote professionalism and trust'],
	HCPC: ['Mix of learning activities', 'Improves the quality of my practice', 'Benefits service users'],
	SWE: [
		'Promote rights, strengths and wellbeing',
		'Establish and maintain trust and confidence',
		'Be accountable for the quality of my practice',
		'Maintain my continuing professional development',
		'Act safely, respectfully and with integrity',
		'Promote ethical practice and report concerns',
		'Peer reflection',
	],
	TEACHER: TEACHERS_STANDARD_TAGS,
	OTHER: [],
}

/** The heading each regulator gives the "standards" an entry meets. */
export const STANDARDS_LABEL: Record<RegistrationBody, string> = {
	NMC: 'Link to the Code',
	HCPC: 'HCPC CPD standards',
	SWE: 'Professional standards',
	TEACHER: 'Teachers’ Standards',
	OTHER: 'Standards or themes',
}

export const MAX_TEXT = 5000
const MAX_TAGS = 20
const MAX_TAG_LENGTH = 100

const longText = (label: string) =>
	multilineText()
		.trim()
		.max(MAX_TEXT, `${label} must be 5,000 characters or fewer`)
		// Null as well as undefined, so that parsed values can be parsed again (the form parses them,
		// then the module checks them once more).
		.nullish()
		.transform((value) => value || null)

const hours = (label: string) =>
	z
		.number({ message: `Enter the ${label} as a number, like 1.5` })
		.refine((value) => Number.isInteger(value * 4), `Enter the ${label} in quarter hours, like 0.25, 1.5 or 2.75`)

const StandardsFields = {
	/** Ticked suggestions (the form sends one value per ticked box). */
	standards: z.array(singleLineText().max(MAX_TAG_LENGTH, 'Each standard must be 100 characters or fewer')).optional(),
	/** Anything else, separated by commas. */
	otherStandards: multilineText().trim().max(1000, 'Other standards must be 1,000 characters or fewer').optional(),
}

const ReflectiveFields = {
	description: longText('The description'),
	reflection: longText('Your reflection'),
	impactOnPractice: longText('The impact on your practice'),
	evidence: longText('The evidence notes'),
	...StandardsFields,
}

/**
 * A CPD entry recorded by hand. Dates are UK calendar days between 1 January 1900 and today; hours
 * run from 0.25 to 100 in quarter hours, and participatory hours cannot exceed them; every long text
 * is at most 5,000 characters.
 */
export const CpdEntrySchema = z
	.object({
		method: z.enum(CPD_METHODS, { message: 'Choose how you did this CPD' }),
		title: singleLineText({ message: 'Enter a title' })
			.trim()
			.min(1, 'Enter a title')
			.max(200, 'The title must be 200 characters or fewer'),
		date: singleLineText({ message: 'Enter the date of the activity' })
			.trim()
			.refine(isRealIsoDate, 'Enter a real date, like 21/11/2026')
			.refine((iso) => !isRealIsoDate(iso) || iso >= '1900-01-01', 'Enter a date from 1900 onwards')
			// Checked at parse time, so "today" is always today (in the UK).
			.refine((iso) => !isRealIsoDate(iso) || iso <= londonToday(), 'The date cannot be in the future'),
		hours: hours('hours')
			.refine((value) => value >= 0.25, 'Enter at least 0.25 hours (15 minutes)')
			.refine((value) => value <= 100, 'Enter 100 hours or fewer'),
		participatoryHours: hours('participatory hours')
			.refine((value) => value >= 0, 'Participatory hours cannot be negative')
			.optional(),
		...ReflectiveFields,
		/**
		 * The learner says the Restorative Justice Council approved this CPD (ADR 0031). Only on a
		 * hand-made entry: a certificate's entry is RJC-approved when its course is.
		 */
		rjcApproved: z.boolean().optional(),
	})
	.superRefine((entry, context) => {
		if ((entry.participatoryHours ?? 0) > entry.hours) {
			context.addIssue({
				code: 'custom',
				path: ['participatoryHours'],
				message: 'Participatory hours cannot be more than the total hours',
			})
		}
	})

export type CpdEntryInput = z.input<typeof CpdEntrySchema>

/**
 * What a learner may change on an entry that came from a certificate: their own words and tags.
 * The activity, date and hours are the certificate's and stay as issued.
 */
export const CpdReflectionSchema = z.object(ReflectiveFields)

export type CpdReflectionInput = z.input<typeof CpdReflectionSchema>

/** Ticked standards and the comma-separated others, as one tidy list without repeats. */
export function mergeStandards({
	standards = [],
	otherStandards = '',
}: {
	standards?: string[]
	otherStandards?: string
}) {
	const all = [...standards, ...otherStandards.split(/[,;\n]/)]
		.map((tag) => tag.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH))
		.filter(Boolean)
	const seen = new Set<string>()
	const unique: string[] = []
	for (const tag of all) {
		const key = tag.toLowerCase()
		if (seen.has(key)) continue
		seen.add(key)
		unique.push(tag)
	}
	return unique.slice(0, MAX_TAGS)
}

/** Hours to whole minutes (the hours are quarter hours, so this is exact). */
export function hoursToMinutes(value: number) {
	return Math.round(value * 60)
}
