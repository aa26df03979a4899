// Assigning a course to everyone in an organisation the size of the scale dataset's largest
// (5,000 staff, scripts/seed-scale.ts size L): one transaction, every person's requirement through
// the one rule, timed. The timings are printed with the machine's load (ADR 0027, "Assign to
// everyone at 5,000 people"); the test fails only when the work is wrong or grossly slow.
import { loadavg } from 'node:os'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { createAssignment } from './create-assignment.ts'

afterAll(releaseTestResources)

const PEOPLE = 5_000
const NOW = new Date('2026-12-06T10:00:00Z')

/** 5,000 members in a few statements (the factories' one-by-one inserts would take minutes). */
async function bigOrganisation() {
	const org = await createOrganisation({ name: 'Northshire NHS Foundation Trust' })
	const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
	const users = Array.from({ length: PEOPLE }, (_, i) => ({
		id: `scale-${stamp}-${i}`,
		email: `staff-${i}@${stamp}.scale.test`,
		name: `Staff Member ${i}`,
		emailVerifiedAt: NOW,
	}))
	await prisma.user.createMany({ data: users })
	await prisma.membership.createMany({
		data: users.map((u) => ({ organisationId: org.id, userId: u.id, role: 'MEMBER' as const })),
	})
	return { org, userIds: users.map((u) => u.id) }
}

async function timed<T>(label: string, run: () => Promise<T>) {
	const started = performance.now()
	const report = (outcome: string) => {
		const seconds = ((performance.now() - started) / 1000).toFixed(2)
		const load = loadavg()
			.map((n) => n.toFixed(2))
			.join(', ')
		console.log(`[assign-everyone] ${label}: ${outcome} in ${seconds} s (load average ${load})`)
	}
	try {
		const result = await run()
		report('done')
		return result
	} catch (error) {
		report('failed')
		throw error
	}
}

describe('assign to everyone at 5,000 people', () => {
	test('a free course and a licensed course reach all 5,000 in one transaction each; running it again assigns nobody twice', async () => {
		const { org, userIds } = await bigOrganisation()
		const actor = { organisationId: org.id, actorId: org.owner.id, target: 'EVERYONE' as const, now: NOW }
		const free = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const freeTitle = 'Restorative conversations'
		// 500 already have a place on it, 250 of them with a certificate still in date.
		const versionId = (await prisma.course.findUniqueOrThrow({ where: { id: free.id } })).publishedVersionId!
		await prisma.enrolment.createMany({
			data: userIds.slice(0, 500).map((userId) => ({ userId, courseId: free.id, versionId, source: 'FREE' as const })),
		})
		const enrolments = await prisma.enrolment.findMany({
			where: { courseId: free.id, userId: { in: userIds.slice(0, 250) } },
			select: { id: true, userId: true },
		})
		await prisma.certificate.createMany({
			data: enrolments.map((e, i) => ({
				code: `SCALE-${free.id.slice(-6)}-${i}`,
				userId: e.userId,
				courseId: free.id,
				enrolmentId: e.id,
				versionId,
				versionNumber: 1,
				learnerName: 'Staff Member',
				courseTitle: freeTitle,
				cpdMinutes: 30,
				completedAt: new Date('2026-06-01T10:00:00Z'),
			})),
		})

		const first = await timed(`free course, ${PEOPLE} people`, () =>
			createAssignment({ ...actor, courseId: free.id, dueOn: '2027-03-31' }),
		)
		// The owner is a member too.
		expect(first).toMatchObject({
			status: 'created',
			reached: PEOPLE + 1,
			assigned: PEOPLE + 1 - 250,
			alreadyInDate: 250,
		})
		expect(await prisma.learnerAssignment.count({ where: { organisationId: org.id, courseId: free.id } })).toBe(
			PEOPLE + 1,
		)
		expect(await prisma.enrolment.count({ where: { courseId: free.id } })).toBe(PEOPLE + 1)
		expect(
			await prisma.learnerAssignment.count({
				where: { organisationId: org.id, courseId: free.id, completedAt: { not: null } },
			}),
		).toBe(250)

		const again = await timed(`free course again, ${PEOPLE} people already assigned`, () =>
			createAssignment({ ...actor, courseId: free.id, dueOn: '2027-02-28' }),
		)
		expect(again).toMatchObject({ status: 'created', assigned: 0, alreadyAssigned: PEOPLE + 1 - 250 })
		// The earlier due date wins for everyone still open.
		expect(
			await prisma.learnerAssignment.count({
				where: { organisationId: org.id, courseId: free.id, completedAt: null, dueOn: new Date('2027-02-28') },
			}),
		).toBe(PEOPLE + 1 - 250)

		const pool = await createSeatPool({ organisationId: org.id, seats: PEOPLE + 1 })
		const licensed = await timed(`licensed course, ${PEOPLE} seats claimed`, () =>
			createAssignment({ ...actor, courseId: pool.course.id, newStarterDays: 30 }),
		)
		expect(licensed).toMatchObject({ status: 'created', assigned: PEOPLE + 1 })
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(PEOPLE + 1)
		expect(
			await prisma.learnerAssignment.count({
				where: { organisationId: org.id, courseId: pool.course.id, enrolmentId: { not: null } },
			}),
		).toBe(PEOPLE + 1)
	}, 600_000)
})
