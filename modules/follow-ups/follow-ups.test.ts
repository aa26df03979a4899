import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createCompletedEnrolment } from '#tests/factories/certificates.ts'
import { createUser } from '#tests/factories/learning.ts'
import { createFollowUpCourse, createManagerOf, FOLLOW_UP_QUESTIONS } from '#tests/factories/follow-ups.ts'
import {
	getFollowUpForLearner,
	listFollowUpReflections,
	listFollowUps,
	prefillFromFollowUp,
	saveActionPlan,
	saveFollowUpReflection,
	sendToManager,
	submitCheck,
} from './learner.ts'
import { getSignOffRequest, listSignOffRequests, signOffFollowUp } from './manager.ts'
import { followUpReminderKey, runFollowUpReminders } from './reminders.ts'
import { FollowUpSettingsSchema, markCheck } from './schemas.ts'
import { getFollowUpSettings, setFollowUp } from './settings.ts'
import { dueLabels } from './stages.ts'
import { refusal as domainRefusal } from '#tests/factories/errors.ts'

const DAY = 86_400_000
const COMPLETED = new Date('2026-03-14T15:30:00Z')
const at = (days: number) => new Date(COMPLETED.getTime() + days * DAY)

async function refusal(promise: Promise<unknown>) {
	const { code, field } = await domainRefusal(promise)
	return { code, field }
}

const QUESTIONS = FOLLOW_UP_QUESTIONS

/** A completed enrolment whose course has a follow-up set by its author, with a certificate. */
async function courseWithFollowUp() {
	return createFollowUpCourse({ completedDaysAgo: 0, now: COMPLETED })
}

const managedBy = createManagerOf

describe('the studio form', () => {
	test('a blank question block is dropped; a half-written one is refused beside its field', () => {
		const ok = FollowUpSettingsSchema.safeParse({
			enabled: 'on',
			actionPlanPrompt: 'Plan',
			reflectionPrompt: 'Reflect',
			questions: [QUESTIONS[0], {}],
		})
		expect(ok.success).toBe(true)
		const bad = FollowUpSettingsSchema.safeParse({
			enabled: 'on',
			actionPlanPrompt: 'Plan',
			reflectionPrompt: 'Reflect',
			questions: [{ prompt: 'Only one option?', options: ['Yes'], correct: '2' }],
		})
		expect(bad.success).toBe(false)
		expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
			'questions.0.correct',
			'questions.0.options',
		])
	})

	test('only the course’s authors set it; it keeps the moment it was first set', async () => {
		const { course, trainer } = await courseWithFollowUp()
		const stranger = await createUser({ role: 'TRAINER' })
		expect(await refusal(getFollowUpSettings({ courseId: course.id, actorId: stranger.id }))).toEqual({
			code: 'NOT_AN_AUTHOR',
			field: undefined,
		})
		expect(
			await refusal(
				setFollowUp({
					courseId: course.id,
					actorId: stranger.id,
					now: new Date(),
					input: { enabled: 'on', actionPlanPrompt: 'x', reflectionPrompt: 'y', questions: QUESTIONS },
				}),
			),
		).toMatchObject({ code: 'NOT_AN_AUTHOR' })
		const { followUp } = await getFollowUpSettings({ courseId: course.id, actorId: trainer.id })
		expect(followUp!.questions[1]).toEqual({
			prompt: QUESTIONS[1]!.prompt,
			options: [
				{ text: 'Speed', isCorrect: false },
				{ text: 'Taking turns to speak and listen', isCorrect: true },
			],
			explanation: 'Only the person holding it speaks.',
		})
		expect(followUp!.startsFrom.toISOString()).toBe('2026-03-13T15:30:00.000Z')
	})
})

describe('the learner’s follow-up', () => {
	test('steps open at completion, day 7 and day 30; answers are marked on the server', async () => {
		const { user, course } = await courseWithFollowUp()
		const page = await getFollowUpForLearner({ userId: user.id, courseSlug: course.slug, now: at(1) })
		expect(page.due).toMatchObject({ actionPlan: true, day7: false, day30: false, reflection: false })
		expect(JSON.stringify(page.questions)).not.toContain('isCorrect')
		expect(
			await refusal(submitCheck({ userId: user.id, courseSlug: course.slug, day: 7, chosen: [0, 1], now: at(6.9) })),
		).toMatchObject({
			code: 'NOT_DUE_YET',
		})
		const { right } = await submitCheck({
			userId: user.id,
			courseSlug: course.slug,
			day: 7,
			chosen: [0, 0],
			now: at(7),
		})
		expect(right).toBe(1)
		expect(
			await refusal(submitCheck({ userId: user.id, courseSlug: course.slug, day: 7, chosen: [0, 1], now: at(8) })),
		).toMatchObject({
			code: 'ALREADY_ANSWERED',
		})
		expect(
			await refusal(
				saveFollowUpReflection({ userId: user.id, courseSlug: course.slug, reflection: 'Too soon', now: at(29) }),
			),
		).toMatchObject({ code: 'NOT_DUE_YET', field: 'reflection' })
		const later = await getFollowUpForLearner({ userId: user.id, courseSlug: course.slug, now: at(30) })
		expect(later.due).toMatchObject({ actionPlan: true, day7: false, day30: true, reflection: true })
		expect(later.answers[7]![1]).toMatchObject({
			chosen: 'Speed',
			correct: 'Taking turns to speak and listen',
			isCorrect: false,
		})
	})

	test('the action plan and the reflection feed the course’s CPD entry, never over the learner’s own words', async () => {
		const { user, course } = await courseWithFollowUp()
		await saveActionPlan({
			userId: user.id,
			courseSlug: course.slug,
			actionPlan: 'Open handovers with a check-in.',
			now: at(0),
		})
		await saveActionPlan({
			userId: user.id,
			courseSlug: course.slug,
			actionPlan: 'Open every handover with a check-in.',
			now: at(1),
		})
		await saveFollowUpReflection({
			userId: user.id,
			courseSlug: course.slug,
			reflection: 'Handovers are calmer.',
			now: at(30),
		})
		let entry = await prisma.cpdEntry.findFirstOrThrow({
			where: { userId: user.id },
			select: { id: true, reflection: true, impactOnPractice: true },
		})
		expect(entry).toMatchObject({
			reflection: 'Open every handover with a check-in.',
			impactOnPractice: 'Handovers are calmer.',
		})
		await prisma.cpdEntry.update({ where: { id: entry.id }, data: { impactOnPractice: 'My own words.' } })
		await saveFollowUpReflection({ userId: user.id, courseSlug: course.slug, reflection: 'Edited.', now: at(31) })
		entry = await prisma.cpdEntry.findFirstOrThrow({
			where: { userId: user.id },
			select: { id: true, reflection: true, impactOnPractice: true },
		})
		expect(entry.impactOnPractice).toBe('My own words.')
	})

	test('another learner, or a course finished before the follow-up was set, has no follow-up', async () => {
		const { course } = await courseWithFollowUp()
		const other = await createUser()
		expect(
			await refusal(getFollowUpForLearner({ userId: other.id, courseSlug: course.slug, now: at(8) })),
		).toMatchObject({
			code: 'FOLLOW_UP_NOT_FOUND',
		})
		const old = await createCompletedEnrolment({ completedAt: new Date('2025-06-01T10:00:00Z') })
		const trainer = await createUser({ role: 'TRAINER' })
		await prisma.courseAuthor.create({ data: { courseId: old.course.id, userId: trainer.id } })
		await setFollowUp({
			courseId: old.course.id,
			actorId: trainer.id,
			now: new Date('2026-01-01T00:00:00Z'),
			input: { enabled: 'on', actionPlanPrompt: 'Plan', reflectionPrompt: 'Reflect', questions: QUESTIONS },
		})
		expect(await listFollowUps({ userId: old.user.id, now: at(0) })).toEqual([])
		expect(
			await refusal(saveActionPlan({ userId: old.user.id, courseSlug: old.course.slug, actionPlan: 'x', now: at(0) })),
		).toMatchObject({ code: 'FOLLOW_UP_NOT_FOUND' })
	})

	test('the dashboard lists what is due', async () => {
		const { user } = await courseWithFollowUp()
		const [item] = await listFollowUps({ userId: user.id, now: at(7.5) })
		expect(item!.due).toEqual(['Write your action plan', '7-day check'])
		expect(
			dueLabels(
				{ completedAt: COMPLETED, actionPlanAt: at(0), day7At: at(7), day30At: null, reflectionAt: null },
				at(30),
			),
		).toEqual(['30-day check', '30-day reflection'])
		expect(markCheck([], [])).toEqual([])
	})
})

describe('manager sign-off', () => {
	test('the learner sends to their own manager, who sees only what was sent and signs it off once', async () => {
		const { user, course } = await courseWithFollowUp()
		const { manager } = await managedBy(user.id)
		const outsider = await createUser({ name: 'Not Their Manager' })
		await saveActionPlan({ userId: user.id, courseSlug: course.slug, actionPlan: 'Check in first.', now: at(0) })
		expect(
			await refusal(sendToManager({ userId: user.id, courseSlug: course.slug, managerId: manager.id, now: at(30) })),
		).toMatchObject({ code: 'NOTHING_TO_SEND', field: 'managerId' })
		await saveFollowUpReflection({ userId: user.id, courseSlug: course.slug, reflection: 'Sent version.', now: at(30) })
		expect(
			await refusal(sendToManager({ userId: user.id, courseSlug: course.slug, managerId: outsider.id, now: at(30) })),
		).toMatchObject({ code: 'NOT_YOUR_MANAGER', field: 'managerId' })
		const { responseId } = await sendToManager({
			userId: user.id,
			courseSlug: course.slug,
			managerId: manager.id,
			now: at(30),
		})
		// Edited after sending: the manager keeps the copy that was sent.
		await saveFollowUpReflection({
			userId: user.id,
			courseSlug: course.slug,
			reflection: 'Private later edit.',
			now: at(31),
		})
		const request = await getSignOffRequest({ managerId: manager.id, responseId })
		expect(request).toMatchObject({ reflection: 'Sent version.', actionPlan: 'Check in first.' })
		expect(JSON.stringify(request)).not.toContain('Private later edit')
		expect(await listSignOffRequests({ managerId: manager.id })).toHaveLength(1)

		expect(await refusal(getSignOffRequest({ managerId: outsider.id, responseId }))).toMatchObject({
			code: 'SIGN_OFF_NOT_FOUND',
		})
		expect(await refusal(signOffFollowUp({ managerId: outsider.id, responseId, now: at(32) }))).toMatchObject({
			code: 'SIGN_OFF_NOT_FOUND',
		})
		expect(await listSignOffRequests({ managerId: outsider.id })).toEqual([])

		await signOffFollowUp({ managerId: manager.id, responseId, comment: 'Lovely to see.', now: at(32) })
		expect(await refusal(signOffFollowUp({ managerId: manager.id, responseId, now: at(33) }))).toMatchObject({
			code: 'ALREADY_SIGNED_OFF',
		})
		const page = await getFollowUpForLearner({ userId: user.id, courseSlug: course.slug, now: at(33) })
		expect(page).toMatchObject({ managerName: 'Priya Manager', managerComment: 'Lovely to see.' })
		const audit = await prisma.auditLog.findMany({ where: { targetId: responseId }, select: { action: true } })
		expect(audit.map((a) => a.action).sort()).toEqual(['follow_up.sent_for_sign_off', 'follow_up.signed_off'])
	})

	test('a manager who no longer manages the learner cannot read or sign off what was sent', async () => {
		const { user, course } = await courseWithFollowUp()
		const { manager, team } = await managedBy(user.id)
		await saveFollowUpReflection({ userId: user.id, courseSlug: course.slug, reflection: 'Sent.', now: at(30) })
		const { responseId } = await sendToManager({
			userId: user.id,
			courseSlug: course.slug,
			managerId: manager.id,
			now: at(30),
		})
		await prisma.teamMember.updateMany({ where: { teamId: team.id, isManager: true }, data: { isManager: false } })
		expect(await refusal(getSignOffRequest({ managerId: manager.id, responseId }))).toMatchObject({
			code: 'SIGN_OFF_NOT_FOUND',
		})
		expect(await refusal(signOffFollowUp({ managerId: manager.id, responseId, now: at(31) }))).toMatchObject({
			code: 'SIGN_OFF_NOT_FOUND',
		})
		expect(await listSignOffRequests({ managerId: manager.id })).toEqual([])
	})
})

describe('follow-up emails', () => {
	async function emailsTo(to: string) {
		return prisma.emailMessage.findMany({
			where: { to, template: 'follow-up-due' },
			select: { subject: true },
			orderBy: { createdAt: 'asc' },
		})
	}

	test('at 7 and 30 days, each exactly once however many scans run at once', async () => {
		const { user, enrolment } = await courseWithFollowUp()
		await runFollowUpReminders({ now: at(6.9) })
		expect(await emailsTo(user.email)).toHaveLength(0)
		await Promise.all([1, 2, 3, 4, 5].map(() => runFollowUpReminders({ now: at(7.1) })))
		await runFollowUpReminders({ now: at(8) })
		expect((await emailsTo(user.email)).map((e) => e.subject)).toEqual([expect.stringContaining('7-day check')])
		await Promise.all([1, 2, 3].map(() => runFollowUpReminders({ now: at(30.2) })))
		const subjects = (await emailsTo(user.email)).map((e) => e.subject)
		expect(subjects).toHaveLength(2)
		expect(subjects[1]).toContain('what changed?')
		const key = followUpReminderKey({ enrolmentId: enrolment.id, cycle: 1, day: 30 })
		expect(await prisma.reminderEvent.count({ where: { key } })).toBe(1)
	})

	test('no 7-day email once the check is done, none past the catch-up window', async () => {
		const { user, course } = await courseWithFollowUp()
		await submitCheck({ userId: user.id, courseSlug: course.slug, day: 7, chosen: [0, 1], now: at(7) })
		await runFollowUpReminders({ now: at(7.5) })
		expect(await emailsTo(user.email)).toHaveLength(0)
		await runFollowUpReminders({ now: at(38) })
		expect(await emailsTo(user.email)).toHaveLength(0)
	})
})

describe('pulling a follow-up into a regulator form', () => {
	test('the 30-day reflection becomes the impact on practice; another learner’s follow-up is not found', async () => {
		const { user, course } = await courseWithFollowUp()
		await saveActionPlan({ userId: user.id, courseSlug: course.slug, actionPlan: 'Check in first.', now: at(0) })
		await saveFollowUpReflection({
			userId: user.id,
			courseSlug: course.slug,
			reflection: 'Calmer handovers.',
			now: at(30),
		})
		const [item] = await listFollowUpReflections({ userId: user.id })
		const swe = await prefillFromFollowUp({ userId: user.id, responseId: item!.id, kind: 'SWE_CPD' })
		expect(swe).toMatchObject({
			impact: 'Calmer handovers.',
			cpdType: 'Course or training',
			learnt: expect.stringContaining('Check in first.'),
		})
		const nmc = await prefillFromFollowUp({ userId: user.id, responseId: item!.id, kind: 'NMC_REFLECTIVE_ACCOUNT' })
		expect(nmc.changedPractice).toBe('Calmer handovers.')
		const hcpc = await prefillFromFollowUp({ userId: user.id, responseId: item!.id, kind: 'HCPC_PROFILE' })
		expect(hcpc.statement).toContain('How it improved my work: Calmer handovers.')
		expect(hcpc.statement).toContain('What I learnt: Check in first.')
		const teacher = await prefillFromFollowUp({ userId: user.id, responseId: item!.id, kind: 'TEACHER_SIGN_OFF' })
		expect(teacher.pupilImpact).toBe('Calmer handovers.')
		const rjc = await prefillFromFollowUp({ userId: user.id, responseId: item!.id, kind: 'RJC_SUPERVISION' })
		expect(rjc.learning).toBe('Calmer handovers.')
		const other = await createUser()
		expect(
			await refusal(prefillFromFollowUp({ userId: other.id, responseId: item!.id, kind: 'SWE_CPD' })),
		).toMatchObject({
			code: 'FOLLOW_UP_NOT_FOUND',
		})
		expect(await listFollowUpReflections({ userId: other.id })).toEqual([])
	})
})
