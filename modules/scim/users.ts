import { type z } from 'zod'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { findAddressHolder } from '#modules/auth/personal-email.ts'
import { invalidateUserSessions } from '#modules/auth/sessions.ts'
import { type Prisma, prisma, type Tx } from '#modules/db/client.ts'
import { endHeldSeat } from '#modules/organisations/end-seat.ts'
import { clearMembershipRemoval, hasMembershipRemoval, markMembershipRemoved } from '#modules/organisations/removals.ts'
import { onMemberJoined } from '#modules/assignments/on-member-joined.ts'
import { singleLineText } from '#modules/validation/text.ts'
import { ScimError } from './errors.ts'
import { scimUniqueness, withScimUniqueness } from './uniqueness.ts'
import { organisationOwnsEmail } from './owned-identity.ts'
import { lockMembership } from './sql.ts'
import {
	chooseEmail,
	EmailAddressSchema,
	parseScim,
	PatchRequestSchema,
	type ScimFilter,
	ScimUserSchema,
	USER_SCHEMA,
} from './schemas.ts'
import type { ScimClient } from './tokens.ts'

// SCIM Users of one organisation (RFC 7644). The resource id is the Membership id: a person is a
// SCIM User of each organisation that provisions them, separately, and an id from one organisation
// is simply not found in another's. Every query below is scoped by the token's organisationId.

/** What a SCIM write needs besides its body: who is calling, from where, and when. */
export type ScimCall = { client: ScimClient; origin: RequestOrigin; now: Date }

const MEMBERSHIP_SELECT = {
	id: true,
	organisationId: true,
	userId: true,
	externalId: true,
	scimUserName: true,
	deactivatedAt: true,
	createdAt: true,
	user: { select: { id: true, email: true, name: true, updatedAt: true, emailVerifiedAt: true } },
} as const satisfies Prisma.MembershipSelect

type LoadedMembership = Prisma.MembershipGetPayload<{ select: typeof MEMBERSHIP_SELECT }>

/** A User resource as Circle answers it; `location` is filled in by the HTTP layer's base URL. */
export type ScimUserResource = ReturnType<typeof toResource>

function splitName(name: string) {
	const parts = name.trim().split(/\s+/)
	return parts.length > 1
		? { givenName: parts.slice(0, -1).join(' '), familyName: parts.at(-1)! }
		: { givenName: name.trim(), familyName: '' }
}

function toResource(m: LoadedMembership, baseUrl: string) {
	const lastModified = [m.createdAt, m.user.updatedAt, m.deactivatedAt]
		.filter((d): d is Date => d !== null)
		.reduce((a, b) => (a > b ? a : b))
	return {
		schemas: [USER_SCHEMA],
		id: m.id,
		...(m.externalId ? { externalId: m.externalId } : {}),
		userName: m.scimUserName ?? m.user.email,
		name: { formatted: m.user.name, ...splitName(m.user.name) },
		displayName: m.user.name,
		emails: [{ value: m.user.email, type: 'work', primary: true }],
		active: m.deactivatedAt === null,
		meta: {
			resourceType: 'User',
			created: m.createdAt.toISOString(),
			lastModified: lastModified.toISOString(),
			location: `${baseUrl}/scim/v2/Users/${m.id}`,
		},
	}
}

function notFound() {
	return new ScimError('not_found', 'SCIM_NOT_FOUND', 'No such user in this organisation.')
}

const CLASH = 'A user with that userName, externalId or email already exists in this organisation.'

/** A unique-index race is the RFC's uniqueness error. */
const withUniqueness = <T>(run: () => Promise<T>) => withScimUniqueness(CLASH, run)

/** Interactive transactions of SCIM writes: a leaver's seats are several row locks, so allow for a busy moment. */
const SCIM_TRANSACTION = { maxWait: 15_000, timeout: 20_000 }

/** The membership, locked for the rest of the transaction (see lockMembership). */
async function lockAndLoad(tx: Tx, organisationId: string, id: string) {
	await lockMembership(tx, { id, organisationId })
	return loadMembership(tx, organisationId, id)
}

async function loadMembership(db: Tx | typeof prisma, organisationId: string, id: string) {
	const m = await db.membership.findFirst({ where: { id, organisationId }, select: MEMBERSHIP_SELECT })
	if (!m) throw notFound()
	return m
}

/** One user of the token's organisation, by SCIM id. */
export async function getScimUser({ client, id, baseUrl }: { client: ScimClient; id: string; baseUrl: string }) {
	return toResource(await loadMembership(prisma, client.organisationId, id), baseUrl)
}

/**
 * The organisation's users, optionally matched by one `eq` filter, as a page of a ListResponse.
 * A member added before provisioning (no userName stored yet) is matched by their email address.
 */
export async function listScimUsers({
	client,
	filter,
	startIndex,
	count,
	baseUrl,
}: {
	client: ScimClient
	filter: ScimFilter | null
	startIndex: number
	count: number
	baseUrl: string
}) {
	const where: Prisma.MembershipWhereInput = { organisationId: client.organisationId }
	if (filter?.attribute === 'userName') {
		const value = filter.value.trim().toLowerCase()
		where.OR = [{ scimUserName: value }, { scimUserName: null, user: { email: value } }]
	} else if (filter?.attribute === 'externalId') where.externalId = filter.value
	else if (filter?.attribute === 'id') where.id = filter.value
	const [totalResults, rows] = await Promise.all([
		prisma.membership.count({ where }),
		count === 0
			? Promise.resolve([])
			: prisma.membership.findMany({
					where,
					select: MEMBERSHIP_SELECT,
					orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
					skip: startIndex - 1,
					take: count,
				}),
	])
	return { totalResults, startIndex, itemsPerPage: rows.length, resources: rows.map((m) => toResource(m, baseUrl)) }
}

/** The attributes of a User that Circle keeps, as one flat state that PUT and PATCH both produce. */
type UserState = {
	userName: string
	externalId: string | null
	active: boolean
	/** The person's full name, when the request gave one. */
	name: string | null
	email: string
}

function nameFrom(input: {
	displayName?: string
	name?: { formatted?: string; givenName?: string; familyName?: string }
}) {
	const parts = [input.name?.givenName, input.name?.familyName].filter(Boolean).join(' ').trim()
	return input.displayName?.trim() || input.name?.formatted?.trim() || parts || null
}

function stateFromBody(body: unknown): UserState {
	const input = parseScim(ScimUserSchema, body)
	return {
		userName: input.userName,
		externalId: input.externalId ?? null,
		active: input.active ?? true,
		name: nameFrom(input),
		email: chooseEmail(input),
	}
}

function currentState(m: LoadedMembership): UserState {
	return {
		userName: m.scimUserName ?? m.user.email,
		externalId: m.externalId,
		active: m.deactivatedAt === null,
		name: m.user.name,
		email: m.user.email,
	}
}

function auditBase(call: ScimCall, m: { id: string; userId: string }, email: string) {
	return {
		actorId: null,
		organisationId: call.client.organisationId,
		targetType: 'Membership',
		targetId: m.id,
		...call.origin,
		via: { via: 'scim' as const, tokenPrefix: call.client.tokenPrefix },
		subject: { userId: m.userId, email },
	}
}

/** The one answer to a POST for an address the organisation may not provision (see assertMayProvision). */
function notOwned() {
	return new ScimError(
		'invalid',
		'SCIM_NOT_OWNED',
		'Circle provisions only addresses at a domain this organisation has verified, and people who are already its members. Invite anyone else from the organisation’s Seats page.',
	)
}

/**
 * An address at a domain the organisation has not verified is the person's own, not the
 * organisation's (ADR 0026, ADR 0062): its directory may only take over the membership of someone
 * who is already a member by their own consent (they accepted its invitation) and has not left or
 * been removed since. Anyone else, with an account or without, gets the same refusal after the same
 * one query, so the reply never says whether an account exists at the address or whose it is, and
 * nothing is saved.
 */
async function assertMayProvision(tx: Tx, { organisationId, email }: { organisationId: string; email: string }) {
	const member = await tx.membership.findFirst({
		where: { organisationId, user: { email } },
		select: { userId: true },
	})
	if (member && !(await hasMembershipRemoval(tx, { organisationId, userId: member.userId }))) return
	throw notOwned()
}

/**
 * POST /Users: provisions a person into the organisation.
 * - An address at a domain the organisation has verified (it owns the identity): an account is
 *   created, its email verified, when no account has the address; an existing account gets a
 *   membership, its email verified and its name kept by the directory.
 * - Any other address: only a member who joined by their own consent is taken over, with their
 *   account's name and verification left as they are; anyone else is refused (assertMayProvision).
 * - An address that is an account's confirmed personal address (findAddressHolder) is the person's
 *   own, not the directory's: refused as a uniqueness conflict, with nothing saved (ADR 0033).
 * A member who was deactivated, or who joined before provisioning was set up, is taken over
 * (reactivated, userName and externalId stored); someone already provisioned and active is the
 * RFC's uniqueness conflict. Nothing is saved for a body that misses userName or an email address,
 * nor for a refused one.
 */
export async function createScimUser({ body, baseUrl, ...call }: ScimCall & { body: unknown; baseUrl: string }) {
	const state = stateFromBody(body)
	const { organisationId } = call.client
	return withUniqueness(() =>
		prisma.$transaction(async (tx) => {
			const owned = await organisationOwnsEmail(tx, { organisationId, email: state.email })
			if (!owned) await assertMayProvision(tx, { organisationId, email: state.email })
			// Someone's confirmed personal address (ADR 0033) is theirs, not the directory's: it neither
			// becomes a second account (which would take their sign-in) nor hands their account over.
			const holder = await findAddressHolder(tx, state.email)
			if (holder?.via === 'personal') {
				throw scimUniqueness(
					'That email address is the confirmed personal address of a Circle account, so it cannot be provisioned. Use the person’s work address.',
				)
			}
			let user = holder
				? await tx.user.findUniqueOrThrow({ where: { id: holder.userId }, select: { id: true, emailVerifiedAt: true } })
				: null
			let accountCreated = false
			if (!user) {
				user = await tx.user.create({
					data: {
						email: state.email,
						name: state.name ?? state.email.slice(0, state.email.indexOf('@')),
						// Only an owned address gets this far without an account (assertMayProvision).
						emailVerifiedAt: call.now,
					},
					select: { id: true, emailVerifiedAt: true },
				})
				accountCreated = true
			} else if (owned) {
				// The organisation's identity provider vouches for a mailbox at its own verified domain,
				// and its directory is where that person's name is kept.
				await tx.user.update({
					where: { id: user.id },
					data: {
						...(user.emailVerifiedAt ? {} : { emailVerifiedAt: call.now }),
						...(state.name ? { name: state.name } : {}),
					},
				})
			}
			const existing = await tx.membership.findUnique({
				where: { organisationId_userId: { organisationId, userId: user.id } },
				select: { id: true, deactivatedAt: true, externalId: true, scimUserName: true },
			})
			if (existing && !existing.deactivatedAt && (existing.externalId || existing.scimUserName)) {
				throw scimUniqueness('This person is already provisioned in this organisation.')
			}
			const membershipData = {
				externalId: state.externalId,
				scimUserName: state.userName.toLowerCase(),
				deactivatedAt: state.active ? null : call.now,
			}
			const membership = existing
				? await tx.membership.update({ where: { id: existing.id }, data: membershipData, select: { id: true } })
				: await tx.membership.create({
						data: { organisationId, userId: user.id, role: 'MEMBER', ...membershipData },
						select: { id: true },
					})
			// The organisation's own directory lets them in again: single sign-on may find them a member.
			// (Only at its verified domains: for any other address a removal refused the request above.)
			await clearMembershipRemoval(tx, { organisationId, userId: user.id })
			// A new starter (or a returner): the organisation's rules for joiners assign their courses now.
			if (state.active) await onMemberJoined(tx, { organisationId, userId: user.id, now: call.now })
			const { via, subject, ...entry } = auditBase(call, { id: membership.id, userId: user.id }, state.email)
			const reactivated = Boolean(existing?.deactivatedAt) && state.active
			await recordAudit(tx, {
				...entry,
				targetId: membership.id,
				action: reactivated ? 'scim.user_reactivated' : 'scim.user_created',
				details: { ...via, ...subject, accountCreated, identityOwned: owned, externalId: state.externalId },
			})
			return toResource(await loadMembership(tx, organisationId, membership.id), baseUrl)
		}, SCIM_TRANSACTION),
	)
}

/** PUT /Users/:id: replaces the attributes Circle keeps (see applyState). */
export async function replaceScimUser({
	id,
	body,
	baseUrl,
	...call
}: ScimCall & { id: string; body: unknown; baseUrl: string }) {
	const next = stateFromBody(body)
	return withUniqueness(() =>
		prisma.$transaction(async (tx) => {
			const m = await lockAndLoad(tx, call.client.organisationId, id)
			await applyState(tx, call, m, next)
			return toResource(await loadMembership(tx, call.client.organisationId, id), baseUrl)
		}, SCIM_TRANSACTION),
	)
}

/**
 * PATCH /Users/:id with the Operations Entra ID sends: `Replace` of `active` (true/false or
 * "True"/"False"), of name parts, displayName, userName, externalId or the work email, with a path
 * or as one value object without a path. Paths of attributes Circle does not keep are ignored.
 */
export async function patchScimUser({
	id,
	body,
	baseUrl,
	...call
}: ScimCall & { id: string; body: unknown; baseUrl: string }) {
	const request = parseScim(PatchRequestSchema, body)
	return withUniqueness(() =>
		prisma.$transaction(async (tx) => {
			const m = await lockAndLoad(tx, call.client.organisationId, id)
			const names = { ...splitName(m.user.name), formatted: m.user.name, displayName: m.user.name }
			const next = currentState(m)
			const touched = new Set<string>()
			for (const operation of request.Operations) {
				if (operation.path) {
					applyPath(next, names, touched, operation.path, operation.op === 'remove' ? null : operation.value)
				} else {
					if (operation.op === 'remove' || !isPlainObject(operation.value)) {
						throw new ScimError('invalid', 'SCIM_INVALID_VALUE', 'An operation without a path needs an object value.')
					}
					for (const [key, value] of Object.entries(operation.value)) applyPath(next, names, touched, key, value)
				}
			}
			if (touched.has('displayname')) next.name = names.displayName
			else if (touched.has('name')) {
				next.name = names.formatted || [names.givenName, names.familyName].filter(Boolean).join(' ').trim() || null
			}
			await applyState(tx, call, m, next)
			return toResource(await loadMembership(tx, call.client.organisationId, id), baseUrl)
		}, SCIM_TRANSACTION),
	)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const PatchText = singleLineText().max(254)
const PatchBoolean = ScimUserSchema.shape.active.unwrap()

function patchValue<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
	const result = schema.safeParse(value)
	if (!result.success) {
		throw new ScimError('invalid', 'SCIM_INVALID_VALUE', `${path}: ${result.error.issues[0]!.message}`)
	}
	return result.data
}

/** Applies one attribute path (matched without regard to case, as RFC 7643 §2.1 says) to the state. */
function applyPath(
	state: UserState,
	names: { givenName: string; familyName: string; formatted: string; displayName: string },
	touched: Set<string>,
	rawPath: string,
	value: unknown,
) {
	const path = rawPath
		.trim()
		.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '')
		.toLowerCase()
	const text = () => patchValue(PatchText.nullable(), value ?? null, rawPath) ?? ''
	switch (path) {
		case 'active':
			state.active = patchValue(PatchBoolean, value, rawPath)
			return
		case 'username': {
			const userName = patchValue(PatchText.min(1), value, rawPath)
			state.userName = userName
			return
		}
		case 'externalid':
			state.externalId = text() || null
			return
		case 'displayname':
			names.displayName = text()
			touched.add('displayname')
			return
		case 'name.givenname':
			names.givenName = text()
			touched.add('name')
			names.formatted = ''
			return
		case 'name.familyname':
			names.familyName = text()
			touched.add('name')
			names.formatted = ''
			return
		case 'name.formatted':
			names.formatted = text()
			touched.add('name')
			return
		case 'name':
			if (!isPlainObject(value)) return
			for (const [key, part] of Object.entries(value)) applyPath(state, names, touched, `name.${key}`, part)
			return
		case 'emails': {
			const emails = patchValue(ScimUserSchema.shape.emails.unwrap(), value, rawPath)
			if (emails.length) state.email = chooseEmail({ emails, userName: state.userName })
			return
		}
		default:
			// emails[type eq "work"].value, emails[primary eq true].value, emails.value
			if (/^emails(\[[^\]]*\])?\.value$/.test(path)) {
				const email = patchValue(PatchText.toLowerCase().pipe(EmailAddressSchema), value, rawPath)
				state.email = email
			}
		// Anything else (title, phoneNumbers, the enterprise extension…) is not kept by Circle.
	}
}

/**
 * Writes a new state for one membership, in the caller's transaction:
 * - userName and externalId are the organisation's own labels, stored on the membership;
 * - the person's name and email are theirs: changed only when the organisation owns the identity
 *   (a verified domain), and an email only to another address at one of its verified domains;
 * - active false deactivates, active true reactivates (see deactivate below).
 */
async function applyState(tx: Tx, call: ScimCall, m: LoadedMembership, next: UserState) {
	const { organisationId } = call.client
	const owned = await organisationOwnsEmail(tx, { organisationId, email: m.user.email })
	const changes: Record<string, { from: string | null; to: string | null }> = {}
	const membershipData: Prisma.MembershipUpdateInput = {}
	const userName = next.userName.toLowerCase()
	if (userName !== (m.scimUserName ?? m.user.email)) {
		membershipData.scimUserName = userName
		changes.userName = { from: m.scimUserName, to: userName }
	}
	if (next.externalId !== m.externalId) {
		membershipData.externalId = next.externalId
		changes.externalId = { from: m.externalId, to: next.externalId }
	}
	if (Object.keys(membershipData).length) await tx.membership.update({ where: { id: m.id }, data: membershipData })

	const userData: Prisma.UserUpdateInput = {}
	if (next.email !== m.user.email) {
		const newOwned = await organisationOwnsEmail(tx, { organisationId, email: next.email })
		if (!owned || !newOwned) {
			throw new ScimError(
				'invalid',
				'SCIM_MUTABILITY',
				'The email address of an account can be changed only between addresses at the organisation’s verified domains.',
			)
		}
		// Another account's own address, or anyone's confirmed personal address (ADR 0033).
		if (await findAddressHolder(tx, next.email, { exceptUserId: m.userId })) {
			throw scimUniqueness('Another account already uses that email address.')
		}
		userData.email = next.email
		userData.emailVerifiedAt = call.now
		changes.email = { from: m.user.email, to: next.email }
	}
	if (owned && next.name && next.name !== m.user.name) {
		userData.name = next.name
		changes.name = { from: m.user.name, to: next.name }
	}
	if (Object.keys(userData).length) await tx.user.update({ where: { id: m.userId }, data: userData })

	const { via, subject, ...entry } = auditBase(call, m, next.email)
	if (Object.keys(changes).length) {
		await recordAudit(tx, {
			...entry,
			action: 'scim.user_updated',
			details: { ...via, ...subject, changes, identityOwned: owned },
		})
	}
	const wasActive = m.deactivatedAt === null
	if (wasActive && !next.active) await deactivate(tx, call, { ...m, user: { ...m.user, email: next.email } })
	if (!wasActive && next.active) {
		await tx.membership.update({ where: { id: m.id }, data: { deactivatedAt: null } })
		await recordAudit(tx, { ...entry, action: 'scim.user_reactivated', details: { ...via, ...subject } })
		await onMemberJoined(tx, { organisationId: m.organisationId, userId: m.userId, now: call.now })
	}
}

/**
 * Deactivates a member, in the caller's transaction (SCIM active:false, and the first half of
 * DELETE): the membership is marked deactivated, so every organisation page and write refuses
 * them; every seat they hold in the organisation's pools ends by the one seat rule (a seat not
 * started goes back to its pool; a started one stays spent, ADR 0011), while their progress,
 * enrolment history and certificates stay theirs; invitations waiting for them are withdrawn. When
 * the organisation owns their identity (a verified domain) every session they have ends at once;
 * otherwise the account is theirs, not the organisation's, so only its access to the organisation
 * ends.
 */
async function deactivate(
	tx: Tx,
	call: ScimCall,
	m: Pick<LoadedMembership, 'id' | 'userId'> & { user: { email: string } },
	{ action = 'scim.user_deactivated' }: { action?: 'scim.user_deactivated' | 'scim.user_deleted' } = {},
) {
	const { organisationId } = call.client
	await tx.membership.update({ where: { id: m.id }, data: { deactivatedAt: call.now } })
	const { via, subject, ...entry } = auditBase(call, m, m.user.email)
	const seats = await tx.seatAssignment.findMany({
		where: { userId: m.userId, status: 'ASSIGNED', pool: { organisationId } },
		select: { id: true },
		orderBy: { id: 'asc' },
	})
	let seatsReturned = 0
	for (const seat of seats) {
		const { seatReturned } = await endHeldSeat(tx, {
			assignmentId: seat.id,
			mode: 'leaver',
			actorId: null,
			organisationId,
			reason: 'Deactivated by the organisation’s provisioning (SCIM)',
			origin: call.origin,
			via,
		})
		if (seatReturned) seatsReturned += 1
	}
	await tx.invitation.updateMany({
		where: { organisationId, email: m.user.email, acceptedAt: null, revokedAt: null },
		data: { revokedAt: call.now },
	})
	const identityOwned = await organisationOwnsEmail(tx, { organisationId, email: m.user.email })
	const sessionsEnded = identityOwned ? await invalidateUserSessions({ userId: m.userId, tx }) : 0
	await recordAudit(tx, {
		...entry,
		action,
		details: { ...via, ...subject, identityOwned, sessionsEnded, seatsEnded: seats.length, seatsReturned },
	})
}

/**
 * DELETE /Users/:id: everything deactivation does, then the membership row is removed, so the
 * organisation no longer lists the person and a later POST provisions them afresh. The account,
 * with its progress, enrolments and certificates, stays: it belongs to the person.
 */
export async function deleteScimUser({ id, ...call }: ScimCall & { id: string }) {
	await prisma.$transaction(async (tx) => {
		const m = await lockAndLoad(tx, call.client.organisationId, id)
		if (m.deactivatedAt === null) await deactivate(tx, call, m, { action: 'scim.user_deleted' })
		else {
			const { via, subject, ...entry } = auditBase(call, m, m.user.email)
			await recordAudit(tx, { ...entry, action: 'scim.user_deleted', details: { ...via, ...subject } })
		}
		await tx.membership.delete({ where: { id: m.id } })
		await markMembershipRemoved(tx, {
			organisationId: call.client.organisationId,
			userId: m.userId,
			reason: 'scim.user_deleted',
			now: call.now,
		})
	}, SCIM_TRANSACTION)
}
