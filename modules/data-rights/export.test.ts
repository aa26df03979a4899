// "Download your data": a request is prepared by its job into a stored ZIP (circle-data.json with the
// person's own rows, their certificate PDFs and CPD exports), emailed as a link that works once, for its
// owner only, until it expires; requests are throttled. Real PostgreSQL, real storage on disk.
import JSZip from 'jszip'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { extractLinks } from '#modules/mail/outbox.ts'
import { getFileStorage } from '#modules/storage/file-storage.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCertificate, createLearner, pdfInfo } from '#tests/factories/certificates.ts'
import {
	checkDataExportLink,
	getLatestDataExport,
	openDataExport,
	prepareDataExport,
	requestDataExport,
} from './export.ts'
import { resetThrottle } from '#modules/security/throttle.ts'
import { collectPersonalData, personalDataJson } from './export-data.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

const DAY = 86_400_000

/** A learner with a certificate and a reflection-free record, whose export has been requested and prepared. */
async function preparedExport(now = new Date()) {
	const { user, certificate } = await createCertificate({ courseTitle: 'Restorative conversations' })
	const { exportId } = await requestDataExport({ actorId: user.id, userId: user.id, now })
	await prepareDataExport({ exportId, now })
	const email = await prisma.emailMessage.findFirstOrThrow({
		where: { to: user.email, template: 'data-export-ready' },
		select: { text: true },
	})
	const link = new URL(extractLinks(email.text).find((l) => l.includes('/account/data/download/'))!)
	const token = link.searchParams.get('token')!
	return { user, certificate, exportId, token, link }
}

describe('preparing an export', () => {
	test('the ZIP holds everything about the person, their certificate PDF and CPD exports, and nobody else', async () => {
		const now = new Date()
		const other = await createLearner({ name: 'Someone Else Entirely' })
		const { user, certificate, exportId, link } = await preparedExport(now)
		expect(link.pathname).toBe(`/account/data/download/${exportId}`)

		const row = await prisma.dataExport.findUniqueOrThrow({ where: { id: exportId } })
		expect(row).toMatchObject({ status: 'READY', readyAt: now, downloadedAt: null })
		expect(row.expiresAt!.getTime() - now.getTime()).toBe(7 * DAY)
		expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/)

		const stored = await getFileStorage().get(row.storageKey!)
		const zip = await JSZip.loadAsync(stored!.body as Uint8Array)
		const names = Object.keys(zip.files)
		expect(names).toEqual(expect.arrayContaining(['README.txt', 'circle-data.json', 'passport/passport.json']))
		const certificatePdf = names.find((n) => n.startsWith('passport/certificates/') && n.endsWith('.pdf'))!
		expect(Number((await pdfInfo(await zip.file(certificatePdf)!.async('nodebuffer'))).Pages)).toBeGreaterThan(0)
		expect(names.some((n) => n.startsWith('passport/portfolio/'))).toBe(true)

		const text = await zip.file('circle-data.json')!.async('string')
		const data = JSON.parse(text)
		expect(data).toMatchObject({
			format: 'circle-personal-data',
			version: 1,
			profile: { id: user.id, email: user.email },
		})
		expect(data.learning.certificates.map((c: { code: string }) => c.code)).toEqual([certificate.code])
		expect(data.learning.enrolments).toHaveLength(1)
		expect(data.auditLog.actionsTheyTook.map((a: { action: string }) => a.action)).toContain('data.export_requested')
		// Secrets are left out; other people are not in it.
		expect(text).not.toContain('passwordHash')
		expect(text).not.toContain(row.tokenHash!)
		expect(text).not.toContain(other.email)
		expect(text).not.toContain(other.id)
	})

	test('their newsletter subscriptions, at either address, are in it with their consent record; nobody else’s', async () => {
		const user = await createLearner()
		const personalEmail = `${user.id}-home@example.org`
		await prisma.user.update({ where: { id: user.id }, data: { personalEmail } })
		const wording = 'By joining you agree to receive Circle’s newsletter by email.'
		const subscription = (email: string) =>
			prisma.newsletterSubscriber.create({
				data: {
					email,
					status: 'CONFIRMED',
					sectors: ['SCHOOLS'],
					unsubscribeToken: `unsub-${email}`,
					confirmTokenHash: `hash-${email}`,
					consents: { create: { event: 'signed-up', source: 'footer', wording, ipAddress: '192.0.2.7' } },
				},
				select: { id: true },
			})
		const atWork = await subscription(user.email)
		const atHome = await subscription(personalEmail)
		const stranger = await subscription(`${user.id}-stranger@example.org`)

		const data = await collectPersonalData({ userId: user.id, now: new Date() })
		const subscriptions = data.communication.newsletterSubscriptions
		expect(subscriptions.map((s) => s.id).sort()).toEqual([atWork.id, atHome.id].sort())
		expect(subscriptions[0]).toMatchObject({ status: 'CONFIRMED', sectors: ['SCHOOLS'] })
		expect(subscriptions[0]!.consents).toEqual([
			expect.objectContaining({ event: 'signed-up', source: 'footer', wording, createdAt: expect.any(Date) }),
		])
		const text = personalDataJson(data)
		expect(text).not.toContain(stranger.id)
		// The tokens that manage a subscription are secrets, left out like the others.
		expect(text).not.toContain(`unsub-${user.email}`)
		expect(text).not.toContain(`hash-${user.email}`)
	})

	test('preparing twice (a retried job) emails one link', async () => {
		const now = new Date()
		const { user, exportId } = await preparedExport(now)
		expect(await prepareDataExport({ exportId, now })).toEqual({ prepared: false })
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'data-export-ready' } })).toBe(1)
	})
})

describe('the emailed link', () => {
	test('works once for its owner, then says it was used', async () => {
		const now = new Date()
		const { user, exportId, token } = await preparedExport(now)
		const opened = await openDataExport({ exportId, token, userId: user.id, now })
		expect(opened.filename).toMatch(/^circle-your-data-\d{4}-\d{2}-\d{2}\.zip$/)
		expect(Object.keys((await JSZip.loadAsync(opened.body)).files)).toContain('circle-data.json')
		await expect(openDataExport({ exportId, token, userId: user.id, now })).rejects.toMatchObject({
			code: 'DATA_EXPORT_LINK_USED',
			kind: 'gone',
		})
		expect(await getLatestDataExport({ userId: user.id, now })).toMatchObject({ state: 'downloaded' })
		const audit = await prisma.auditLog.count({ where: { actorId: user.id, action: 'data.export_downloaded' } })
		expect(audit).toBe(1)
	})

	test("someone else's account is refused, even with the right secret (the owner check)", async () => {
		const now = new Date()
		const { exportId, token } = await preparedExport(now)
		const stranger = await createLearner({ name: 'Not The Owner' })
		await expect(checkDataExportLink({ exportId, token, userId: stranger.id, now })).rejects.toMatchObject({
			code: 'DATA_EXPORT_NOT_YOURS',
			kind: 'forbidden',
		})
		await expect(openDataExport({ exportId, token, userId: stranger.id, now })).rejects.toMatchObject({
			code: 'DATA_EXPORT_NOT_YOURS',
		})
		expect((await prisma.dataExport.findUniqueOrThrow({ where: { id: exportId } })).downloadedAt).toBeNull()
	})

	test('an expired link and a wrong secret are refused, and nothing is used up', async () => {
		const now = new Date()
		const { user, exportId, token } = await preparedExport(now)
		const later = new Date(now.getTime() + 7 * DAY)
		await expect(openDataExport({ exportId, token, userId: user.id, now: later })).rejects.toMatchObject({
			code: 'DATA_EXPORT_LINK_EXPIRED',
			kind: 'gone',
		})
		await expect(openDataExport({ exportId, token: 'a'.repeat(52), userId: user.id, now })).rejects.toMatchObject({
			code: 'DATA_EXPORT_NOT_FOUND',
		})
		expect(await getLatestDataExport({ userId: user.id, now: later })).toMatchObject({ state: 'expired' })
		expect((await openDataExport({ exportId, token, userId: user.id, now })).body.byteLength).toBeGreaterThan(0)
	})

	test('two downloads at the same moment use the link once', async () => {
		const now = new Date()
		const { user, exportId, token } = await preparedExport(now)
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, () => openDataExport({ exportId, token, userId: user.id, now })),
		)
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	})
})

describe('requests', () => {
	test('one at a time, and three a day per person', async () => {
		const user = await createLearner()
		const now = new Date()
		await resetThrottle('dataExportPerPerson', user.id)
		const first = await requestDataExport({ actorId: user.id, userId: user.id, now })
		await expect(requestDataExport({ actorId: user.id, userId: user.id, now })).rejects.toMatchObject({
			code: 'DATA_EXPORT_ALREADY_PREPARING',
		})
		await prisma.dataExport.update({ where: { id: first.exportId }, data: { status: 'FAILED' } })
		for (let i = 0; i < 2; i++) {
			const { exportId } = await requestDataExport({ actorId: user.id, userId: user.id, now })
			await prisma.dataExport.update({ where: { id: exportId }, data: { status: 'FAILED' } })
		}
		await expect(requestDataExport({ actorId: user.id, userId: user.id, now })).rejects.toMatchObject({
			code: 'TOO_MANY_ATTEMPTS',
			kind: 'throttled',
		})
		expect(await prisma.dataExport.count({ where: { userId: user.id } })).toBe(3)
	})

	test('nobody can ask for another person’s data', async () => {
		const [user, other] = await Promise.all([createLearner(), createLearner()])
		await expect(requestDataExport({ actorId: other.id, userId: user.id, now: new Date() })).rejects.toMatchObject({
			code: 'DATA_EXPORT_NOT_YOURS',
		})
		expect(await prisma.dataExport.count({ where: { userId: user.id } })).toBe(0)
	})
})
