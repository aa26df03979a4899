import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getFollowUpForLearner } from '#modules/follow-ups/learner.ts'
import { listSignOffRequests } from '#modules/follow-ups/manager.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { FOLLOW_UP_COURSE_SLUG } from './seed-follow-ups.ts'
import { seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo follow-ups', () => {
	test('the demo learner has an action plan and the 7-day check due; the team manager has a reflection to sign off', async () => {
		await seedDemo({ log: () => {} })
		const learner = await prisma.user.findUniqueOrThrow({
			where: { email: 'learner@circle.example' },
			select: { id: true },
		})
		const page = await getFollowUpForLearner({ userId: learner.id, courseSlug: FOLLOW_UP_COURSE_SLUG, now: new Date() })
		expect(page.actionPlan).toMatch(/huddle/)
		expect(page.due).toMatchObject({ actionPlan: false, day7: true, day30: false })
		expect(
			await prisma.emailMessage.count({ where: { to: 'learner@circle.example', template: 'follow-up-due' } }),
		).toBe(1)

		const manager = await prisma.user.findUniqueOrThrow({
			where: { email: 'manager@circle.example' },
			select: { id: true },
		})
		const requests = await listSignOffRequests({ managerId: manager.id })
		expect(requests).toHaveLength(1)
		expect(requests[0]).toMatchObject({ signedOffAt: null, reflection: expect.stringMatching(/circle/) })

		// Seeding again adds nothing: the demo course's responses are the same two (other test files
		// share this database and make their own follow-ups on other courses).
		const demoResponses = () =>
			prisma.followUpResponse.count({ where: { followUp: { course: { slug: FOLLOW_UP_COURSE_SLUG } } } })
		expect(await demoResponses()).toBe(2)
		await seedDemo({ log: () => {} })
		expect(await demoResponses()).toBe(2)
		expect(
			await prisma.emailMessage.count({ where: { to: 'learner@circle.example', template: 'follow-up-due' } }),
		).toBe(1)
	}, 180_000)
})
