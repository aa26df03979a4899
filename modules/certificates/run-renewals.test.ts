// Certificate validity end to end against PostgreSQL, with the clock passed in: valid → expiring
// (renewal opens, the organisation re-assigns it) → expired → renewed in the next cycle.
import { describe, expect, test } from 'vitest'
import { assignCourseToPerson } from '#modules/assignments/assign-person.ts'
import { addDays, ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { correctAnswers, createCourse, createUser, wrongAnswers } from '#tests/factories/learning.ts'
import { listMyCertificates } from './list-my-certificates.ts'
import { retakeCourse } from './retake-course.ts'
import { runRenewals } from './run-renewals.ts'
import { verifyCertificate } from './verify-certificate.ts'
import { isoDay, RENEWAL_LEAD_DAYS } from './validity.ts'

/** Noon UK time on an ISO day: the clock the test passes in. */
const at = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`)
const verify = (code: string, now: Date) =>
	verifyCertificate({
		code,
		now,
		ipAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
	})

async function takeCourse(userId: string, course: Awaited<ReturnType<typeof createCourse>>) {
	const [reading, quiz] = course.lessons
	await completeReading({ userId, lessonId: reading!.id })
	const wrong = await submitQuizAttempt({ userId, lessonId: quiz!.id, answers: wrongAnswers(quiz!) })
	expect(wrong.passed).toBe(false)
	const right = await submitQuizAttempt({ userId, lessonId: quiz!.id, answers: correctAnswers(quiz!) })
	expect(right).toMatchObject({ passed: true, courseCompletedNow: true })
}

async function world() {
	const org = await createOrganisation()
	const member = await addMember({ organisationId: org.id })
	const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'] })
	await prisma.course.update({ where: { id: course.id }, data: { validityMonths: 12 } })
	const today = ukToday(new Date())
	const { learnerAssignmentId } = await prisma.$transaction((tx) =>
		assignCourseToPerson(tx, {
			organisationId: org.id,
			userId: member.id,
			courseId: course.id,
			dueOn: addDays(today, 14),
			now: new Date(),
		}),
	)
	await takeCourse(member.id, course)
	const met = await prisma.learnerAssignment.findUniqueOrThrow({ where: { id: learnerAssignmentId } })
	const certificate = await prisma.certificate.findUniqueOrThrow({ where: { id: met.certificateId! } })
	return { org, member, course, today, learnerAssignmentId, certificate, validUntil: isoDay(certificate.validUntil!) }
}

describe('certificate validity and renewal', () => {
	test('valid → renewal opens 90 days before → expired → retaken in cycle 2 (a cycle-1 quiz pass does not count)', async () => {
		const { org, member, course, today, certificate, validUntil } = await world()
		// Completed today with 12 months' validity: valid until the day before the same date next year.
		expect(validUntil).toBe(addDays(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, -1))
		expect(await verify(certificate.code, at(today))).toMatchObject({
			status: 'valid',
			validUntil,
			issuedOn: today,
			revokedOn: null,
		})

		// Other test files' certificates share the database and the job is global, so what the runs
		// did is read from this certificate's own renewals rather than from the runs' totals.
		const renewalsOf = () =>
			prisma.learnerAssignment.count({ where: { organisationId: org.id, renewsCertificateId: certificate.id } })

		// The day before the renewal opens: nothing to do.
		const opens = addDays(validUntil, -RENEWAL_LEAD_DAYS)
		await runRenewals({ now: at(addDays(opens, -1)) })
		expect(await renewalsOf()).toBe(0)

		// The renewal opens: two workers at once renew it exactly once, and a run next day adds nothing.
		await Promise.all([runRenewals({ now: at(opens) }), runRenewals({ now: at(opens) })])
		expect(await renewalsOf()).toBe(1)
		await runRenewals({ now: at(addDays(opens, 1)) })
		expect(await renewalsOf()).toBe(1)
		const renewals = await prisma.learnerAssignment.findMany({
			where: { organisationId: org.id, renewsCertificateId: certificate.id },
		})
		expect(renewals).toHaveLength(1)
		const renewal = renewals[0]!
		expect(renewal).toMatchObject({
			kind: 'RENEWAL',
			cycle: 2,
			userId: member.id,
			courseId: course.id,
			completedAt: null,
		})
		expect(isoDay(renewal.dueOn)).toBe(validUntil)
		expect(await prisma.auditLog.count({ where: { action: 'assignment.renewed', targetId: renewal.id } })).toBe(1)
		// The learner's enrolment starts its next cycle; the certificate still stands until it expires.
		const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: certificate.enrolmentId } })
		expect(enrolment).toMatchObject({ cycle: 2, completedAt: null })
		expect(await verify(certificate.code, at(validUntil))).toMatchObject({ status: 'valid' })

		// The day after its last valid day, it has expired (and says so, with its dates).
		const expiredOn = addDays(validUntil, 1)
		expect(await verify(certificate.code, at(expiredOn))).toMatchObject({
			status: 'expired',
			validUntil,
			issuedOn: today,
		})

		// Cycle 2: the quiz passed in cycle 1 must be passed again (a wrong answer first does not complete).
		await takeCourse(member.id, course)
		const renewed = await prisma.learnerAssignment.findUniqueOrThrow({ where: { id: renewal.id } })
		expect(renewed.completedAt).not.toBeNull()
		const second = await prisma.certificate.findUniqueOrThrow({ where: { id: renewed.certificateId! } })
		expect(second).toMatchObject({ enrolmentId: certificate.enrolmentId, cycle: 2 })
		// History: the first certificate stays verifiable, the portfolio keeps both completions.
		// (completion takes the real clock, so the retake is dated today: it is valid from today for 12 months)
		expect(await verify(second.code, at(today))).toMatchObject({ status: 'valid', validUntil })
		expect(await verify(certificate.code, at(expiredOn))).toMatchObject({ status: 'expired' })
		expect(await prisma.cpdEntry.count({ where: { userId: member.id, certificate: { courseId: course.id } } })).toBe(2)
	})

	test('not renewed: a certificate nobody required, one revoked, one whose rule was withdrawn', async () => {
		const { org, member, course, certificate, validUntil } = await world()
		const loner = await createUser()
		const own = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'] })
		await prisma.course.update({ where: { id: own.id }, data: { validityMonths: 1 } })
		await prisma.enrolment.create({
			data: { userId: loner.id, courseId: own.id, versionId: own.versionId, source: 'FREE' },
		})
		await takeCourse(loner.id, own)
		const rule = await prisma.assignment.create({
			data: {
				organisationId: org.id,
				courseId: course.id,
				target: 'PERSON',
				userId: member.id,
				dueOn: new Date(),
				archivedAt: new Date(),
			},
		})
		await prisma.learnerAssignment.updateMany({
			where: { certificateId: certificate.id },
			data: { assignmentId: rule.id },
		})
		const late = at(addDays(validUntil, 1))
		await runRenewals({ now: late })
		expect(await prisma.learnerAssignment.count({ where: { renewsCertificateId: certificate.id } })).toBe(0)
		expect(await prisma.learnerAssignment.count({ where: { userId: loner.id } })).toBe(0)

		// Once the rule stands again, a revoked certificate is still not renewed.
		await prisma.assignment.update({ where: { id: rule.id }, data: { archivedAt: null } })
		await prisma.certificate.update({
			where: { id: certificate.id },
			data: { revokedAt: new Date(), revokedReason: 'Issued in error' },
		})
		await runRenewals({ now: late })
		expect(await prisma.learnerAssignment.count({ where: { renewsCertificateId: certificate.id } })).toBe(0)
		expect(await verify(certificate.code, late)).toMatchObject({ status: 'revoked' })
	})

	test('a learner retakes their own expiring or expired certificate: not before 90 days out, then in cycle 2', async () => {
		const learner = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'] })
		await prisma.course.update({ where: { id: course.id }, data: { validityMonths: 12 } })
		await prisma.enrolment.create({
			data: { userId: learner.id, courseId: course.id, versionId: course.versionId, source: 'FREE' },
		})
		await takeCourse(learner.id, course)
		const today = ukToday(new Date())
		const [first] = await listMyCertificates({ userId: learner.id, now: at(today) })
		expect(first).toMatchObject({ standing: 'valid', canRetake: false })
		const validUntil = isoDay(first!.validUntil!)
		await expect(retakeCourse({ userId: learner.id, courseSlug: course.slug, now: at(today) })).rejects.toMatchObject({
			code: 'NOT_DUE_FOR_RENEWAL',
		})

		const expired = at(addDays(validUntil, 1))
		expect((await listMyCertificates({ userId: learner.id, now: expired }))[0]).toMatchObject({
			standing: 'expired',
			canRetake: true,
		})
		expect(await retakeCourse({ userId: learner.id, courseSlug: course.slug, now: expired })).toEqual({ cycle: 2 })
		await expect(retakeCourse({ userId: learner.id, courseSlug: course.slug, now: expired })).rejects.toMatchObject({
			code: 'ENROLMENT_NOT_COMPLETE',
		})
		expect((await listMyCertificates({ userId: learner.id, now: expired }))[0]).toMatchObject({ canRetake: false })
		await takeCourse(learner.id, course)
		const mine = await listMyCertificates({ userId: learner.id, now: at(today) })
		expect(mine.map((c) => c.cycle).sort()).toEqual([1, 2])
		// Nobody required it: no organisation requirement appeared along the way.
		expect(await prisma.learnerAssignment.count({ where: { userId: learner.id } })).toBe(0)
	})

	test('a course that names a refresher renews through it: the refresher’s certificate meets the renewal', async () => {
		const { org, member, course, certificate, validUntil } = await world()
		const refresher = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'] })
		await prisma.course.update({ where: { id: refresher.id }, data: { validityMonths: 12 } })
		await prisma.course.update({ where: { id: course.id }, data: { refresherCourseId: refresher.id } })
		const opens = addDays(validUntil, -RENEWAL_LEAD_DAYS)
		await runRenewals({ now: at(opens) })
		const renewal = await prisma.learnerAssignment.findFirstOrThrow({
			where: { organisationId: org.id, renewsCertificateId: certificate.id },
		})
		expect(renewal).toMatchObject({ courseId: course.id, refresherCourseId: refresher.id, cycle: 2 })
		// Placed on the refresher (free): the full course's enrolment is left as it was.
		expect(
			await prisma.enrolment.findUnique({ where: { userId_courseId: { userId: member.id, courseId: refresher.id } } }),
		).not.toBeNull()
		expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: certificate.enrolmentId } })).toMatchObject({
			cycle: 1,
		})
		await takeCourse(member.id, refresher)
		const met = await prisma.learnerAssignment.findUniqueOrThrow({
			where: { id: renewal.id },
			include: { certificate: true },
		})
		expect(met.completedAt).not.toBeNull()
		expect(met.certificate?.courseId).toBe(refresher.id)
	})

	test('a refresher without validity of its own expires as the course it refreshes, and is renewed in turn', async () => {
		const { org, member, course, certificate, validUntil } = await world()
		const refresher = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'] })
		await prisma.course.update({ where: { id: course.id }, data: { refresherCourseId: refresher.id } })
		expect((await prisma.course.findUniqueOrThrow({ where: { id: refresher.id } })).validityMonths).toBeNull()
		await runRenewals({ now: at(addDays(validUntil, -RENEWAL_LEAD_DAYS)) })
		const renewal = await prisma.learnerAssignment.findFirstOrThrow({
			where: { organisationId: org.id, renewsCertificateId: certificate.id },
		})
		await takeCourse(member.id, refresher)
		const met = await prisma.learnerAssignment.findUniqueOrThrow({
			where: { id: renewal.id },
			include: { certificate: true },
		})
		// Completed today: valid for the full course's 12 months, not for ever.
		const today = ukToday(new Date())
		expect(met.certificate).toMatchObject({ courseId: refresher.id })
		expect(isoDay(met.certificate!.validUntil!)).toBe(addDays(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, -1))
		expect(await verify(met.certificate!.code, at(today))).toMatchObject({ status: 'valid' })

		// So its own renewal opens in turn: the requirement comes round again through the refresher.
		await runRenewals({ now: at(addDays(isoDay(met.certificate!.validUntil!), -RENEWAL_LEAD_DAYS)) })
		expect(
			await prisma.learnerAssignment.findFirst({
				where: { organisationId: org.id, renewsCertificateId: met.certificate!.id },
				select: { courseId: true, refresherCourseId: true, cycle: true },
			}),
		).toEqual({ courseId: course.id, refresherCourseId: refresher.id, cycle: 3 })
	})
})
