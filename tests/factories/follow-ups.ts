import { prisma } from '#modules/db/client.ts'
import { setFollowUp } from '#modules/follow-ups/settings.ts'
import { createCompletedEnrolment, issueTestCertificate } from './certificates.ts'
import { createUser } from './learning.ts'
import { addMember, createOrganisation } from './organisations.ts'

const DAY = 86_400_000

export const FOLLOW_UP_QUESTIONS = [
	{
		prompt: 'Which question opens a restorative conversation?',
		options: ['What happened?', 'Why did you do it?', 'Who started it?'],
		correct: '0',
	},
	{
		prompt: 'A circle’s talking piece is for…',
		options: ['Speed', 'Taking turns to speak and listen'],
		correct: '1',
		explanation: 'Only the person holding it speaks.',
	},
]

/**
 * A course with a follow-up set by its author (the trainer), and a learner who completed it
 * `completedDaysAgo` days before `now`, with their certificate issued.
 */
export async function createFollowUpCourse({ completedDaysAgo = 0, now = new Date() } = {}) {
	const completedAt = new Date(now.getTime() - completedDaysAgo * DAY)
	const made = await createCompletedEnrolment({ completedAt })
	const trainer = await createUser({ role: 'TRAINER' })
	await prisma.courseAuthor.create({ data: { courseId: made.course.id, userId: trainer.id, role: 'OWNER' } })
	await setFollowUp({
		courseId: made.course.id,
		actorId: trainer.id,
		now: new Date(completedAt.getTime() - DAY),
		input: {
			enabled: 'on',
			actionPlanPrompt: 'What will you do differently next week?',
			reflectionPrompt: 'What has changed in your practice?',
			questions: FOLLOW_UP_QUESTIONS,
		},
	})
	await issueTestCertificate(made.enrolment.id)
	return { ...made, trainer, completedAt }
}

/** An organisation where a new member manages a team the learner is in. */
export async function createManagerOf(learnerId: string, managerName = 'Priya Manager') {
	const org = await createOrganisation()
	const learner = await addMember({ organisationId: org.id, userId: learnerId })
	const manager = await addMember({ organisationId: org.id, name: managerName })
	const team = await prisma.team.create({ data: { organisationId: org.id, name: 'Ward 7' }, select: { id: true } })
	await prisma.teamMember.createMany({
		data: [
			{ teamId: team.id, membershipId: learner.membershipId },
			{ teamId: team.id, membershipId: manager.membershipId, isManager: true },
		],
	})
	return { org, manager, team }
}
