// One "started" rule, and every user of it agrees: seat reclaim, seat reminders, the team report
// (its status column and its status filter), a refund taking seats back, and the analytics' starts,
// all on the same six seat holders. The evidence rows are written directly with startedAt left
// empty (as imported or older data may have it), so a user that looked at startedAt alone would
// disagree here.
import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { countVersionFigures } from '#modules/analytics/count-version-figures.ts'
import { revokePurchase } from '#modules/billing/revoke-purchase.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { reclaimSeat } from '#modules/organisations/end-seat.ts'
import { sendPoolReminders } from '#modules/organisations/seat-reminders.ts'
import { countTeamReport, getTeamReport } from '#modules/organisations/team-report.ts'
import { saveReflectionDraft } from '#modules/quizzes/save-reflection-draft.ts'
import { createCourse, createOrganisation, createSeatPool, createUser } from '#tests/factories/organisations.ts'
import { createEnrolment } from '#tests/factories/learning.ts'
import { enrolmentStartedWhere } from './started.ts'

afterAll(releaseTestResources)

const FIXTURES = ['nothing', 'video progress', 'reading done', 'quiz attempt', 'reflection', 'completed'] as const
type Fixture = (typeof FIXTURES)[number]
const STARTED: Record<Fixture, boolean> = {
	nothing: false,
	'video progress': true,
	'reading done': true,
	'quiz attempt': true,
	reflection: true,
	completed: true,
}

/** An organisation's pool with one seat holder per fixture, each with only that evidence of starting. */
async function holders() {
	const org = await createOrganisation()
	const course = await createCourse({ modules: 1 })
	const pool = await createSeatPool({ organisationId: org.id, seats: FIXTURES.length, course })
	const lesson = (kind: 'VIDEO' | 'READING' | 'QUIZ') => course.lessons.find((l) => l.kind === kind)!
	const quiz = lesson('QUIZ')
	const byFixture = new Map<Fixture, { userId: string; email: string; assignmentId: string; enrolmentId: string }>()
	for (const fixture of FIXTURES) {
		const user = await createUser({ name: `Holder ${fixture}` })
		const seat = await claimSeat({ poolId: pool.id, userId: user.id })
		const enrolmentId = seat.enrolmentId!
		const progress = (l: { id: string; key: string }, status: 'IN_PROGRESS' | 'COMPLETED') =>
			prisma.lessonProgress.create({
				data: {
					userId: user.id,
					enrolmentId,
					lessonId: l.id,
					lessonKey: l.key,
					status,
					positionSeconds: status === 'IN_PROGRESS' ? 30 : 0,
					completedAt: status === 'COMPLETED' ? new Date() : null,
				},
			})
		if (fixture === 'video progress') await progress(lesson('VIDEO'), 'IN_PROGRESS')
		if (fixture === 'reading done') await progress(lesson('READING'), 'COMPLETED')
		if (fixture === 'quiz attempt')
			await prisma.quizAttempt.create({
				data: { userId: user.id, enrolmentId, lessonId: quiz.id, number: 1, scorePercent: 0, passed: false },
			})
		if (fixture === 'reflection') {
			const question = quiz.questions.find((q) => q.kind === 'REFLECTION')!
			await prisma.reflection.create({
				data: {
					userId: user.id,
					courseId: course.id,
					enrolmentId,
					lessonId: quiz.id,
					questionId: question.id,
					prompt: question.prompt,
					text: 'A first thought',
				},
			})
		}
		if (fixture === 'completed')
			await prisma.enrolment.update({ where: { id: enrolmentId }, data: { completedAt: new Date() } })
		byFixture.set(fixture, { userId: user.id, email: user.email, assignmentId: seat.assignmentId, enrolmentId })
	}
	expect(await prisma.enrolment.count({ where: { courseId: course.id, startedAt: { not: null } } })).toBe(0)
	return { org, course, pool, byFixture }
}

function expectAgreement(user: string, verdict: Map<Fixture, boolean>, fixtures: readonly Fixture[] = FIXTURES) {
	expect(Object.fromEntries(fixtures.map((f) => [f, verdict.get(f)])), user).toEqual(
		Object.fromEntries(fixtures.map((f) => [f, STARTED[f]])),
	)
}

describe('has this person started?', () => {
	test('the Prisma filter, the team report and the analytics agree', async () => {
		const { org, course, byFixture } = await holders()

		const started = await prisma.enrolment.findMany({
			where: { courseId: course.id, AND: [enrolmentStartedWhere] },
			select: { id: true },
		})
		const startedIds = new Set(started.map((e) => e.id))
		expectAgreement(
			'enrolmentStartedWhere',
			new Map(FIXTURES.map((f) => [f, startedIds.has(byFixture.get(f)!.enrolmentId)])),
		)

		const { rows } = await getTeamReport({ organisationId: org.id })
		const status = new Map(rows.map((r) => [r.assignmentId, r.status]))
		expectAgreement(
			'team report status',
			new Map(FIXTURES.map((f) => [f, status.get(byFixture.get(f)!.assignmentId) !== 'not_started'])),
		)
		// The status filter is a second statement: it must count the same people.
		expect(await countTeamReport({ organisationId: org.id, filters: { status: 'not_started' } })).toBe(1)
		expect(await countTeamReport({ organisationId: org.id, filters: { status: 'in_progress' } })).toBe(4)
		expect(await countTeamReport({ organisationId: org.id, filters: { status: 'completed' } })).toBe(1)

		const figures = await countVersionFigures({
			versionId: course.versionId,
			lessonIds: course.lessons.map((l) => l.id),
		})
		expect(figures.totals.starts, 'analytics starts').toBe(FIXTURES.filter((f) => STARTED[f]).length)
	})

	test('seat reminders remind exactly those who have not started (of those not finished)', async () => {
		const { org, pool, byFixture } = await holders()
		await sendPoolReminders({ organisationId: org.id, poolId: pool.id, actorId: org.owner.id })
		const emails = [...byFixture.values()].map((h) => h.email)
		const reminded = new Set(
			(
				await prisma.emailMessage.findMany({
					where: { template: 'seat-reminder', to: { in: emails } },
					select: { to: true },
				})
			).map((m) => m.to),
		)
		// Nobody has been idle for 14 days, so only the not-started are due; a completed holder never is.
		const open = FIXTURES.filter((f) => f !== 'completed')
		expectAgreement('seat reminders', new Map(open.map((f) => [f, !reminded.has(byFixture.get(f)!.email)])), open)
	})

	test('a seat goes back to the pool exactly when its holder has not started', async () => {
		const { org, pool, byFixture } = await holders()
		const verdict = new Map<Fixture, boolean>()
		for (const fixture of FIXTURES) {
			const { assignmentId } = byFixture.get(fixture)!
			try {
				await reclaimSeat({ organisationId: org.id, poolId: pool.id, assignmentId, actorId: org.owner.id })
				verdict.set(fixture, false)
			} catch (error) {
				if (!isDomainError(error) || error.code !== 'SEAT_STARTED') throw error
				verdict.set(fixture, true)
			}
		}
		expectAgreement('reclaimSeat', verdict)
	})

	test('a refund takes back exactly the seats of holders who have not started', async () => {
		const { org, course, pool, byFixture } = await holders()
		const order = await prisma.order.create({
			data: {
				buyerUserId: org.owner.id,
				organisationId: org.id,
				courseId: course.id,
				quantity: FIXTURES.length,
				amountPence: 6000,
				status: 'PAID',
			},
			select: { id: true },
		})
		await prisma.$transaction((tx) =>
			revokePurchase(tx, { orderId: order.id, refundedPence: 6000, reason: 'Refunded' }),
		)
		const seats = await prisma.seatAssignment.findMany({
			where: { poolId: pool.id },
			select: { id: true, status: true },
		})
		const status = new Map(seats.map((s) => [s.id, s.status]))
		expectAgreement(
			'revokePurchase',
			new Map(FIXTURES.map((f) => [f, status.get(byFixture.get(f)!.assignmentId) === 'ASSIGNED'])),
		)
	})

	test('writing a reflection stamps the enrolment as started, like every other learning write', async () => {
		const course = await createCourse({ modules: 1 })
		const user = await createUser()
		const enrolment = await createEnrolment({ userId: user.id, course })
		const question = course.lessons.find((l) => l.kind === 'QUIZ')!.questions.find((q) => q.kind === 'REFLECTION')!
		await saveReflectionDraft({ userId: user.id, input: { questionId: question.id, text: 'Thinking' } })
		const after = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { startedAt: true } })
		expect(after.startedAt).not.toBeNull()
	})
})
