import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { encryptSecret } from '#modules/security/encryption.ts'
import { ssoContext } from '#modules/security/reseal.ts'
import {
	addMember,
	createInvitation,
	createOrganisation,
	createSeatPool,
	createUser,
} from '#tests/factories/organisations.ts'
import { claimSeat } from './claim-seat.ts'
import {
	acceptInvitation,
	inviteStaff,
	resendInvitation,
	revokeInvitation,
	signUpAndAcceptInvitation,
} from './invitations.ts'
import { parseInvitationCsv, parsePastedList } from './parse-invitation-list.ts'
import { InviteStaffFormSchema } from './schemas.ts'

afterAll(releaseTestResources)

function uniqueAddress(label: string) {
	return `${label}-${crypto.randomUUID()}@example.org`
}

async function snapshot(poolId: string) {
	const [pool, assignments, invitations, enrolments, memberships] = await Promise.all([
		prisma.seatPool.findUniqueOrThrow({ where: { id: poolId }, select: { used: true } }),
		prisma.seatAssignment.count({ where: { poolId } }),
		prisma.invitation.findMany({
			where: { seatPoolId: poolId },
			select: { id: true, acceptedAt: true, revokedAt: true },
			orderBy: { id: 'asc' },
		}),
		prisma.enrolment.count({ where: { seatAssignment: { poolId } } }),
		prisma.membership.count({ where: { organisation: { seatPools: { some: { id: poolId } } } } }),
	])
	return { used: pool.used, assignments, invitations, enrolments, memberships }
}

describe('parsing lists', () => {
	test('a pasted list splits on newlines, commas and semicolons', () => {
		expect(
			parsePastedList('a@example.org, b@example.org;c@example.org\n\n d@example.org ').map((r) => r.email),
		).toEqual(['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org'])
	})

	test('addresses pasted from Outlook give the address and the name, quoted names with commas included', () => {
		const pasted =
			'Carys Hughes <carys.hughes@example.org>; "Hughes, Carys" <c.hughes@example.org>;' +
			" 'Dai Jones' <DAI@example.org>,\n<plain@example.org>; Evans, Bethan <bethan.evans@example.org>;" +
			' mailto:huw@example.org; not an address'
		expect(parsePastedList(pasted)).toEqual([
			{ row: 1, email: 'carys.hughes@example.org', name: 'Carys Hughes' },
			{ row: 2, email: 'c.hughes@example.org', name: 'Hughes, Carys' },
			{ row: 3, email: 'DAI@example.org', name: 'Dai Jones' },
			{ row: 4, email: 'plain@example.org', name: null },
			{ row: 5, email: 'bethan.evans@example.org', name: 'Evans, Bethan' },
			{ row: 6, email: 'huw@example.org', name: null },
			{ row: 7, email: 'not an address', name: null },
		])
		expect(parseInvitationCsv('email\nCarys Hughes <carys.hughes@example.org>\n')).toEqual([
			{ row: 1, email: 'carys.hughes@example.org', name: 'Carys Hughes' },
		])
	})

	test('the invite form accepts one Outlook address in the single-address field', () => {
		const parsed = InviteStaffFormSchema.safeParse({
			intent: 'invite',
			mode: 'single',
			email: '"Hughes, Carys" <carys.hughes@example.org>',
		})
		expect(parsed.success && parsed.data.mode === 'single' && parsed.data.email).toBe('carys.hughes@example.org')
		const refused = InviteStaffFormSchema.safeParse({ intent: 'invite', mode: 'single', email: 'Carys Hughes <carys>' })
		expect(refused.success).toBe(false)
	})

	test('a CSV needs an email column; name is optional and columns may be in any order', () => {
		expect(parseInvitationCsv('Name,Email\nSam Taylor,sam@example.org\n,jo@example.org\n')).toEqual([
			{ row: 1, email: 'sam@example.org', name: 'Sam Taylor' },
			{ row: 2, email: 'jo@example.org', name: null },
		])
		expect(() => parseInvitationCsv('address\nsam@example.org')).toThrow(/email/)
	})
})

describe('inviteStaff', () => {
	test('invalid and duplicate addresses, holders and pending invitees get per-row errors; valid rows are invited', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 10 })
		const holder = await createUser()
		await claimSeat({ poolId: pool.id, userId: holder.id })
		const pendingEmail = uniqueAddress('pending')
		await createInvitation({ organisationId: org.id, poolId: pool.id, email: pendingEmail })
		const good1 = uniqueAddress('good')
		const good2 = uniqueAddress('good')

		const text = [good1, 'not-an-email', good1.toUpperCase(), holder.email, pendingEmail, good2].join('\n')
		const result = await inviteStaff({
			organisationId: org.id,
			poolId: pool.id,
			actorId: org.owner.id,
			rows: parsePastedList(text),
		})

		expect(result.invited).toEqual([good1, good2])
		expect(result.notEnoughSeats).toBeNull()
		expect(result.rejected).toEqual([
			{ row: 2, email: 'not-an-email', reason: 'Not a valid email address' },
			{ row: 3, email: good1.toUpperCase(), reason: 'Appears more than once in the list' },
			{ row: 4, email: holder.email, reason: 'Already a member with a seat on this course' },
			{ row: 5, email: pendingEmail, reason: 'Already invited: the invitation is still pending' },
		])
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id, email: good1 } })).toBe(1)
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id, email: 'not-an-email' } })).toBe(0)
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id, email: holder.email } })).toBe(0)
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id, email: pendingEmail } })).toBe(1)
		const mail = await prisma.emailMessage.findFirstOrThrow({
			where: { to: good1 },
			select: { template: true, text: true },
		})
		expect(mail.template).toBe('invitation')
		expect(mail.text).toMatch(/\/invitations\/[a-z2-7]{52}/)
		const stored = await prisma.invitation.findFirstOrThrow({
			where: { email: good1 },
			select: { tokenHash: true, expiresAt: true },
		})
		expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/)
		expect(mail.text).not.toContain(stored.tokenHash)
		const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000
		expect(days).toBeGreaterThan(13.9)
		expect(days).toBeLessThanOrEqual(14)
	})

	test('a list pasted from Outlook invites each address, greeting each person by name', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 5 })
		const carys = uniqueAddress('carys')
		const bethan = uniqueAddress('bethan')
		const rows = parsePastedList(`Carys Hughes <${carys}>; "Evans, Bethan" <${bethan}>`)
		const result = await inviteStaff({ organisationId: org.id, poolId: pool.id, actorId: org.owner.id, rows })
		expect(result).toMatchObject({ invited: [carys, bethan], rejected: [], notEnoughSeats: null })
		const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: carys }, select: { text: true } })
		expect(mail.text).toContain('Carys Hughes')
	})

	test('more invitations than free seats (counting pending ones) invites no one', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 3, used: 1 })
		await createInvitation({ organisationId: org.id, poolId: pool.id, email: uniqueAddress('pending') })
		const rows = parsePastedList([uniqueAddress('a'), uniqueAddress('b')].join(','))
		const result = await inviteStaff({ organisationId: org.id, poolId: pool.id, actorId: org.owner.id, rows })
		expect(result.invited).toEqual([])
		expect(result.notEnoughSeats).toEqual({ free: 1, requested: 2 })
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id } })).toBe(1)
	})

	test('a pool of another organisation is not found', async () => {
		const mine = await createOrganisation()
		const theirs = await createOrganisation()
		const pool = await createSeatPool({ organisationId: theirs.id })
		await expect(
			inviteStaff({
				organisationId: mine.id,
				poolId: pool.id,
				actorId: mine.owner.id,
				rows: parsePastedList(uniqueAddress('x')),
			}),
		).rejects.toMatchObject({ kind: 'not_found' })
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id } })).toBe(0)
	})
})

describe('accepting an invitation', () => {
	test('creates the membership, the seat and the enrolment once, even when accepted twice at once', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 5 })
		const invitee = await createUser()
		const { token } = await createInvitation({
			organisationId: org.id,
			poolId: pool.id,
			email: invitee.email.toUpperCase(),
		})

		const results = await Promise.allSettled([
			acceptInvitation({ token, userId: invitee.id }),
			acceptInvitation({ token, userId: invitee.id }),
		])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
		expect(failed.reason).toMatchObject({ kind: 'gone', code: 'INVITATION_USED' })
		const ok = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ courseSlug: string | null }>
		expect(ok.value.courseSlug).toBe(pool.course.slug)

		const after = await snapshot(pool.id)
		expect(after.used).toBe(1)
		expect(after.assignments).toBe(1)
		expect(after.enrolments).toBe(1)
		expect(
			await prisma.membership.findFirst({
				where: { organisationId: org.id, userId: invitee.id },
				select: { role: true },
			}),
		).toEqual({ role: 'MEMBER' })
		expect(after.invitations[0]?.acceptedAt).not.toBeNull()
	})

	test('expired, reused, revoked and unknown links are refused and change nothing', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 5 })
		const invitee = await createUser()
		const expired = await createInvitation({
			organisationId: org.id,
			poolId: pool.id,
			email: invitee.email,
			expiresAt: new Date(Date.now() - 1000),
		})
		const revoked = await createInvitation({ organisationId: org.id, poolId: pool.id, email: invitee.email })
		await revokeInvitation({ organisationId: org.id, invitationId: revoked.id, actorId: org.owner.id })
		const before = await snapshot(pool.id)

		await expect(acceptInvitation({ token: expired.token, userId: invitee.id })).rejects.toMatchObject({
			kind: 'gone',
			code: 'INVITATION_EXPIRED',
		})
		await expect(acceptInvitation({ token: revoked.token, userId: invitee.id })).rejects.toMatchObject({
			kind: 'gone',
			code: 'INVITATION_REVOKED',
		})
		await expect(acceptInvitation({ token: 'a'.repeat(52), userId: invitee.id })).rejects.toMatchObject({
			kind: 'not_found',
		})
		expect(await snapshot(pool.id)).toEqual(before)

		const fresh = await createInvitation({ organisationId: org.id, poolId: pool.id, email: invitee.email })
		await acceptInvitation({ token: fresh.token, userId: invitee.id })
		const afterFirst = await snapshot(pool.id)
		await expect(acceptInvitation({ token: fresh.token, userId: invitee.id })).rejects.toMatchObject({
			kind: 'gone',
			code: 'INVITATION_USED',
		})
		expect(await snapshot(pool.id)).toEqual(afterFirst)
	})

	test('someone signed in with another address cannot accept', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const other = await createUser()
		const { token } = await createInvitation({
			organisationId: org.id,
			poolId: pool.id,
			email: uniqueAddress('invitee'),
		})
		await expect(acceptInvitation({ token, userId: other.id })).rejects.toMatchObject({
			kind: 'forbidden',
			code: 'WRONG_ACCOUNT',
		})
		expect((await snapshot(pool.id)).used).toBe(0)
	})

	test('a full pool leaves the invitation pending and nothing changed', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 1, used: 1 })
		const invitee = await createUser()
		const { token } = await createInvitation({ organisationId: org.id, poolId: pool.id, email: invitee.email })
		await expect(acceptInvitation({ token, userId: invitee.id })).rejects.toMatchObject({ code: 'NO_SEATS_LEFT' })
		const after = await snapshot(pool.id)
		expect(after.invitations[0]?.acceptedAt).toBeNull()
		expect(await prisma.membership.count({ where: { organisationId: org.id, userId: invitee.id } })).toBe(0)
	})

	test('a new person signs up with the invited address, verified, and gets the seat', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const email = uniqueAddress('newcomer')
		const { token } = await createInvitation({ organisationId: org.id, poolId: pool.id, email })
		const result = await signUpAndAcceptInvitation({
			token,
			name: 'Nia Newcomer',
			password: 'circles of support and challenge',
		})
		expect(result.signedIn.kind).toBe('session')
		const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerifiedAt: true } })
		expect(user.emailVerifiedAt).not.toBeNull()
		expect(await prisma.enrolment.count({ where: { userId: user.id, source: 'SEAT', status: 'ACTIVE' } })).toBe(1)
		// Signed in like every sign-up: the session says how, and the sign-in is in the audit log.
		expect(await prisma.session.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ method: 'SIGN_UP' })
		expect(await prisma.auditLog.count({ where: { actorId: user.id, action: 'auth.signed_in' } })).toBe(1)
	})

	test('an invited address at a domain that requires single sign-on cannot sign up with a password', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const domain = `sso-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.example`
		await prisma.organisationDomain.create({
			data: { organisationId: org.id, domain, verificationToken: 'test', verifiedAt: new Date(), verifiedBy: 'ADMIN' },
		})
		await prisma.identityProvider.create({
			data: {
				organisationId: org.id,
				kind: 'OIDC',
				displayName: 'Test provider',
				issuer: 'https://idp.example.org',
				clientId: 'circle',
				// Sealed like a real one: a key rotation running meanwhile (reseal.test.ts) reads every row.
				clientSecretEncrypted: encryptSecret('not used here', ssoContext(org.id)),
				requireSso: true,
			},
		})
		const email = `new.starter@${domain}`
		const { token } = await createInvitation({ organisationId: org.id, poolId: pool.id, email })
		await expect(
			signUpAndAcceptInvitation({ token, name: 'New Starter', password: 'circles of support and challenge' }),
		).rejects.toMatchObject({ code: 'SSO_REQUIRED' })
		expect(await prisma.user.count({ where: { email } })).toBe(0)
		expect((await snapshot(pool.id)).used).toBe(0)
	})

	test('resending gives a new link and the old one stops working', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const invitee = await createUser()
		const old = await createInvitation({ organisationId: org.id, poolId: pool.id, email: invitee.email })
		await resendInvitation({ organisationId: org.id, invitationId: old.id, actorId: org.owner.id })
		await expect(acceptInvitation({ token: old.token, userId: invitee.id })).rejects.toMatchObject({
			kind: 'not_found',
		})
		const mail = await prisma.emailMessage.findFirstOrThrow({
			where: { to: invitee.email, template: 'invitation' },
			select: { text: true },
		})
		const token = /\/invitations\/([a-z2-7]{52})/.exec(mail.text)![1]!
		await acceptInvitation({ token, userId: invitee.id })
		expect((await snapshot(pool.id)).used).toBe(1)
	})

	test('a resent invitation is in the language the inviter chose for the first one', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const email = uniqueAddress('cymraeg')
		await inviteStaff({
			organisationId: org.id,
			poolId: pool.id,
			actorId: org.owner.id,
			rows: [{ row: 1, email, name: null }],
			language: 'cy',
		})
		const invitation = await prisma.invitation.findFirstOrThrow({ where: { email }, select: { id: true, language: true } })
		expect(invitation.language).toBe('cy')
		await resendInvitation({ organisationId: org.id, invitationId: invitation.id, actorId: org.owner.id })
		const mails = await prisma.emailMessage.findMany({
			where: { to: email, template: 'invitation' },
			select: { subject: true },
			orderBy: { createdAt: 'asc' },
		})
		expect(mails).toHaveLength(2)
		for (const mail of mails) expect(mail.subject).toMatch(/wedi rhoi lle i chi ar/)
	})

	test('members who are already members keep their role', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const { token } = await createInvitation({ organisationId: org.id, poolId: pool.id, email: admin.email })
		await acceptInvitation({ token, userId: admin.id })
		expect(
			await prisma.membership.findFirst({
				where: { organisationId: org.id, userId: admin.id },
				select: { role: true },
			}),
		).toEqual({ role: 'ADMIN' })
	})
})
