import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'
import { ScimError } from './errors.ts'

// The subset of the RFC 7643 core User schema Circle keeps (userName, name, displayName, emails,
// active, externalId), validated with zod. Every other attribute an identity provider sends
// (Entra ID's defaults include title, phoneNumbers, addresses and the enterprise extension) is
// accepted and ignored, as RFC 7644 §3.3 allows for attributes the service provider does not support.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error'

/** SCIM booleans, as Entra ID sends them: true/false, or the strings "True"/"False" in PATCH values. */
const scimBoolean = z.union([
	z.boolean(),
	z
		.string()
		.trim()
		.toLowerCase()
		.pipe(z.enum(['true', 'false']))
		.transform((value) => value === 'true'),
])

const shortText = (max: number) => singleLineText().max(max)

const EmailEntrySchema = z.object({
	value: shortText(254),
	type: shortText(40).optional(),
	primary: scimBoolean.optional(),
})

const NameSchema = z.object({
	formatted: shortText(200).optional(),
	givenName: shortText(100).optional(),
	familyName: shortText(100).optional(),
})

/** A User resource as POST and PUT send it. userName is the one required attribute. */
export const ScimUserSchema = z.object({
	schemas: z.array(z.string()).optional(),
	userName: shortText(254).min(1, 'userName is required'),
	externalId: shortText(200).min(1).optional(),
	active: scimBoolean.optional(),
	displayName: shortText(200).optional(),
	name: NameSchema.optional(),
	emails: z.array(EmailEntrySchema).max(20).optional(),
})
export type ScimUserInput = z.infer<typeof ScimUserSchema>

/** A PATCH request (RFC 7644 §3.5.2). Op names are matched without regard to case (Entra sends "Replace"). */
export const PatchRequestSchema = z.object({
	schemas: z.array(z.string()).optional(),
	Operations: z
		.array(
			z.object({
				op: z
					.string()
					.trim()
					.toLowerCase()
					.pipe(z.enum(['add', 'replace', 'remove'])),
				path: shortText(300).optional(),
				value: z.unknown().optional(),
			}),
		)
		.min(1)
		.max(100),
})
export type PatchRequest = z.infer<typeof PatchRequestSchema>

/** Parses a body against a schema, or throws the RFC's invalidValue with the first problem named. */
export function parseScim<T>(schema: z.ZodType<T>, body: unknown): T {
	if (body === undefined) {
		throw new ScimError('invalid', 'SCIM_INVALID_SYNTAX', 'The request body is not a JSON object.')
	}
	const result = schema.safeParse(body)
	if (result.success) return result.data
	const issue = result.error.issues[0]!
	const where = issue.path.length ? issue.path.join('.') : 'body'
	const detail =
		issue.code === 'invalid_type' && issue.input === undefined ? `${where} is required.` : `${where}: ${issue.message}`
	throw new ScimError('invalid', 'SCIM_INVALID_VALUE', detail)
}

export const EmailAddressSchema = z.email()

/**
 * The address a User resource names: its primary email, else its work email, else its first, else
 * the userName when that is an email address (Entra ID's userPrincipalName often is).
 */
export function chooseEmail(input: Pick<ScimUserInput, 'emails' | 'userName'>) {
	const emails = input.emails ?? []
	const candidate =
		emails.find((e) => e.primary === true)?.value ??
		emails.find((e) => e.type?.toLowerCase() === 'work')?.value ??
		emails[0]?.value ??
		input.userName
	const parsed = EmailAddressSchema.safeParse(candidate.trim().toLowerCase())
	if (!parsed.success) {
		throw new ScimError(
			'invalid',
			'SCIM_INVALID_VALUE',
			'Give the person’s email address in emails (primary or type "work") or as the userName.',
		)
	}
	return parsed.data
}

export type ScimFilter = { attribute: 'userName' | 'externalId' | 'id'; value: string }
export type ScimGroupFilter = { attribute: 'displayName' | 'externalId' | 'id'; value: string }

const FILTER_PATTERN = /^\s*([A-Za-z]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/

/**
 * The one filter form identity providers use to match resources: `<attribute> eq "<value>"` on one
 * of `attributes` (named without regard to case, as RFC 7643 §2.1 says). Anything else is the RFC's
 * invalidFilter (400), never a full listing.
 */
function parseEqFilter<A extends string>(
	filter: string | null,
	attributes: readonly A[],
): { attribute: A; value: string } | null {
	if (filter === null || filter.trim() === '') return null
	const match = FILTER_PATTERN.exec(filter)
	const attribute = match ? attributes.find((a) => a.toLowerCase() === match[1]!.toLowerCase()) : undefined
	if (!match || !attribute) {
		throw new ScimError(
			'invalid',
			'SCIM_INVALID_FILTER',
			`Only filters of the form ${attributes.map((a) => `${a} eq "…"`).join(', ')} are supported.`,
		)
	}
	return { attribute, value: match[2]!.replace(/\\(.)/g, '$1') }
}

/** A Users filter: userName, externalId or id `eq "…"` (how Entra ID matches people). */
export function parseScimFilter(filter: string | null): ScimFilter | null {
	return parseEqFilter(filter, ['userName', 'externalId', 'id'] as const)
}

/** A Groups filter: displayName, externalId or id `eq "…"` (how Entra ID matches groups). */
export function parseGroupFilter(filter: string | null): ScimGroupFilter | null {
	return parseEqFilter(filter, ['displayName', 'externalId', 'id'] as const)
}

/** A Group member as Entra ID sends it: `{ value: "<User id>" }`, often with `"$ref": null` or `display`. */
const GroupMemberSchema = z.object({ value: shortText(100).min(1, 'value is required') })

/** Members in a PUT, POST or PATCH value; Entra ID sends at most a few hundred at a time. */
export const GroupMembersSchema = z.array(GroupMemberSchema).max(1000)

/**
 * A Group resource as POST and PUT send it. displayName is the team's name (teams' own limit of 80
 * characters); members are SCIM User ids (membership ids) of the same organisation.
 */
export const ScimGroupSchema = z.object({
	schemas: z.array(z.string()).optional(),
	displayName: shortText(80).min(1, 'displayName is required'),
	externalId: shortText(200).min(1).optional(),
	members: GroupMembersSchema.optional(),
})
export type ScimGroupInput = z.infer<typeof ScimGroupSchema>

/** `excludedAttributes=members` (RFC 7644 §3.4.2.5): Entra ID asks groups without their members. */
export function excludesMembers(params: URLSearchParams) {
	const excluded = (params.get('excludedAttributes') ?? '').split(',').map((a) => a.trim().toLowerCase())
	return excluded.includes('members')
}

/** startIndex (1-based) and count from the query string, clamped as RFC 7644 §3.4.2.4 says. */
export function parsePaging(params: URLSearchParams) {
	const int = (name: string) => {
		const raw = params.get(name)
		if (raw === null || !/^-?\d{1,9}$/.test(raw.trim())) return null
		return Number(raw)
	}
	const startIndex = Math.max(1, int('startIndex') ?? 1)
	const count = Math.min(MAX_PAGE_SIZE, Math.max(0, int('count') ?? MAX_PAGE_SIZE))
	return { startIndex, count }
}

export const MAX_PAGE_SIZE = 100
