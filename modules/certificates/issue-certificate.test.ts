import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { resolveAttachments } from '#modules/mail/attachments.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import {
	createCompletedEnrolment,
	createLearner,
	issueTestCertificate,
	pdfText,
} from '#tests/factories/certificates.ts'
import { CERTIFICATE_CODE_PATTERN } from './code.ts'
import { CERTIFICATE_CPD_METHOD, issueCertificate } from './issue-certificate.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

describe('issueCertificate', () => {
	test('freezes what the certificate says and adds the CPD entry, audit entry and email in one go', async () => {
		const outcomes = ['Use restorative questions after harm', 'Facilitate a check-in circle', 'Explain fair process']
		const { user, course, version, enrolment } = await createCompletedEnrolment({
			learnerName: 'Zoë Łukasiewicz-Brontë',
			courseTitle: 'Relational practice in prisons',
			versionNumber: 3,
			cpdMinutes: 150,
			outcomes,
			// 23:30 UTC on 31 March is 00:30 on 1 April in the UK (BST): the CPD date is 1 April.
			completedAt: new Date('2026-03-31T23:30:00Z'),
		})

		const { certificate, issuedNow } = await issueTestCertificate(enrolment.id)

		expect(issuedNow).toBe(true)
		expect(certificate.code).toMatch(CERTIFICATE_CODE_PATTERN)
		expect(certificate).toMatchObject({
			userId: user.id,
			enrolmentId: enrolment.id,
			courseId: course.id,
			versionId: version.id,
			learnerName: 'Zoë Łukasiewicz-Brontë',
			courseTitle: 'Relational practice in prisons',
			versionNumber: 3,
			cpdMinutes: 150,
			outcomes,
			completedAt: new Date('2026-03-31T23:30:00Z'),
			revokedAt: null,
		})

		const entries = await prisma.cpdEntry.findMany({ where: { userId: user.id } })
		expect(entries).toHaveLength(1)
		expect(entries[0]).toMatchObject({
			certificateId: certificate.id,
			source: 'CERTIFICATE',
			method: CERTIFICATE_CPD_METHOD,
			title: 'Relational practice in prisons',
			minutes: 150,
			participatoryMinutes: 0,
		})
		expect(entries[0]?.date.toISOString()).toBe('2026-04-01T00:00:00.000Z')

		const audit = await prisma.auditLog.findMany({ where: { targetType: 'Certificate', targetId: certificate.id } })
		expect(audit.map((a) => [a.action, a.actorId])).toEqual([['certificate.issued', user.id]])

		const emails = await prisma.emailMessage.findMany({ where: { to: user.email, template: 'certificate-issued' } })
		expect(emails).toHaveLength(1)
		expect(emails[0]?.subject).toBe('Your CPD certificate: Relational practice in prisons')
		expect(emails[0]?.text).toContain(certificate.code)
		expect(emails[0]?.text).toContain('2.5 CPD hours')
		expect(emails[0]?.text).toContain(`/verify/${certificate.code}`)
		expect(emails[0]?.attachments).toEqual([{ kind: 'certificate', certificateId: certificate.id }])

		// The stored descriptor turns into the real PDF when the email is delivered.
		const [attachment] = await resolveAttachments(emails[0]?.attachments)
		expect(attachment?.filename).toBe(`circle-certificate-${certificate.code}.pdf`)
		expect(attachment?.contentType).toBe('application/pdf')
		const text = await pdfText(attachment!.content)
		expect(text).toContain('Łukasiewicz-Brontë')
		expect(text).toContain('1 April 2026')
	})

	test('two concurrent issuers for one enrolment make one certificate, one CPD entry and one email', async () => {
		const { user, enrolment } = await createCompletedEnrolment()

		// Two separate transactions, as two requests completing the last lesson at once would be.
		const [a, b] = await Promise.all([issueTestCertificate(enrolment.id), issueTestCertificate(enrolment.id)])

		expect(a.certificate.id).toBe(b.certificate.id)
		expect(a.certificate.code).toBe(b.certificate.code)
		expect([a.issuedNow, b.issuedNow].sort()).toEqual([false, true])
		expect(await prisma.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(1)
		expect(await prisma.cpdEntry.count({ where: { userId: user.id } })).toBe(1)
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'certificate-issued' } })).toBe(1)
		expect(await prisma.auditLog.count({ where: { targetId: a.certificate.id, action: 'certificate.issued' } })).toBe(1)
	})

	test('a second call later returns the same certificate and adds nothing', async () => {
		const { user, enrolment } = await createCompletedEnrolment()
		const first = await issueTestCertificate(enrolment.id)
		const second = await issueTestCertificate(enrolment.id)
		expect(second).toEqual({ certificate: first.certificate, issuedNow: false })
		expect(await prisma.cpdEntry.count({ where: { userId: user.id } })).toBe(1)
	})

	test('the certificate keeps what it said when the course and the learner change afterwards', async () => {
		const { user, version, enrolment } = await createCompletedEnrolment({ learnerName: 'Dafydd ap Gwilym Ŵyn' })
		const { certificate } = await issueTestCertificate(enrolment.id)
		await prisma.courseVersion.update({ where: { id: version.id }, data: { title: 'A new title', cpdMinutes: 600 } })
		await prisma.user.update({ where: { id: user.id }, data: { name: 'Someone Else' } })
		const row = await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })
		expect(row).toMatchObject({ learnerName: 'Dafydd ap Gwilym Ŵyn', cpdMinutes: 150 })
		expect(row.courseTitle).not.toBe('A new title')
	})

	test('codes are unique across certificates', async () => {
		const learner = await createLearner()
		const codes = new Set<string>()
		for (let i = 0; i < 5; i++) {
			const { enrolment } = await createCompletedEnrolment({ userId: learner.id })
			codes.add((await issueTestCertificate(enrolment.id)).certificate.code)
		}
		expect(codes.size).toBe(5)
	})

	test('refuses an enrolment that is not complete, writing nothing', async () => {
		const { user, enrolment } = await createCompletedEnrolment({ completedAt: null })
		await expect(issueTestCertificate(enrolment.id)).rejects.toMatchObject({
			kind: 'conflict',
			code: 'ENROLMENT_NOT_COMPLETE',
		})
		expect(await prisma.certificate.count({ where: { userId: user.id } })).toBe(0)
		expect(await prisma.cpdEntry.count({ where: { userId: user.id } })).toBe(0)
	})

	test('refuses an unknown enrolment', async () => {
		await expect(
			prisma.$transaction((tx) => issueCertificate({ tx, enrolmentId: 'no-such-enrolment' })),
		).rejects.toMatchObject({ kind: 'not_found' })
	})

	test('when the surrounding transaction rolls back, no certificate, entry or email is left behind', async () => {
		const { user, enrolment } = await createCompletedEnrolment()
		await expect(
			prisma.$transaction(
				async (tx) => {
					await issueCertificate({ tx, enrolmentId: enrolment.id })
					throw new Error('completion failed later on')
				},
				{ timeout: 30_000 },
			),
		).rejects.toThrow('completion failed later on')
		expect(await prisma.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(0)
		expect(await prisma.cpdEntry.count({ where: { userId: user.id } })).toBe(0)
		expect(await prisma.emailMessage.count({ where: { to: user.email } })).toBe(0)
	})
})
