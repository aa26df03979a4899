// What happens to a programme after it is joined: new starters on a programme rule, the order of a
// sequential programme for assigned learners, revocation, and the portfolio's list.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createAssignment } from '#modules/assignments/create-assignment.ts'
import { onMemberJoined } from '#modules/assignments/on-member-joined.ts'
import { reinstateCertificate, revokeCertificate } from '#modules/certificates/revoke-certificate.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { getCpdPortfolio } from '#modules/portfolio/get-cpd-portfolio.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { completeCourse, createPublishedProgramme } from '#tests/factories/programmes.ts'
import { enrolInProgramme } from './enrol-in-programme.ts'
import { listMyProgrammeCertificates, verifyProgrammeCertificate } from './programme-certificates.ts'
import { lockedProgrammeCourses } from './programme-gate.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const NOW = new Date('2026-12-06T10:00:00Z')

describe('a programme rule for new starters', () => {
	test('someone who joins later is assigned every course and joined to the programme', async () => {
		const { programmeId, courses } = await createPublishedProgramme({ count: 2, sequential: true, now: NOW })
		const org = await createOrganisation()
		await createAssignment({
			organisationId: org.id,
			actorId: org.owner.id,
			programmeId,
			target: 'EVERYONE',
			newStarterDays: 30,
			now: NOW,
		})
		expect(await prisma.assignment.count({ where: { organisationId: org.id, programmeId } })).toBe(2)

		const later = new Date('2027-01-10T09:00:00Z')
		const newcomer = await addMember({ organisationId: org.id })
		await prisma.$transaction((tx) => onMemberJoined(tx, { organisationId: org.id, userId: newcomer.id, now: later }))
		const requirements = await prisma.learnerAssignment.findMany({
			where: { organisationId: org.id, userId: newcomer.id },
			select: { courseId: true },
		})
		expect(requirements.map((r) => r.courseId).sort()).toEqual(courses.map((c) => c.id).sort())
		expect(await prisma.programmeEnrolment.count({ where: { programmeId, userId: newcomer.id } })).toBe(1)

		// Joining again (another team, a reactivation) changes nothing.
		await prisma.$transaction((tx) => onMemberJoined(tx, { organisationId: org.id, userId: newcomer.id, now: later }))
		expect(await prisma.programmeEnrolment.count({ where: { programmeId, userId: newcomer.id } })).toBe(1)
	})
})

describe('a sequential programme assigned by an organisation', () => {
	test('the later course is locked until the earlier is finished, though both places exist', async () => {
		const { programmeId, courses, slug } = await createPublishedProgramme({ count: 2, sequential: true, now: NOW })
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		await createAssignment({
			organisationId: org.id,
			actorId: org.owner.id,
			programmeId,
			target: 'PERSON',
			userId: member.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		// Both courses are free, so the assignment gave a place on each at once.
		expect(
			await prisma.enrolment.count({ where: { userId: member.id, courseId: { in: courses.map((c) => c.id) } } }),
		).toBe(2)

		const locked = await lockedProgrammeCourses({ userId: member.id })
		expect([...locked.keys()]).toEqual([courses[1]!.id])
		expect(locked.get(courses[1]!.id)).toMatchObject({
			courseSlug: courses[1]!.slug,
			programmeSlug: slug,
			waitingFor: { slug: courses[0]!.slug, title: 'Programme course 1' },
		})

		await completeCourse(member.id, courses[0]!.id, NOW)
		expect((await lockedProgrammeCourses({ userId: member.id })).size).toBe(0)
	})

	test('a programme that is not sequential locks nothing', async () => {
		const { courses, slug } = await createPublishedProgramme({ count: 2, sequential: false, now: NOW })
		const learner = await createTestUser()
		await enrolInProgramme({ userId: learner.id, slug, now: NOW })
		expect((await lockedProgrammeCourses({ userId: learner.id, courseId: courses[1]!.id })).size).toBe(0)
	})
})

describe('revoking a course certificate', () => {
	test('revokes the programme certificate that lists it; the verify answer says revoked; the portfolio lists it once', async () => {
		const { courses, slug, programmeId } = await createPublishedProgramme({ count: 2, now: NOW })
		const learner = await createTestUser()
		await enrolInProgramme({ userId: learner.id, slug, now: NOW })
		const first = await completeCourse(learner.id, courses[0]!.id, NOW)
		await completeCourse(learner.id, courses[1]!.id, NOW)
		const programmeCertificate = await prisma.programmeCertificate.findFirstOrThrow({
			where: { programmeId, userId: learner.id },
		})

		// The portfolio lists the programme certificate without adding its hours: the two course
		// certificates (60 minutes each) are the only CPD.
		const [listed] = await listMyProgrammeCertificates({ userId: learner.id })
		expect(listed).toMatchObject({ code: programmeCertificate.code, courseCount: 2, cpdMinutes: 120, revokedAt: null })
		expect((await getCpdPortfolio({ userId: learner.id })).total.minutes).toBe(120)

		const admin = await createTestUser({ role: 'ADMIN' })
		const result = await revokeCertificate({
			code: first.certificate.code,
			actorId: admin.id,
			reason: 'Issued in error after a data import',
		})
		expect(result.programmeCertificates).toEqual([programmeCertificate.code])
		const verified = await verifyProgrammeCertificate({ code: programmeCertificate.code, ipAddress: '10.77.0.1' })
		expect(verified.status).toBe('revoked')
		expect((await listMyProgrammeCertificates({ userId: learner.id }))[0]!.revokedAt).toBeInstanceOf(Date)
	})

	test('a learner’s other programme certificates, and other learners’, are untouched', async () => {
		const { courses, slug, programmeId } = await createPublishedProgramme({ count: 2, now: NOW })
		const [a, b] = [await createTestUser(), await createTestUser()]
		for (const learner of [a, b]) {
			await enrolInProgramme({ userId: learner.id, slug, now: NOW })
			for (const course of courses) await completeCourse(learner.id, course.id, NOW)
		}
		const aCertificate = await prisma.certificate.findFirstOrThrow({
			where: { userId: a.id, courseId: courses[0]!.id },
		})
		const admin = await createTestUser({ role: 'ADMIN' })
		await revokeCertificate({
			code: aCertificate.code,
			actorId: admin.id,
			reason: 'Issued in error after a data import',
		})
		const rows = await prisma.programmeCertificate.findMany({
			where: { programmeId },
			select: { userId: true, revokedAt: true },
		})
		expect(rows.find((r) => r.userId === a.id)?.revokedAt).toBeInstanceOf(Date)
		expect(rows.find((r) => r.userId === b.id)?.revokedAt).toBeNull()
	})

	test('reinstating it reinstates the programme certificate, once every course certificate it lists stands', async () => {
		const { courses, slug, programmeId } = await createPublishedProgramme({ count: 2, now: NOW })
		const learner = await createTestUser()
		await enrolInProgramme({ userId: learner.id, slug, now: NOW })
		const first = await completeCourse(learner.id, courses[0]!.id, NOW)
		const second = await completeCourse(learner.id, courses[1]!.id, NOW)
		const programmeCertificate = await prisma.programmeCertificate.findFirstOrThrow({
			where: { programmeId, userId: learner.id },
		})
		const admin = await createTestUser({ role: 'ADMIN' })
		const reason = 'Issued in error after a data import'
		await revokeCertificate({ code: first.certificate.code, actorId: admin.id, reason })
		await revokeCertificate({ code: second.certificate.code, actorId: admin.id, reason })

		// The second course certificate is still revoked: the programme certificate stays revoked, naming it.
		const once = await reinstateCertificate({ code: first.certificate.code, actorId: admin.id })
		expect(once.programmeCertificates).toEqual([])
		const stillRevoked = await prisma.programmeCertificate.findUniqueOrThrow({ where: { id: programmeCertificate.id } })
		expect(stillRevoked.revokedAt).toBeInstanceOf(Date)
		expect(stillRevoked.revokedReason).toContain(second.certificate.code)

		const twice = await reinstateCertificate({ code: second.certificate.code, actorId: admin.id })
		expect(twice.programmeCertificates).toEqual([programmeCertificate.code])
		expect((await verifyProgrammeCertificate({ code: programmeCertificate.code, ipAddress: '10.77.0.2' })).status).toBe(
			'valid',
		)
		const audit = await prisma.auditLog.findMany({
			where: { targetId: programmeCertificate.id, action: 'programme_certificate.reinstated' },
			select: { actorId: true },
		})
		expect(audit).toEqual([{ actorId: admin.id }])
	})

	test('a programme certificate revoked for a refund is not reinstated with a course certificate', async () => {
		const { courses, slug, programmeId } = await createPublishedProgramme({ count: 2, now: NOW })
		const learner = await createTestUser()
		await enrolInProgramme({ userId: learner.id, slug, now: NOW })
		const only = await completeCourse(learner.id, courses[0]!.id, NOW)
		await completeCourse(learner.id, courses[1]!.id, NOW)
		const admin = await createTestUser({ role: 'ADMIN' })
		await revokeCertificate({
			code: only.certificate.code,
			actorId: admin.id,
			reason: 'Issued in error after a data import',
		})
		// Meanwhile the purchase behind it was refunded: the programme certificate now falls for that.
		await prisma.programmeCertificate.updateMany({
			where: { programmeId, userId: learner.id },
			data: { revokedReason: 'Refunded: the purchase it depends on was withdrawn.' },
		})
		const result = await reinstateCertificate({ code: only.certificate.code, actorId: admin.id })
		expect(result.programmeCertificates).toEqual([])
		const row = await prisma.programmeCertificate.findFirstOrThrow({ where: { programmeId, userId: learner.id } })
		expect(row.revokedAt).toBeInstanceOf(Date)
	})
})
