// Route tests for course follow-ups: the learner's page, the manager's sign-off page and the studio
// tab, called with real Requests and real session cookies. Each authorisation rule has a test here
// that fails if the route's (or the domain's) check is removed.
import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest } from '#tests/factories/auth.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { prisma } from '#modules/db/client.ts'
import { saveFollowUpReflection, sendToManager } from '#modules/follow-ups/learner.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { createFollowUpCourse, createManagerOf } from '#tests/factories/follow-ups.ts'
import { createUser } from '#tests/factories/learning.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as learnerAction, loader as learnerLoader } from './learn.$courseSlug.follow-up.tsx'
import { action as signOffAction, loader as signOffLoader } from './sign-offs.$responseId.tsx'
import { loader as signOffsLoader } from './sign-offs._index.tsx'
import { action as studioAction, loader as studioLoader } from './studio.courses.$courseId_.follow-up.tsx'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

type Reply = { data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } } }

describe('the learner’s follow-up page', () => {
	test('is the learner’s own: another learner gets 404 from the page and its actions', async () => {
		const { user, course } = await createFollowUpCourse({ completedDaysAgo: 8 })
		const other = await createLearner()
		const path = `/learn/${course.slug}/follow-up`
		const params = { courseSlug: course.slug }
		const otherCookie = await sessionCookie(other.id)
		expect(statusOf(await runRoute(learnerLoader, getRequest(path, { cookie: otherCookie }), params))).toBe(404)
		expect(
			statusOf(
				await runRoute(
					learnerAction,
					formRequest(path, { intent: 'action-plan', actionPlan: 'x' }, { cookie: otherCookie }),
					params,
				),
			),
		).toBe(404)
		const page = await runRoute(learnerLoader, getRequest(path, { cookie: await sessionCookie(user.id) }), params)
		expect(page).toMatchObject({ course: { slug: course.slug }, due: { actionPlan: true, day7: true, day30: false } })
		// The right answers never reach the browser before the check is answered.
		expect(JSON.stringify(page)).not.toContain('isCorrect')
	})

	test('bad input is answered beside the field with what was typed kept; a good check redirects', async () => {
		const { user, course } = await createFollowUpCourse({ completedDaysAgo: 8 })
		const cookie = await sessionCookie(user.id)
		const path = `/learn/${course.slug}/follow-up`
		const params = { courseSlug: course.slug }
		const long = 'I will check in first. '.repeat(300)
		const tooLong = (await runRoute(
			learnerAction,
			formRequest(path, { intent: 'action-plan', actionPlan: long }, { cookie: cookie }),
			params,
		)) as Reply
		expect(statusOf(tooLong)).toBe(400)
		expect(tooLong.data.result.error!.actionPlan).toEqual(['Keep this to 5,000 characters'])
		expect(tooLong.data.result.initialValue!.actionPlan).toBe(long)

		const unanswered = (await runRoute(
			learnerAction,
			formRequest(path, { intent: 'check', day: '7', q0: '0' }, { cookie: cookie }),
			params,
		)) as Reply
		expect(statusOf(unanswered)).toBe(400)
		expect(unanswered.data.result.error!.q1).toEqual(['Choose an answer'])
		expect(unanswered.data.result.initialValue!.q0).toBe('0')

		const early = (await runRoute(
			learnerAction,
			formRequest(path, { intent: 'reflection', reflection: 'Calmer handovers.' }, { cookie: cookie }),
			params,
		)) as Reply
		expect(statusOf(early)).toBe(409)
		expect(early.data.result.error!.reflection).toEqual(['The 30-day reflection opens 30 days after you finished.'])
		expect(early.data.result.initialValue!.reflection).toBe('Calmer handovers.')

		const done = await runRoute(
			learnerAction,
			formRequest(path, { intent: 'check', day: '7', q0: '0', q1: '1' }, { cookie: cookie }),
			params,
		)
		expect(statusOf(done)).toBe(302)
		expect((done as Response).headers.get('Location')).toBe(`${path}?done=check-7#check-7`)
	})

	test('sending goes only to one of the learner’s own managers', async () => {
		const { user, course } = await createFollowUpCourse({ completedDaysAgo: 31 })
		const { manager } = await createManagerOf(user.id)
		const stranger = await createUser({ name: 'Not a manager' })
		const cookie = await sessionCookie(user.id)
		const path = `/learn/${course.slug}/follow-up`
		const params = { courseSlug: course.slug }
		await runRoute(
			learnerAction,
			formRequest(path, { intent: 'reflection', reflection: 'Calmer handovers.' }, { cookie: cookie }),
			params,
		)
		const refused = (await runRoute(
			learnerAction,
			formRequest(path, { intent: 'send', managerId: stranger.id }, { cookie: cookie }),
			params,
		)) as Reply
		expect(refused.data.result.error!.managerId).toEqual(['Choose one of your own managers from the list.'])
		const sent = await runRoute(
			learnerAction,
			formRequest(path, { intent: 'send', managerId: manager.id }, { cookie: cookie }),
			params,
		)
		expect(statusOf(sent)).toBe(302)
		const email = await prisma.emailMessage.findFirstOrThrow({
			where: { to: manager.email, template: 'follow-up-sign-off' },
			select: { text: true },
		})
		expect(email.text).not.toContain('Calmer handovers')
	})
})

describe('the manager’s sign-off page', () => {
	test('only the manager it was sent to reads and signs it off', async () => {
		const now = new Date()
		const { user, course } = await createFollowUpCourse({ completedDaysAgo: 31 })
		const { manager, org } = await createManagerOf(user.id)
		await saveFollowUpReflection({ userId: user.id, courseSlug: course.slug, reflection: 'What I sent.', now })
		const { responseId } = await sendToManager({ userId: user.id, courseSlug: course.slug, managerId: manager.id, now })
		// Another manager in the same organisation, of another team: not theirs to read.
		const otherManager = await createUser({ name: 'Another Manager' })
		const otherMembership = await prisma.membership.create({
			data: { organisationId: org.id, userId: otherManager.id, role: 'ADMIN' },
			select: { id: true },
		})
		const otherTeam = await prisma.team.create({
			data: { organisationId: org.id, name: 'Ward 9' },
			select: { id: true },
		})
		await prisma.teamMember.create({
			data: { teamId: otherTeam.id, membershipId: otherMembership.id, isManager: true },
		})
		const path = `/sign-offs/${responseId}`
		const params = { responseId }
		for (const outsider of [otherManager, user]) {
			const cookie = await sessionCookie(outsider.id)
			expect(statusOf(await runRoute(signOffLoader, getRequest(path, { cookie: cookie }), params))).toBe(404)
			expect(
				statusOf(await runRoute(signOffAction, formRequest(path, { comment: '' }, { cookie: cookie }), params)),
			).toBe(404)
			expect(await runRoute(signOffsLoader, getRequest('/sign-offs', { cookie: cookie }))).toEqual({ requests: [] })
		}
		const cookie = await sessionCookie(manager.id)
		expect(await runRoute(signOffLoader, getRequest(path, { cookie: cookie }), params)).toMatchObject({
			request: { reflection: 'What I sent.' },
		})
		const signed = await runRoute(
			signOffAction,
			formRequest(path, { comment: 'Well done.' }, { cookie: cookie }),
			params,
		)
		expect(statusOf(signed)).toBe(302)
		const row = await prisma.followUpResponse.findUniqueOrThrow({
			where: { id: responseId },
			select: { managerComment: true },
		})
		expect(row.managerComment).toBe('Well done.')
	})
})

describe('the studio’s follow-up tab', () => {
	test('only the course’s authors; a half-written question is refused beside its field', async () => {
		const { course, trainer } = await createFollowUpCourse()
		const stranger = await createUser({ role: 'TRAINER' })
		const path = `/studio/courses/${course.id}/follow-up`
		const params = { courseId: course.id }
		const fields = {
			enabled: 'on',
			actionPlanPrompt: 'Plan',
			reflectionPrompt: 'Reflect',
			'questions[0].prompt': 'Which comes first?',
			'questions[0].options[0]': 'Listening',
		}
		const strangerCookie = await sessionCookie(stranger.id)
		expect(statusOf(await runRoute(studioLoader, getRequest(path, { cookie: strangerCookie }), params))).toBe(403)
		expect(statusOf(await runRoute(studioAction, formRequest(path, fields, { cookie: strangerCookie }), params))).toBe(
			403,
		)
		const cookie = await sessionCookie(trainer.id)
		const reply = (await runRoute(studioAction, formRequest(path, fields, { cookie: cookie }), params)) as Reply
		expect(statusOf(reply)).toBe(400)
		expect(reply.data.result.error!['questions[0].options']).toEqual(['Give at least two options'])
		expect(reply.data.result.error!['questions[0].correct']).toEqual(['Choose which filled-in option is right'])
		expect(reply.data.result.initialValue).toMatchObject({ questions: [{ prompt: 'Which comes first?' }] })
	})
})
