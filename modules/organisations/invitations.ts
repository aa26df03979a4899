import { z } from 'zod'
import { beginSignIn } from '#modules/auth/sign-in.ts'
import { assertPasswordSignInAllowed } from '#modules/sso/require-sso.ts'
import { assertPasswordAllowed, hashPassword } from '#modules/auth/password.ts'
import { addressHolder, findAddressHolder } from '#modules/auth/personal-email.ts'
import { normaliseEmail } from '#modules/auth/schemas.ts'
import { generateEmailToken, hashToken } from '#modules/auth/tokens.ts'
import { Prisma, prisma, type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import type { Language } from '#modules/i18n/languages.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { assertOrganisationActor } from './access.ts'
import { audit } from './audit.ts'
import { onMemberJoined } from '#modules/assignments/on-member-joined.ts'
import { claimSeat, SEAT_TRANSACTION_OPTIONS } from './claim-seat.ts'
import { type InvitationRow, MAX_INVITATIONS_PER_REQUEST } from './parse-invitation-list.ts'
import { lockSeatPool } from './sql.ts'
import { clearMembershipRemoval } from './removals.ts'

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000
/** Invitations one organisation may send in an hour (a whole trust at once, but not a spam cannon). */
export const ORGANISATION_INVITATIONS_PER_HOUR = 2000

const EmailAddress = z.email()

export type RowRejection = { row: number; email: string; reason: string }

/**
 * Invites staff by email to take a seat in one of the organisation's pools; the actor must be an
 * administrator or owner of the organisation (checked here, in the transaction). Each row is checked on
 * its own (a valid address, not a duplicate within the list, not someone who already holds a seat
 * in this pool, not someone with a pending invitation to it); valid rows are invited, the others are
 * returned with their reasons. Seats are taken only when an invitation is accepted, so that no one
 * is counted twice, but the pending invitations of a pool may never outnumber its free seats: a
 * request that would exceed them invites no one and says how many seats are free. Each invitation is
 * a single-use link (32 random bytes; only its SHA-256 is stored) valid for 14 days, emailed with
 * the `invitation` template, in `language` (the inviter's choice, English unless told) for anyone
 * without an account who has not chosen a language of their own (ADR 0041). Throttled per invited
 * address and per organisation.
 */
export async function inviteStaff({
	organisationId,
	poolId,
	actorId,
	rows,
	language,
}: {
	organisationId: string
	poolId: string
	actorId: string
	rows: InvitationRow[]
	language?: Language | null
}) {
	if (rows.length === 0) {
		throw new OrganisationsError('invalid', 'NO_ROWS', 'Enter at least one email address', { field: 'emails' })
	}
	if (rows.length > MAX_INVITATIONS_PER_REQUEST) {
		throw new OrganisationsError(
			'invalid',
			'TOO_MANY_ROWS',
			`Invite at most ${MAX_INVITATIONS_PER_REQUEST.toLocaleString('en-GB')} people at a time`,
			{ field: 'emails' },
		)
	}
	const now = new Date()

	const rejected: RowRejection[] = []
	const candidates: Array<InvitationRow & { email: string }> = []
	const seen = new Set<string>()
	for (const row of rows) {
		const email = normaliseEmail(row.email)
		if (!email) rejected.push({ row: row.row, email: row.email, reason: 'Enter an email address' })
		else if (email.length > 254 || !EmailAddress.safeParse(email).success)
			rejected.push({ row: row.row, email: row.email, reason: 'Not a valid email address' })
		else if (seen.has(email))
			rejected.push({ row: row.row, email: row.email, reason: 'Appears more than once in the list' })
		else {
			seen.add(email)
			candidates.push({ ...row, email })
		}
	}

	const result = await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const recent = await tx.invitation.count({
			where: { organisationId, createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
		})
		if (recent + rows.length > ORGANISATION_INVITATIONS_PER_HOUR) {
			throw new OrganisationsError(
				'throttled',
				'TOO_MANY_INVITATIONS',
				'Your organisation has sent a great many invitations in the last hour. Please try again later.',
				{ retryAfterSeconds: 3600 },
			)
		}
		// Serialises invitations to one pool, so two admins cannot both promise the last free seat.
		const pool = await lockSeatPool(tx, { poolId, organisationId })
		if (!pool)
			throw new OrganisationsError('not_found', 'POOL_NOT_FOUND', 'Choose a course your organisation has seats for', {
				field: 'poolId',
			})
		const emails = candidates.map((c) => c.email)
		const [holders, pending, pendingCount] = await Promise.all([
			tx.seatAssignment.findMany({
				where: { poolId, status: 'ASSIGNED', email: { in: emails } },
				select: { email: true },
			}),
			tx.invitation.findMany({
				where: { seatPoolId: poolId, email: { in: emails }, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
				select: { email: true },
			}),
			tx.invitation.count({
				where: { seatPoolId: poolId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
			}),
		])
		const holding = new Set(holders.map((h) => h.email))
		const invited = new Set(pending.map((p) => p.email))
		const valid: typeof candidates = []
		for (const c of candidates) {
			if (holding.has(c.email))
				rejected.push({ row: c.row, email: c.email, reason: 'Already a member with a seat on this course' })
			else if (invited.has(c.email))
				rejected.push({ row: c.row, email: c.email, reason: 'Already invited: the invitation is still pending' })
			else valid.push(c)
		}
		rejected.sort((a, b) => a.row - b.row)
		const free = Math.max(0, pool.seats - pool.used - pendingCount)
		if (valid.length > free) {
			return { invited: [] as string[], rejected, notEnoughSeats: { free, requested: valid.length } }
		}
		if (valid.length === 0) return { invited: [] as string[], rejected, notEnoughSeats: null }

		for (const c of valid) {
			await consumeThrottle(
				'emailPerAddress',
				`invite:${c.email}`,
				`Too many emails have been sent to ${c.email} recently. Please try again later.`,
			)
		}
		const context = await invitationContext(tx, { organisationId, poolId, actorId })
		for (const c of valid) {
			const token = generateEmailToken()
			const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS)
			const invitation = await tx.invitation.create({
				data: {
					organisationId,
					email: c.email,
					seatPoolId: poolId,
					tokenHash: hashToken(token),
					invitedById: actorId,
					expiresAt,
					language: language ?? null,
				},
				select: { id: true },
			})
			await sendInvitationEmail(tx, { ...context, to: c.email, name: c.name, token, expiresAt, language })
			await audit(tx, {
				actorId,
				organisationId,
				action: 'invitation.create',
				targetType: 'Invitation',
				targetId: invitation.id,
				details: { email: c.email, poolId },
			})
		}
		return { invited: valid.map((c) => c.email), rejected, notEnoughSeats: null }
	})
	return result
}

async function invitationContext(
	tx: Tx,
	{ organisationId, poolId, actorId }: { organisationId: string; poolId: string | null; actorId: string },
) {
	const [organisation, pool, inviter] = await Promise.all([
		tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
		poolId
			? tx.seatPool.findUnique({
					where: { id: poolId },
					select: { course: { select: { slug: true, publishedVersion: { select: { title: true } } } } },
				})
			: null,
		tx.user.findUnique({ where: { id: actorId }, select: { name: true } }),
	])
	return {
		organisationName: organisation.name,
		courseTitle: pool ? (pool.course.publishedVersion?.title ?? pool.course.slug) : null,
		inviterName: inviter?.name ?? organisation.name,
	}
}

async function sendInvitationEmail(
	tx: Tx,
	options: {
		to: string
		name: string | null
		token: string
		expiresAt: Date
		organisationName: string
		courseTitle: string | null
		inviterName: string
		/** The inviter's choice for someone who has no account (or no saved language); English if none. */
		language?: Language | null
	},
) {
	// The inviter's choice of language is used unless the invitee's own account says otherwise
	// (sendEmail settles it; the template writes the expiry date in the same language).
	await sendEmail(
		{
			to: options.to,
			template: 'invitation',
			props: {
				name: options.name,
				organisationName: options.organisationName,
				courseTitle: options.courseTitle,
				inviterName: options.inviterName,
				acceptUrl: `${appUrl()}/invitations/${options.token}`,
				expiresAt: options.expiresAt,
			},
			language: options.language,
		},
		tx,
	)
}

/**
 * Revokes a pending invitation of this organisation; its link stops working at once. The actor
 * must be an administrator or owner of the organisation (checked here).
 */
export async function revokeInvitation({
	organisationId,
	invitationId,
	actorId,
}: {
	organisationId: string
	invitationId: string
	actorId: string
}) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const { count } = await tx.invitation.updateMany({
			where: { id: invitationId, organisationId, acceptedAt: null, revokedAt: null },
			data: { revokedAt: new Date() },
		})
		if (count === 0)
			throw new OrganisationsError('not_found', 'INVITATION_NOT_FOUND', 'That invitation is no longer pending.')
		await audit(tx, {
			actorId,
			organisationId,
			action: 'invitation.revoke',
			targetType: 'Invitation',
			targetId: invitationId,
		})
	})
}

/**
 * Sends a pending (or expired, unaccepted, unrevoked) invitation again with a new link valid for 14
 * days, in the language the inviter chose when it was first sent (ADR 0041); the old link stops
 * working because only the new token's hash is kept. The actor must be an
 * administrator or owner of the organisation (checked here, before anything is sent or counted).
 */
export async function resendInvitation({
	organisationId,
	invitationId,
	actorId,
}: {
	organisationId: string
	invitationId: string
	actorId: string
}) {
	await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const invitation = await tx.invitation.findFirst({
			where: { id: invitationId, organisationId, acceptedAt: null, revokedAt: null },
			select: { id: true, email: true, seatPoolId: true, language: true },
		})
		if (!invitation)
			throw new OrganisationsError('not_found', 'INVITATION_NOT_FOUND', 'That invitation is no longer pending.')
		await consumeThrottle(
			'emailPerAddress',
			`invite:${invitation.email}`,
			`Too many emails have been sent to ${invitation.email} recently. Please try again later.`,
		)
		const token = generateEmailToken()
		const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS)
		const { count } = await tx.invitation.updateMany({
			where: { id: invitation.id, organisationId, acceptedAt: null, revokedAt: null },
			data: { tokenHash: hashToken(token), expiresAt },
		})
		if (count === 0)
			throw new OrganisationsError('not_found', 'INVITATION_NOT_FOUND', 'That invitation is no longer pending.')
		const context = await invitationContext(tx, { organisationId, poolId: invitation.seatPoolId, actorId })
		await sendInvitationEmail(tx, {
			...context,
			to: invitation.email,
			name: null,
			token,
			expiresAt,
			language: invitation.language,
		})
		await audit(tx, {
			actorId,
			organisationId,
			action: 'invitation.resend',
			targetType: 'Invitation',
			targetId: invitation.id,
		})
	})
}

const TOKEN_PATTERN = /^[a-z2-7]{52}$/

function unknownInvitation() {
	return new OrganisationsError(
		'not_found',
		'INVITATION_NOT_FOUND',
		'This invitation link is not valid. Check that you copied the whole link from the email.',
	)
}

function goneReason(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) {
	if (invitation.acceptedAt)
		return new OrganisationsError(
			'gone',
			'INVITATION_USED',
			'This invitation has already been accepted. Log in to carry on with your course.',
		)
	if (invitation.revokedAt)
		return new OrganisationsError(
			'gone',
			'INVITATION_REVOKED',
			'This invitation has been withdrawn. Ask your organisation’s administrator if you think that is a mistake.',
		)
	return new OrganisationsError(
		'gone',
		'INVITATION_EXPIRED',
		'This invitation has expired. Ask your organisation’s administrator to send you a new one.',
	)
}

/**
 * What the invitation page shows: the organisation, course and inviter of a usable invitation, and
 * the invited address. Unknown links are `not_found`; expired, used or revoked ones are `gone`.
 */
export async function getInvitation({ token }: { token: string }) {
	if (!TOKEN_PATTERN.test(token)) throw unknownInvitation()
	const invitation = await prisma.invitation.findUnique({
		where: { tokenHash: hashToken(token) },
		select: {
			id: true,
			email: true,
			expiresAt: true,
			acceptedAt: true,
			revokedAt: true,
			organisation: { select: { name: true } },
			invitedBy: { select: { name: true } },
			seatPool: { select: { course: { select: { slug: true, publishedVersion: { select: { title: true } } } } } },
		},
	})
	if (!invitation) throw unknownInvitation()
	if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) throw goneReason(invitation)
	const course = invitation.seatPool?.course
	return {
		email: invitation.email,
		expiresAt: invitation.expiresAt,
		organisationName: invitation.organisation.name,
		inviterName: invitation.invitedBy?.name ?? null,
		course: course ? { slug: course.slug, title: course.publishedVersion?.title ?? course.slug } : null,
		// An account's own address or its confirmed personal one: either way they log in to accept.
		hasAccount: Boolean(await addressHolder(prisma, normaliseEmail(invitation.email))),
	}
}

async function acceptWith(tx: Tx, { token, userId, now = new Date() }: { token: string; userId: string; now?: Date }) {
	if (!TOKEN_PATTERN.test(token)) throw unknownInvitation()
	const tokenHash = hashToken(token)
	const invitation = await tx.invitation.findUnique({
		where: { tokenHash },
		select: {
			id: true,
			email: true,
			organisationId: true,
			seatPoolId: true,
			acceptedAt: true,
			revokedAt: true,
			expiresAt: true,
		},
	})
	if (!invitation) throw unknownInvitation()
	const user = await tx.user.findUniqueOrThrow({
		where: { id: userId },
		select: { email: true, personalEmail: true, personalEmailVerifiedAt: true },
	})
	const invited = normaliseEmail(invitation.email)
	// The account's own address, or its confirmed personal one (which signs them in, ADR 0033).
	const isTheirs =
		normaliseEmail(user.email) === invited || (user.personalEmailVerifiedAt !== null && user.personalEmail === invited)
	if (!isTheirs) {
		throw new OrganisationsError(
			'forbidden',
			'WRONG_ACCOUNT',
			`This invitation was sent to ${invitation.email}. Log in with that address to accept it.`,
		)
	}
	// Single use, even when two tabs accept at once: only one UPDATE can match these conditions.
	const accepted = await tx.$executeRaw`
		UPDATE "Invitation" SET "acceptedAt" = now(), "acceptedById" = ${userId}
		WHERE id = ${invitation.id} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()`
	if (accepted === 0) {
		const latest = await tx.invitation.findUniqueOrThrow({
			where: { id: invitation.id },
			select: { acceptedAt: true, revokedAt: true, expiresAt: true },
		})
		throw goneReason(latest)
	}
	await tx.membership.createMany({
		data: [{ organisationId: invitation.organisationId, userId, role: 'MEMBER' }],
		skipDuplicates: true,
	})
	// Invited back on purpose: the organisation's single sign-on may find them a member again.
	await clearMembershipRemoval(tx, { organisationId: invitation.organisationId, userId })
	let courseSlug: string | null = null
	if (invitation.seatPoolId) {
		const pool = await tx.seatPool.findUniqueOrThrow({
			where: { id: invitation.seatPoolId },
			select: { course: { select: { id: true, slug: true } } },
		})
		courseSlug = pool.course.slug
		const active = await tx.enrolment.findFirst({
			where: { userId, courseId: pool.course.id, status: 'ACTIVE' },
			select: { id: true },
		})
		// Someone who already has the course keeps their place and leaves the seat for a colleague.
		if (!active) await claimSeat({ poolId: invitation.seatPoolId, userId, invitationId: invitation.id, tx })
	}
	// A new starter: the organisation's rules for joiners assign their courses now.
	await onMemberJoined(tx, { organisationId: invitation.organisationId, userId, now })
	await audit(tx, {
		actorId: userId,
		organisationId: invitation.organisationId,
		action: 'invitation.accept',
		targetType: 'Invitation',
		targetId: invitation.id,
	})
	return { organisationId: invitation.organisationId, courseSlug }
}

/**
 * Accepts an invitation as the signed-in user, whose address (in any letter case) or confirmed
 * personal address must be the invited one. In one transaction: the invitation is marked accepted (a conditional UPDATE, so it works
 * once however many times it is submitted), a MEMBER membership is added if absent, and a seat is
 * claimed with its enrolment. No seat left, or a used, expired or revoked link: nothing changes.
 */
export async function acceptInvitation({ token, userId, now }: { token: string; userId: string; now?: Date }) {
	return prisma.$transaction((tx) => acceptWith(tx, { token, userId, now }), SEAT_TRANSACTION_OPTIONS)
}

/**
 * For someone invited who has no account: creates one for the invited address (marked verified,
 * because opening the emailed link proved they receive mail there) and accepts the invitation, all
 * or nothing, then signs them in through beginSignIn like any sign-up. An address that is taken
 * (findAddressHolder: an account's own address, or an account's confirmed personal address) is told
 * to log in; an address at a domain whose organisation requires single sign-on is refused, as every
 * password sign-up there is.
 */
export async function signUpAndAcceptInvitation({
	token,
	name,
	password,
	ipAddress,
	userAgent,
	deviceId,
}: {
	token: string
	name: string
	password: string
	ipAddress?: string | null
	userAgent?: string | null
	/** The browser's hashed device cookie (see beginSignIn). */
	deviceId?: string | null
}) {
	if (!TOKEN_PATTERN.test(token)) throw unknownInvitation()
	const invitation = await prisma.invitation.findUnique({
		where: { tokenHash: hashToken(token) },
		select: { email: true },
	})
	if (!invitation) throw unknownInvitation()
	const email = normaliseEmail(invitation.email)
	await assertPasswordSignInAllowed({ email, field: null })
	assertPasswordAllowed({ password, email, field: 'password' })
	const passwordHash = await hashPassword(password)
	let joined: { userId: string } & Awaited<ReturnType<typeof acceptWith>>
	try {
		joined = await prisma.$transaction(async (tx) => {
			// Taken as an account's own address or as another's confirmed personal one (ADR 0033).
			if (await findAddressHolder(tx, email))
				throw new OrganisationsError(
					'conflict',
					'EMAIL_TAKEN',
					'You already have a Circle account: log in to accept the invitation.',
				)
			const user = await tx.user.create({
				data: { email, name: name.trim(), passwordHash, emailVerifiedAt: new Date() },
				select: { id: true },
			})
			const accepted = await acceptWith(tx, { token, userId: user.id })
			return { userId: user.id, ...accepted }
		}, SEAT_TRANSACTION_OPTIONS)
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new OrganisationsError(
				'conflict',
				'EMAIL_TAKEN',
				'You already have a Circle account: log in to accept the invitation.',
			)
		}
		throw error
	}
	const signedIn = await beginSignIn({ userId: joined.userId, method: 'SIGN_UP', ipAddress, userAgent, deviceId })
	return { ...joined, signedIn }
}

/** Pending invitations of one pool, newest first. */
export async function listPendingInvitations({ organisationId, poolId }: { organisationId: string; poolId: string }) {
	return prisma.invitation.findMany({
		where: { organisationId, seatPoolId: poolId, acceptedAt: null, revokedAt: null },
		select: { id: true, email: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
		orderBy: { createdAt: 'desc' },
	})
}
