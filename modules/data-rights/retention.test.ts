// Retention: each daily purge deletes only what is past its period, exactly once a day; the audit log
// gives up only rows older than the period, and only to the retention job; inactive accounts are warned
// once, then erased once the warning has had its time, never when the person came back.
// Periods are passed in (long ones for purges, so other test files' rows in this database are never
// past them): the test's own rows are made old enough instead.
import { afterAll, describe, expect, test, vi } from 'vitest'
import { recordAudit } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createLearner, unique } from '#tests/factories/certificates.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { type RetentionPeriods, retentionPeriods, runRetention } from './retention.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

const DAY = 86_400_000
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY)
const later = (now: Date, days: number) => new Date(now.getTime() + days * DAY)

// Long enough that nothing another test file made is past them; 0 switches inactive erasure off.
const LONG: RetentionPeriods = {
	sessionDays: 3000,
	throttleDays: 3000,
	outboxDays: 3000,
	auditDays: 3000,
	inactiveAccountDays: 0,
	inactiveWarningDays: 30,
	dataExportLinkDays: 7,
}

test('the defaults are the README’s and the record of processing’s', () => {
	expect(retentionPeriods()).toEqual({
		sessionDays: 30,
		throttleDays: 1,
		outboxDays: 90,
		auditDays: 2190,
		inactiveAccountDays: 1095,
		inactiveWarningDays: 30,
		dataExportLinkDays: 7,
	})
})

describe('daily purges', () => {
	test('delete sessions, throttle rows, outbox mail and audit entries past their period, once a day', async () => {
		// A day of its own, far ahead, so this file's claims never meet another run's.
		const now = new Date(Date.UTC(2031, 2, 14, 3, 30))
		const user = await createLearner()
		const old = ago(now, 3001)
		const recent = ago(now, 2999)
		await prisma.session.createMany({
			data: [
				{ id: unique('old-session'), userId: user.id, createdAt: old, lastSeenAt: old, expiresAt: old },
				{ id: unique('recent-session'), userId: user.id, createdAt: recent, lastSeenAt: recent, expiresAt: recent },
			],
		})
		const oldKey = unique('retention-old')
		const recentKey = unique('retention-recent')
		await prisma.throttle.createMany({
			data: [
				{ key: oldKey, points: 3, expire: BigInt(old.getTime()) },
				{ key: recentKey, points: 3, expire: BigInt(recent.getTime()) },
			],
		})
		const mail = { to: user.email, subject: 's', template: 'verify-email', html: '<p>h</p>', text: 't' }
		await prisma.emailMessage.createMany({
			data: [
				{ ...mail, subject: 'old', createdAt: old },
				{ ...mail, subject: 'recent', createdAt: recent },
			],
		})
		await prisma.auditLog.createMany({
			data: [
				{ actorId: user.id, action: 'test.old', targetType: 'User', targetId: user.id, createdAt: old },
				{ actorId: user.id, action: 'test.recent', targetType: 'User', targetId: user.id, createdAt: recent },
			],
		})

		const first = await runRetention({ now, periods: LONG })
		expect(first.sessions).toBeGreaterThanOrEqual(1)
		expect((await prisma.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([
			expect.stringMatching(/^recent-session/),
		])
		// The deleted session's activity was kept on the account first.
		expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastActiveAt).toEqual(recent)
		expect(
			await prisma.throttle.findMany({ where: { key: { in: [oldKey, recentKey] } }, select: { key: true } }),
		).toEqual([{ key: recentKey }])
		expect(
			(await prisma.emailMessage.findMany({ where: { to: user.email }, select: { subject: true } })).map(
				(m) => m.subject,
			),
		).toEqual(['recent'])
		expect(
			(await prisma.auditLog.findMany({ where: { actorId: user.id }, select: { action: true } })).map((a) => a.action),
		).toEqual(['test.recent'])
		const events = await prisma.retentionEvent.findMany({ where: { key: { endsWith: ':2031-03-14' } } })
		expect(events.map((e) => e.kind).sort()).toEqual(['audit', 'outbox', 'sessions', 'throttle'])

		// The same day again (a second worker, a retry): every purge is already claimed.
		await prisma.session.create({
			data: { id: unique('old-session'), userId: user.id, createdAt: old, lastSeenAt: old, expiresAt: old },
		})
		const second = await runRetention({ now, periods: LONG })
		expect(second).toMatchObject({ sessions: null, throttle: null, outbox: null, audit: null })
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2)
	})

	test('outside the retention job the audit log still refuses deletes', async () => {
		const user = await createLearner()
		await recordAudit(prisma, { actorId: user.id, action: 'test.kept', targetType: 'User', targetId: user.id })
		await expect(prisma.auditLog.deleteMany({ where: { actorId: user.id } })).rejects.toThrow(/append-only/)
		// Even with the setting, a row newer than it stays.
		await expect(
			prisma.$transaction(async (tx) => {
				await tx.$queryRaw`SELECT set_config('circle.audit_retention_before', '2000-01-01 00:00:00', true)`
				await tx.auditLog.deleteMany({ where: { actorId: user.id } })
			}),
		).rejects.toThrow(/append-only/)
		expect(await prisma.auditLog.count({ where: { actorId: user.id } })).toBe(1)
	})
})

describe('inactive accounts', () => {
	const periods: RetentionPeriods = { ...LONG, inactiveAccountDays: 1095, inactiveWarningDays: 30 }

	async function inactiveLearner(now: Date, inactiveDays: number) {
		const user = await createLearner({ name: 'Gwen Inactive' })
		await prisma.user.update({ where: { id: user.id }, data: { createdAt: ago(now, inactiveDays) } })
		return user
	}

	const erasedAt = async (userId: string) =>
		(await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { erasedAt: true } })).erasedAt

	test('are warned once, then erased once the warning has had its time', async () => {
		const now = new Date()
		const user = await inactiveLearner(now, 1070)

		const first = await runRetention({ now, periods })
		expect(first.warned).toBeGreaterThanOrEqual(1)
		const warnings = await prisma.emailMessage.findMany({
			where: { to: user.email, template: 'inactive-account-warning' },
			select: { text: true },
		})
		expect(warnings).toHaveLength(1)
		expect(warnings[0]!.text).toContain('1,070 days')

		// Again the same day, and the next day: no second warning, no erasure yet.
		await runRetention({ now, periods })
		await runRetention({ now: later(now, 1), periods })
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'inactive-account-warning' } })).toBe(1)
		expect(await erasedAt(user.id)).toBeNull()

		// Thirty days on, the warning has had its time and the account is past 1,095 days.
		const due = later(now, 30)
		await runRetention({ now: due, periods })
		const erased = await prisma.user.findUniqueOrThrow({
			where: { id: user.id },
			select: { erasedAt: true, email: true },
		})
		expect(erased.erasedAt).toEqual(due)
		expect(erased.email).not.toBe(user.email)
		const audit = await prisma.auditLog.findMany({
			where: { action: 'user.erased', targetId: user.id },
			select: { details: true },
		})
		expect(audit).toHaveLength(1)
		expect(JSON.stringify(audit[0]!.details)).toContain('1095 days')
		// Erased once: a later run has nothing more to do for them.
		await runRetention({ now: later(now, 31), periods })
		expect(await prisma.auditLog.count({ where: { action: 'user.erased', targetId: user.id } })).toBe(1)
	})

	test('someone who signs in after the warning is not erased', async () => {
		const now = new Date()
		const user = await inactiveLearner(now, 1070)
		await runRetention({ now, periods })
		const back = later(now, 5)
		await prisma.session.create({
			data: { id: unique('back'), userId: user.id, createdAt: back, lastSeenAt: back, expiresAt: later(back, 30) },
		})
		await runRetention({ now: later(now, 30), periods })
		expect(await erasedAt(user.id)).toBeNull()
	})

	test('an account that cannot be erased is skipped with a reason, its claim given back, and the others are erased', async () => {
		const now = new Date()
		const owner = await inactiveLearner(now, 1070)
		await createOrganisation({ ownerId: owner.id })
		const other = await inactiveLearner(now, 1070)
		await runRetention({ now, periods })
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		try {
			await runRetention({ now: later(now, 30), periods })
			expect(warn).toHaveBeenCalledWith(expect.stringContaining(`inactive account ${owner.id} could not be erased`))
		} finally {
			warn.mockRestore()
		}
		expect(await erasedAt(owner.id)).toBeNull()
		expect(await prisma.retentionEvent.count({ where: { key: `inactive-erasure:${owner.id}` } })).toBe(0)
		expect(await erasedAt(other.id)).not.toBeNull()
	})
})
