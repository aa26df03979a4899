import { afterAll, describe, expect, test } from 'vitest'
import { recordAudit } from '#modules/audit/record.ts'
import { logIn } from '#modules/auth/log-in.ts'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, releaseTestResources, uniqueIp } from '#tests/factories/auth.ts'
import { createCompletedEnrolment, issueTestCertificate, unique } from '#tests/factories/certificates.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { confirmErasureIdentity, RECENT_SIGN_IN_MS } from './confirm-identity.ts'
import { ERASED_CERTIFICATE_NAME, ERASED_USER_NAME, eraseAccount, erasedEmail } from './erasure.ts'

afterAll(releaseTestResources)

const NOW = new Date('2026-12-06T12:00:00Z')
const erase = (actor: Parameters<typeof eraseAccount>[0]['actor'], userId: string) =>
	eraseAccount({ actor, userId, reason: 'Asked for by email', now: NOW })

async function admin() {
	return createTestUser({ role: 'ADMIN', name: 'Ada Admin' })
}

describe('who may erase an account', () => {
	test('a person erases only their own account', async () => {
		const [me, other] = [await createTestUser(), await createTestUser()]
		await expect(erase({ kind: 'self', userId: me.id }, other.id)).rejects.toMatchObject({
			code: 'ERASE_NOT_ALLOWED',
			kind: 'forbidden',
		})
		expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).erasedAt).toBeNull()
		await erase({ kind: 'self', userId: me.id }, me.id)
		expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).erasedAt).toEqual(NOW)
	})

	test('only an enabled platform admin erases someone else, never themselves nor another admin', async () => {
		const [learner, victim, boss, otherAdmin] = [
			await createTestUser(),
			await createTestUser(),
			await admin(),
			await admin(),
		]
		await expect(erase({ kind: 'admin', userId: learner.id }, victim.id)).rejects.toMatchObject({ code: 'ADMIN_ONLY' })
		await expect(erase({ kind: 'admin', userId: boss.id }, boss.id)).rejects.toMatchObject({
			code: 'ERASE_SELF_AS_ADMIN',
		})
		await expect(erase({ kind: 'admin', userId: boss.id }, otherAdmin.id)).rejects.toMatchObject({
			code: 'ERASE_PLATFORM_ADMIN',
		})
		expect(
			await prisma.user.count({ where: { id: { in: [victim.id, boss.id, otherAdmin.id] }, erasedAt: { not: null } } }),
		).toBe(0)

		await erase({ kind: 'admin', userId: boss.id }, victim.id)
		await expect(erase({ kind: 'admin', userId: boss.id }, victim.id)).rejects.toMatchObject({ code: 'ALREADY_ERASED' })
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'user.erased', targetId: victim.id } })
		expect(audit).toMatchObject({
			actorId: boss.id,
			details: expect.objectContaining({ by: 'admin', reason: 'Asked for by email' }),
		})
	})

	test("an organisation's sole owner is refused with the organisation's name; a co-owner may go", async () => {
		const owner = await createTestUser()
		const org = await createOrganisation({ ownerId: owner.id, name: `Sole ${unique('org')}` })
		await expect(erase({ kind: 'self', userId: owner.id }, owner.id)).rejects.toMatchObject({
			code: 'ERASE_SOLE_OWNER',
			message: expect.stringContaining(org.name),
		})
		await addMember({ organisationId: org.id, role: 'OWNER' })
		await erase({ kind: 'self', userId: owner.id }, owner.id)
		// Still a member (the organisation's counts stand), under the erased name.
		const membership = await prisma.membership.findFirstOrThrow({
			where: { organisationId: org.id, userId: owner.id },
			select: { user: { select: { name: true, email: true } } },
		})
		expect(membership.user).toEqual({ name: ERASED_USER_NAME, email: erasedEmail(owner.id) })
	})

	test('the retention job erases as the system', async () => {
		const person = await createTestUser()
		await eraseAccount({
			actor: { kind: 'system', job: 'retention' },
			userId: person.id,
			reason: 'Inactive for 3 years',
			now: NOW,
		})
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'user.erased', targetId: person.id } })
		expect(audit).toMatchObject({ actorId: null, details: expect.objectContaining({ by: 'system:retention' }) })
	})
})

describe('what erasure does', () => {
	test('signed out everywhere and cannot sign in again with the old address and password', async () => {
		const person = await createTestUser({ emailVerified: true })
		const { token } = await createSession({ userId: person.id, ipAddress: uniqueIp() })
		expect(await validateSessionToken(token)).not.toBeNull()
		const summary = await erase({ kind: 'self', userId: person.id }, person.id)
		expect(summary.sessionsEnded).toBe(1)
		expect(await validateSessionToken(token)).toBeNull()
		await expect(
			logIn({ email: person.email, password: person.password, ipAddress: uniqueIp() }),
		).rejects.toMatchObject({
			code: 'INVALID_CREDENTIALS',
		})
		const row = await prisma.user.findUniqueOrThrow({ where: { id: person.id } })
		expect(row).toMatchObject({ passwordHash: null, personalEmail: null, disabledAt: NOW, name: ERASED_USER_NAME })
	})

	test("a certificate keeps its name only where the seat's organisation keeps names; both still verify as issued", async () => {
		const owner = await createTestUser()
		const org = await createOrganisation({ ownerId: owner.id })
		await prisma.organisation.update({ where: { id: org.id }, data: { erasureKeepsCertificateNames: true } })
		const { enrolment, user, course } = await createCompletedEnrolment({ learnerName: 'Keira Keepname' })
		const pool = await prisma.seatPool.create({
			data: { organisationId: org.id, courseId: course.id, seats: 5 },
		})
		const seat = await prisma.seatAssignment.create({
			data: { poolId: pool.id, userId: user.id, email: user.email, status: 'ASSIGNED' },
		})
		await prisma.enrolment.update({ where: { id: enrolment.id }, data: { seatAssignmentId: seat.id } })
		await issueTestCertificate(enrolment.id)
		const other = await createCompletedEnrolment({ userId: user.id })
		await issueTestCertificate(other.enrolment.id)
		const kept = await prisma.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } })
		const removed = await prisma.certificate.findFirstOrThrow({ where: { enrolmentId: other.enrolment.id } })

		const summary = await erase({ kind: 'self', userId: user.id }, user.id)
		expect(summary).toMatchObject({ certificatesKeepingName: 1, certificatesWithoutName: 1 })
		const certs = await prisma.certificate.findMany({
			where: { id: { in: [kept.id, removed.id] } },
			select: { id: true, learnerName: true, revokedAt: true },
		})
		expect(certs.find((c) => c.id === kept.id)).toMatchObject({ learnerName: 'Keira Keepname', revokedAt: null })
		expect(certs.find((c) => c.id === removed.id)).toMatchObject({
			learnerName: ERASED_CERTIFICATE_NAME,
			revokedAt: null,
		})
		expect((await prisma.seatAssignment.findUniqueOrThrow({ where: { id: seat.id } })).email).toBe(erasedEmail(user.id))
	})

	test("other people's audit rows lose the person's name and address only inside an erasure", async () => {
		const person = await createTestUser({ name: 'Quentin Quickfox' })
		const bystander = await createTestUser()
		await recordAudit(prisma, {
			actorId: bystander.id,
			action: 'member.invited',
			targetType: 'Invitation',
			targetId: unique('inv'),
			details: { email: person.email, note: 'Invited Quentin Quickfox to the trust' },
		})
		const row = await prisma.auditLog.findFirstOrThrow({ where: { actorId: bystander.id } })
		// Outside an erasure the append-only trigger still refuses any change to details.
		await expect(prisma.auditLog.update({ where: { id: row.id }, data: { details: {} } })).rejects.toThrow(
			/append-only/,
		)
		await erase({ kind: 'self', userId: person.id }, person.id)
		expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).details).toEqual({
			email: erasedEmail(person.id),
			note: 'Invited [name removed] to the trust',
		})
	})
})

describe('proving it is you before erasing your own account', () => {
	test('the password and your own address, typed; a wrong one is refused beside its field', async () => {
		const person = await createTestUser()
		const base = { userId: person.id, sessionCreatedAt: NOW, now: NOW }
		await expect(
			confirmErasureIdentity({ ...base, password: 'not my password', confirmEmail: person.email }),
		).rejects.toMatchObject({ code: 'WRONG_PASSWORD', field: 'password' })
		await expect(
			confirmErasureIdentity({ ...base, password: person.password, confirmEmail: 'someone@example.com' }),
		).rejects.toMatchObject({ code: 'WRONG_CONFIRMATION', field: 'confirmEmail' })
		await confirmErasureIdentity({ ...base, password: person.password, confirmEmail: person.email.toUpperCase() })
	})

	test('without a password, a sign-in within the last 15 minutes', async () => {
		const person = await createTestUser()
		await prisma.user.update({ where: { id: person.id }, data: { passwordHash: null } })
		const base = { userId: person.id, password: undefined, confirmEmail: person.email, now: NOW }
		await expect(
			confirmErasureIdentity({ ...base, sessionCreatedAt: new Date(NOW.getTime() - RECENT_SIGN_IN_MS - 1000) }),
		).rejects.toMatchObject({ code: 'REAUTHENTICATE' })
		await confirmErasureIdentity({ ...base, sessionCreatedAt: new Date(NOW.getTime() - 60_000) })
	})
})
