import { z } from 'zod'
import type { ReflectiveRecordKind } from '#modules/db/client.ts'
import { isRealIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { TEACHERS_STANDARD_TAGS } from '#modules/portfolio/schemas.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

// One zod schema per regulator form. The browser checks a form with the same schema (Conform), the
// module checks it again before it is stored, and a stored record's `fields` are read back through it,
// so a record in the database always has its form's shape. This file imports only zod and pure
// helpers: the forms use it in the browser.

export const RECORD_KINDS = [
	'NMC_REFLECTIVE_ACCOUNT',
	'NMC_FEEDBACK',
	'NMC_DISCUSSION',
	'SWE_CPD',
	'HCPC_PROFILE',
	'RJC_SUPERVISION',
	'RJC_OBSERVED_PRACTICE',
	'TEACHER_SIGN_OFF',
] as const satisfies readonly ReflectiveRecordKind[]

/** Who a form belongs to. */
export type Regulator = 'NMC' | 'SWE' | 'HCPC' | 'RJC' | 'TEACHER'

/** What a form's page says about where its questions come from, its PDF's header and the registrant's number. */
export const REGULATOR_INFO: Record<Regulator, { intro: string; pdfHeader: string; numberLabel: string }> = {
	NMC: {
		intro: 'The questions follow the NMC’s own form, so you can print or export it as it is.',
		pdfHeader: 'Nursing and Midwifery Council: revalidation',
		numberLabel: 'NMC PIN',
	},
	SWE: {
		intro: 'The questions follow Social Work England’s own form, so you can print or export it as it is.',
		pdfHeader: 'Social Work England: CPD',
		numberLabel: 'Registration number',
	},
	HCPC: {
		intro:
			'If the HCPC selects you for audit, it asks for a profile in this order: a summary of your practice, a statement of how your CPD has met its standards, and a dated list of your activities. Circle builds the list from your portfolio; you write the rest, and can save it half-done.',
		pdfHeader: 'Health and Care Professions Council: CPD profile',
		numberLabel: 'HCPC registration number',
	},
	RJC: {
		intro:
			'The questions follow what the Restorative Justice Council’s Code of Practice asks you to keep, so you can print or export it as it is.',
		pdfHeader: 'Restorative Justice Council: Code of Practice',
		numberLabel: 'RJC registration number',
	},
	TEACHER: {
		intro:
			'There is no set form for teachers: the questions follow the Teachers’ Standards and the DfE’s standard for professional development, which puts pupils’ outcomes first.',
		pdfHeader: 'Teachers’ professional development',
		numberLabel: 'Teacher reference number',
	},
}

/** Each form's name as the learner sees it, and the path segment of its page. */
export const RECORD_KIND_INFO: Record<
	ReflectiveRecordKind,
	{
		label: string
		slug: string
		regulator: Regulator
		partner: 'discussion partner' | 'peer' | 'mentor or line manager' | null
	}
> = {
	NMC_REFLECTIVE_ACCOUNT: {
		label: 'NMC reflective account',
		slug: 'nmc-reflective-account',
		regulator: 'NMC',
		partner: null,
	},
	NMC_FEEDBACK: { label: 'NMC practice-related feedback', slug: 'nmc-feedback', regulator: 'NMC', partner: null },
	NMC_DISCUSSION: {
		label: 'NMC reflective discussion',
		slug: 'nmc-reflective-discussion',
		regulator: 'NMC',
		partner: 'discussion partner',
	},
	SWE_CPD: { label: 'Social Work England CPD record', slug: 'swe-cpd', regulator: 'SWE', partner: 'peer' },
	HCPC_PROFILE: { label: 'HCPC CPD profile', slug: 'hcpc-profile', regulator: 'HCPC', partner: null },
	RJC_SUPERVISION: { label: 'RJC supervision log', slug: 'rjc-supervision', regulator: 'RJC', partner: null },
	RJC_OBSERVED_PRACTICE: {
		label: 'RJC observed practice',
		slug: 'rjc-observed-practice',
		regulator: 'RJC',
		partner: null,
	},
	TEACHER_SIGN_OFF: {
		label: 'Teacher development record',
		slug: 'teacher-development',
		regulator: 'TEACHER',
		partner: 'mentor or line manager',
	},
}

/** Whether the partner signs off the whole record (a teacher's mentor), and so may read its answers. */
export function isSignOff(kind: ReflectiveRecordKind) {
	return kind === 'TEACHER_SIGN_OFF'
}

/** The name the learner gave for the person who confirms a record, if any. */
export function partnerNameOf(fields: Record<string, unknown>) {
	const value = fields.partnerName ?? fields.peerName ?? fields.signerName
	return typeof value === 'string' && value ? value : null
}

export function kindFromSlug(slug: string | undefined): ReflectiveRecordKind | null {
	return RECORD_KINDS.find((kind) => RECORD_KIND_INFO[kind].slug === slug) ?? null
}

/** The Code's four themes, as the NMC names them. */
export const NMC_CODE_THEMES = [
	'Prioritise people',
	'Practise effectively',
	'Preserve safety',
	'Promote professionalism and trust',
] as const

/** Where practice-related feedback can come from. */
export const FEEDBACK_SOURCES = [
	'People who use services',
	'Patients or families',
	'Colleagues',
	'Students',
	'Manager or appraisal',
	'Complaint, compliment or audit',
	'Other',
] as const

/** Kinds of CPD Social Work England lists. */
export const SWE_CPD_TYPES = [
	'Course or training',
	'Reading or research',
	'Supervision',
	'Reflective practice',
	'Shadowing or observation',
	'Peer learning or group discussion',
	'Conference or event',
	'Other',
] as const

/** Social Work England's professional standard 4 ("maintain my continuing professional development"), in short. */
export const SWE_STANDARDS = [
	'4.1 Feedback from people I work with',
	'4.2 Supervision and reflection',
	'4.3 Keeping my knowledge and skills up to date',
	'4.4 Contributing to others’ learning',
	'4.5 Reflecting on my learning',
	'4.6 Using research and evidence',
	'4.7 Recording my learning',
	'4.8 Values and ethics',
] as const

/** The two kinds of supervision the RJC's Code of Practice names. */
export const RJC_SUPERVISION_TYPES = ['Case supervision', 'Group supervision'] as const

/** Restorative processes an observer might watch. */
export const RJC_PROCESSES = [
	'Restorative conference (face to face)',
	'Restorative meeting',
	'Shuttle (indirect) process',
	'Circle',
	'Other',
] as const

/** Who signs a teacher's development record. */
export const TEACHER_SIGNER_ROLES = ['Mentor', 'Line manager', 'Induction tutor', 'Other'] as const

const MAX_TEXT = 5000

const required = (label: string, max = MAX_TEXT) =>
	multilineText({ message: `Enter ${label}` })
		.trim()
		.min(1, `Enter ${label}`)
		.max(max, `This must be ${max.toLocaleString('en-GB')} characters or fewer`)

const optionalText = (max = MAX_TEXT) =>
	multilineText()
		.trim()
		.max(max, `This must be ${max.toLocaleString('en-GB')} characters or fewer`)
		.optional()
		.transform((value) => value || undefined)

/** A UK calendar day, not in the future (checked when parsed, so "today" is always today in the UK). */
export const pastDate = (label: string) =>
	singleLineText({ message: `Enter ${label}` })
		.trim()
		.min(1, `Enter ${label}`)
		.refine(isRealIsoDate, 'Enter a real date, like 21/11/2026')
		.refine((iso) => !isRealIsoDate(iso) || iso >= '1990-01-01', 'Enter a date from 1990 onwards')
		.refine((iso) => !isRealIsoDate(iso) || iso <= londonToday(), 'The date cannot be in the future')

export const emailAddress = (label: string) =>
	singleLineText({ message: `Enter ${label}` })
		.trim()
		.min(1, `Enter ${label}`)
		.max(254, 'The email address is too long')
		.pipe(z.email({ message: 'Enter an email address like name@example.org' }))
		.transform((value) => value.toLowerCase())

const optionalEmail = (label: string) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
		emailAddress(label).optional(),
	)

const Common = {
	title: singleLineText({ message: 'Enter a title' })
		.min(1, 'Enter a title')
		.max(200, 'The title must be 200 characters or fewer'),
	date: pastDate('the date'),
	/** The lesson reflection pulled in, if any (a hidden field). */
	sourceReflectionId: singleLineText().max(40).optional(),
}

/** The NMC reflective account form's four questions. */
export const NmcReflectiveAccountSchema = z.object({
	...Common,
	activity: required('what the activity, feedback or event was'),
	learnt: required('what you learnt'),
	changedPractice: required('how you changed or improved your practice'),
	codeThemes: z
		.array(z.enum(NMC_CODE_THEMES, { message: 'Choose a theme from the list' }), {
			message: 'Choose at least one theme of the Code',
		})
		.min(1, 'Choose at least one theme of the Code'),
	codeRelevance: required('how this is relevant to the Code'),
})

/** A piece of practice-related feedback and what the learner did with it. */
export const NmcFeedbackSchema = z.object({
	...Common,
	source: z.enum(FEEDBACK_SOURCES, { message: 'Choose where the feedback came from' }),
	summary: required('what the feedback said'),
	response: required('how you used it'),
})

/**
 * The reflective discussion: the date, the partner's name and email (they confirm their own details
 * from the emailed link), and notes on which accounts were discussed. Nothing that identifies anyone else.
 */
export const NmcDiscussionSchema = z.object({
	...Common,
	partnerName: singleLineText({ message: 'Enter your partner’s name' })
		.min(1, 'Enter your partner’s name')
		.max(200, 'The name must be 200 characters or fewer'),
	partnerEmail: emailAddress('your partner’s email address'),
	notes: optionalText(),
})

/** Social Work England's CPD record, with the optional peer reflection. */
export const SweCpdSchema = z.object({
	...Common,
	cpdType: z.enum(SWE_CPD_TYPES, { message: 'Choose the type of CPD' }),
	description: required('a short description and why it is relevant'),
	learnt: required('what you learnt'),
	impact: required('the impact on your practice and the people you work with'),
	standards: z.array(z.enum(SWE_STANDARDS, { message: 'Choose a standard from the list' })).optional(),
	peerReflection: optionalText(),
	peerName: singleLineText()
		.max(200, 'The name must be 200 characters or fewer')
		.optional()
		.transform((v) => v || undefined),
	peerEmail: optionalEmail('your peer’s email address'),
})

/**
 * Words as a word processor counts them: runs of characters between spaces or line breaks. The
 * browser's live counter and the server's limit both use this, so they never disagree.
 */
export function countWords(text: string | null | undefined) {
	const trimmed = (text ?? '').trim()
	return trimmed ? trimmed.split(/\s+/u).length : 0
}

/** The HCPC's word limits for a CPD profile. */
export const HCPC_WORD_LIMITS = { summary: 500, statement: 1500 } as const

const numberEn = (n: number) => n.toLocaleString('en-GB')

/** Optional text of at most `maxWords` words (and a generous character cap, so a paste cannot flood the row). */
const wordLimitedText = (label: string, maxWords: number) =>
	multilineText()
		.trim()
		.max(maxWords * 12, `This is too long: the HCPC allows up to ${numberEn(maxWords)} words`)
		.superRefine((value, ctx) => {
			const words = countWords(value)
			if (words > maxWords) {
				ctx.addIssue({
					code: 'custom',
					// Whole sentences, one per plural form, as the error catalogue has them (ADR 0045).
					message:
						words - maxWords === 1
							? `Your ${label} is ${numberEn(words)} words: the HCPC allows up to ${numberEn(maxWords)}. Cut ${numberEn(words - maxWords)} word.`
							: `Your ${label} is ${numberEn(words)} words: the HCPC allows up to ${numberEn(maxWords)}. Cut ${numberEn(words - maxWords)} words.`,
				})
			}
		})
		.optional()
		.transform((value) => value || undefined)

/**
 * The HCPC CPD profile. Both parts may be saved half-written (a profile is built over weeks), but
 * never over the HCPC's limits: a summary of practice of up to 500 words and a statement of up to
 * 1,500. The gap explanation answers the warnings the builder shows for the dated list of activities.
 */
export const HcpcProfileSchema = z.object({
	...Common,
	summary: wordLimitedText('summary of practice', HCPC_WORD_LIMITS.summary),
	statement: wordLimitedText('statement', HCPC_WORD_LIMITS.statement),
	gapExplanation: optionalText(),
})

const personName = (message: string) =>
	singleLineText({ message }).min(1, message).max(200, 'The name must be 200 characters or fewer')

/**
 * One entry of the RJC supervision log: the Code of Practice asks for case supervision at least every
 * 12 weeks. Cases are described without naming or identifying anyone.
 */
export const RjcSupervisionSchema = z.object({
	...Common,
	supervisor: personName('Enter your supervisor’s name'),
	supervisionType: z.enum(RJC_SUPERVISION_TYPES, { message: 'Choose case or group supervision' }),
	casesDiscussed: required('the cases you discussed, without identifying anyone'),
	learning: required('what you learnt'),
	actions: required('the actions you agreed'),
})

/** A restorative process of the learner's that someone observed: the RJC asks for one a year. */
export const RjcObservedPracticeSchema = z.object({
	...Common,
	observer: personName('Enter the observer’s name'),
	observerRole: singleLineText()
		.max(200, 'The role must be 200 characters or fewer')
		.optional()
		.transform((v) => v || undefined),
	process: z.enum(RJC_PROCESSES, { message: 'Choose the kind of process' }),
	feedback: required('the observer’s feedback'),
	learning: required('what you learnt'),
	actions: optionalText(),
})

/**
 * A teacher's development record, tagged to the Teachers' Standards, that a mentor or line manager
 * signs off from an emailed single-use link.
 */
export const TeacherSignOffSchema = z.object({
	...Common,
	activity: required('what you did'),
	standards: z
		.array(z.enum(TEACHERS_STANDARD_TAGS, { message: 'Choose a standard from the list' }), {
			message: 'Choose at least one of the Teachers’ Standards',
		})
		.min(1, 'Choose at least one of the Teachers’ Standards'),
	pupilImpact: required('the difference it made to your pupils'),
	evidence: optionalText(),
	nextSteps: optionalText(),
	signerName: personName('Enter your mentor’s or line manager’s name'),
	signerRole: z.enum(TEACHER_SIGNER_ROLES, { message: 'Choose their role' }),
	signerEmail: emailAddress('their email address'),
})

export const RECORD_SCHEMAS = {
	NMC_REFLECTIVE_ACCOUNT: NmcReflectiveAccountSchema,
	NMC_FEEDBACK: NmcFeedbackSchema,
	NMC_DISCUSSION: NmcDiscussionSchema,
	SWE_CPD: SweCpdSchema,
	HCPC_PROFILE: HcpcProfileSchema,
	RJC_SUPERVISION: RjcSupervisionSchema,
	RJC_OBSERVED_PRACTICE: RjcObservedPracticeSchema,
	TEACHER_SIGN_OFF: TeacherSignOffSchema,
} as const satisfies Record<ReflectiveRecordKind, z.ZodType>

export type RecordInput<K extends ReflectiveRecordKind = ReflectiveRecordKind> = z.input<(typeof RECORD_SCHEMAS)[K]>
export type RecordValues<K extends ReflectiveRecordKind = ReflectiveRecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]>

/** The shape each kind stores in `fields`: its form's answers without the title, date and source. */
export type RecordFields = Record<string, string | string[] | undefined>

/** An NMC PIN: two digits, a letter, four digits and a letter, like 12A3456E (spaces ignored). */
export const NMC_PIN = /^\d{2}[A-Z]\d{4}[A-Z]$/

/**
 * What a partner attests on the confirmation page. The NMC PIN is asked for only on an NMC
 * discussion (the `pin` option); a Social Work England peer gives their role instead, if they like.
 */
export function confirmationSchema({ pin, signOff = false }: { pin: boolean; signOff?: boolean }) {
	return z.object({
		name: singleLineText({ message: 'Enter your name' })
			.min(1, 'Enter your name')
			.max(200, 'Your name must be 200 characters or fewer'),
		email: emailAddress('your email address'),
		date: pastDate(signOff ? 'the date you signed it off' : 'the date of the discussion'),
		pin: pin
			? singleLineText({ message: 'Enter your NMC PIN' })
					.transform((value) => value.replace(/\s+/g, '').toUpperCase())
					.pipe(
						z
							.string()
							.min(1, 'Enter your NMC PIN')
							.regex(NMC_PIN, 'Enter your NMC PIN as two numbers, a letter, four numbers and a letter, like 12A3456E'),
					)
			: z.undefined().optional(),
		role: singleLineText()
			.max(200, 'Your role must be 200 characters or fewer')
			.optional()
			.transform((v) => v || undefined),
		/** A mentor's or line manager's comment on a teacher's record (sign-off only). */
		comment: signOff ? optionalText(2000) : z.undefined().optional(),
		agree: z.literal('on', { message: 'Tick the box to confirm' }),
	})
}

/** What the partner's form sends (the PIN only on an NMC discussion). */
export type ConfirmationInput = {
	name: string
	email: string
	date: string
	pin?: string
	role?: string
	comment?: string
	agree?: string
}
export type Attestation = {
	name: string
	email: string
	date: string
	pin?: string
	role?: string
	comment?: string
}
