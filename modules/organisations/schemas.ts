import { z } from 'zod'
import { NameSchema, NewPasswordSchema } from '#modules/auth/schemas.ts'
import type { OrgRole, Sector } from '#modules/db/generated/enums.ts'
import { LANGUAGES } from '#modules/i18n/languages.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'
import { parseAddress } from './address-list.ts'

// Shared by the server and the browser (Conform's client-side validation): zod and types only.

export const ORG_ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const satisfies readonly OrgRole[]
export const ORG_ROLE_LABELS: Record<OrgRole, string> = { OWNER: 'Owner', ADMIN: 'Administrator', MEMBER: 'Member' }

const SECTOR_VALUES = [
	'FOUNDATIONS',
	'SCHOOLS',
	'HEALTH_SOCIAL_CARE',
	'CRIMINAL_JUSTICE',
	'PARENTS_CARERS',
] as const satisfies readonly Sector[]

/** Slugs that would clash with a route under /org. */
export const RESERVED_SLUGS = new Set(['new', 'admin', 'api'])

/** "St Mary's C of E Primary" → "st-marys-c-of-e-primary". */
export function slugify(name: string) {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '')
}

function required(message: string) {
	return { error: (issue: { input: unknown }) => (issue.input === undefined ? message : undefined) }
}

export const SlugSchema = singleLineText()
	.trim()
	.toLowerCase()
	.min(3, 'Web address must be 3 characters or more')
	.max(60, 'Web address must be 60 characters or fewer')
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use only lower-case letters, numbers and single hyphens, like st-marys-school')
	.refine((slug) => !RESERVED_SLUGS.has(slug), 'That web address is reserved: choose another')

export const CreateOrganisationSchema = z.object({
	name: singleLineText(required('Enter the organisation’s name'))
		.trim()
		.min(2, 'Name must be 2 characters or more')
		.max(120, 'Name must be 120 characters or fewer'),
	/** Optional: derived from the name when left empty. */
	slug: SlugSchema.optional(),
	sector: z.enum(SECTOR_VALUES, { error: 'Choose a sector from the list' }).optional(),
	/** Optional: where invoices and receipts go. */
	billingEmail: singleLineText()
		.trim()
		.max(254, 'Email address must be 254 characters or fewer')
		.pipe(z.email('Enter an email address in the correct format, like finance@school.org.uk'))
		.optional(),
})

export const ChangeRoleSchema = z.object({
	intent: z.literal('change-role'),
	membershipId: singleLineText(required('Choose a member')).min(1),
	role: z.enum(ORG_ROLES, { error: 'Choose a role from the list' }),
})

export const RemoveMemberSchema = z.object({
	intent: z.literal('remove'),
	membershipId: singleLineText(required('Choose a member')).min(1),
})

/** Leaving an organisation of one's own accord (on /org). */
export const LeaveOrganisationSchema = z.object({
	intent: z.literal('leave'),
	organisationId: singleLineText(required('Choose an organisation')).min(1),
})

export const InviteFormSchema = z.object({
	poolId: singleLineText(required('Choose a course')).min(1, 'Choose a course'),
	emails: multilineText().max(200_000, 'The list is too long: invite at most 1,000 people at a time').optional(),
})

/** The largest invitation CSV accepted (1,000 rows fit easily). */
export const MAX_INVITATION_CSV_BYTES = 1024 * 1024

/** The seats page's invite form: one address, a pasted list, or a CSV upload. */
export const InviteStaffFormSchema = z.discriminatedUnion('mode', [
	z.object({
		intent: z.literal('invite'),
		mode: z.literal('single'),
		// The language of the invitation email for people without an account of their own (ADR 0041).
		language: z.enum(LANGUAGES, { error: 'Choose English or Cymraeg for the invitation email' }).default('en'),
		// An address copied from Outlook (`Carys Hughes <carys.hughes@…>`) is read for its address.
		email: singleLineText(required('Enter an email address'))
			.transform((value) => parseAddress(value).email)
			.pipe(
				z
					.string()
					.max(254, 'Email address must be 254 characters or fewer')
					.pipe(z.email('Enter an email address in the correct format, like name@school.org.uk')),
			),
	}),
	z.object({
		intent: z.literal('invite'),
		mode: z.literal('list'),
		// The language of the invitation email for people without an account of their own (ADR 0041).
		language: z.enum(LANGUAGES, { error: 'Choose English or Cymraeg for the invitation email' }).default('en'),
		emails: multilineText(required('Enter at least one email address')).max(
			200_000,
			'The list is too long: invite at most 1,000 people at a time',
		),
	}),
	z.object({
		intent: z.literal('invite'),
		mode: z.literal('csv'),
		// The language of the invitation email for people without an account of their own (ADR 0041).
		language: z.enum(LANGUAGES, { error: 'Choose English or Cymraeg for the invitation email' }).default('en'),
		file: z
			.instanceof(File, { message: 'Choose a CSV file' })
			.refine((file) => file.size > 0, 'Choose a CSV file')
			.refine((file) => file.size <= MAX_INVITATION_CSV_BYTES, 'The file must be 1 MB or smaller'),
	}),
])

/** The seats page's other buttons: each names what it acts on. */
export const SeatActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.enum(['resend', 'revoke']), invitationId: singleLineText().min(1) }),
	z.object({ intent: z.enum(['reclaim', 'remove-access', 'remind']), assignmentId: singleLineText().min(1) }),
	z.object({ intent: z.literal('remind-all') }),
])

/** Signing up from an invitation: the address is the invited one, so only a name and a password. */
export const InvitationSignUpSchema = z.object({
	intent: z.literal('signup'),
	name: NameSchema,
	password: NewPasswordSchema,
})

export const MIN_SEATS_PER_ORDER = 1
export const MAX_SEATS_PER_ORDER = 1000

export const BuySeatsSchema = z
	.object({
		course: singleLineText(required('Choose a course')).min(1, 'Choose a course'),
		quantity: z.coerce
			.number({ error: (issue) => (issue.input === undefined ? 'Enter how many seats' : 'Enter a whole number') })
			.int('Enter a whole number')
			.min(MIN_SEATS_PER_ORDER, `Buy at least ${MIN_SEATS_PER_ORDER} seat`)
			.max(
				MAX_SEATS_PER_ORDER,
				`You can buy at most ${MAX_SEATS_PER_ORDER.toLocaleString('en-GB')} seats in one order`,
			),
		method: z.enum(['CARD', 'INVOICE'], { error: 'Choose how to pay' }),
		purchaseOrderNumber: singleLineText().max(60, 'Purchase order number must be 60 characters or fewer').optional(),
	})
	.superRefine((value, ctx) => {
		if (value.method === 'INVOICE' && !value.purchaseOrderNumber) {
			ctx.addIssue({ code: 'custom', path: ['purchaseOrderNumber'], message: 'Enter your purchase order number' })
		}
	})

export type VolumeTier = { minQuantity: number; unitPricePence: number }

/** Reads course.volumeTiers (JSON) defensively: malformed entries are ignored. */
export function parseVolumeTiers(value: unknown): VolumeTier[] {
	if (!Array.isArray(value)) return []
	return value
		.filter(
			(t): t is VolumeTier =>
				typeof t === 'object' &&
				t !== null &&
				Number.isInteger((t as VolumeTier).minQuantity) &&
				Number.isInteger((t as VolumeTier).unitPricePence),
		)
		.sort((a, b) => a.minQuantity - b.minQuantity)
}

/** The price of one seat when buying `quantity`: the tier with the highest minQuantity that applies wins. */
export function unitPriceFor({
	basePence,
	tiers,
	quantity,
}: {
	basePence: number
	tiers: VolumeTier[]
	quantity: number
}) {
	let price = basePence
	for (const tier of tiers) if (quantity >= tier.minQuantity) price = tier.unitPricePence
	return price
}
