// Demo content for course follow-ups (docs/decisions/0032-course-follow-up.md): the leadership course
// carries a follow-up; the demo learner finished it nine days ago, wrote an action plan and has the
// 7-day check due (its email is in /dev/outbox); one of the trust's staff in the demo team manager's
// team finished it five weeks ago, did both checks and sent a reflection that waits on /sign-offs.
// Through the real module code, with `now` moved back where a step happened in the past.
// Idempotent: does nothing once the course has a follow-up.
import { prisma } from '#modules/db/client.ts'
import { saveActionPlan, saveFollowUpReflection, sendToManager, submitCheck } from '#modules/follow-ups/learner.ts'
import { runFollowUpReminders } from '#modules/follow-ups/reminders.ts'
import { setFollowUp } from '#modules/follow-ups/settings.ts'
import { selectManagedTeamIds } from '#modules/teams/sql.ts'
import { completeCourseForDemo } from './demo-completion.ts'

export const FOLLOW_UP_COURSE_SLUG = 'leading-a-restorative-organisation'

const DAY = 24 * 60 * 60 * 1000

export const DEMO_FOLLOW_UP = {
	actionPlanPrompt: 'What will you change in how you lead in the next month, and how will you know it is working?',
	reflectionPrompt:
		'A month on: what have you done differently as a leader, what difference has it made to your team, and what next?',
	questions: [
		{
			prompt: 'What does “high challenge, high support” describe?',
			options: [
				'Working with people: clear expectations and real help to meet them',
				'A strict policy applied to everyone the same way',
				'Letting the team decide everything',
				'Support first; challenge only when something goes wrong',
			],
			correct: '0',
			explanation: 'Restorative leadership does things with people, not to them or for them.',
		},
		{
			prompt: 'After harm in a team, which question comes first?',
			options: ['Who is to blame?', 'What happened?', 'What is the sanction?'],
			correct: '1',
		},
		{
			prompt: 'Why meet in a circle before a change is announced?',
			options: [
				'To get the announcement over quickly',
				'So that everyone hears it at once and can say what it means for them',
				'Because the policy says so',
			],
			correct: '1',
			explanation: 'People accept change better when they are heard during it.',
		},
	],
}

// A finished enrolment with its lessons done, certificate and CPD entry, as completion leaves them, `daysAgo` back.
async function completeForDemo({
	userId,
	courseId,
	daysAgo,
	now,
}: {
	userId: string
	courseId: string
	daysAgo: number
	now: Date
}) {
	const completedAt = new Date(now.getTime() - daysAgo * DAY)
	return (await completeCourseForDemo({ userId, courseId, completedAt, daysTaken: 5 })) !== null
}

export async function seedDemoFollowUps({
	trainerId,
	learnerId,
	managerEmail = 'manager@circle.example',
	now = new Date(),
}: {
	trainerId: string
	learnerId: string
	managerEmail?: string
	now?: Date
}) {
	const course = await prisma.course.findUnique({
		where: { slug: FOLLOW_UP_COURSE_SLUG },
		select: { id: true, followUp: { select: { id: true } }, publishedVersionId: true },
	})
	if (!course?.publishedVersionId || course.followUp) return
	const ago = (days: number) => new Date(now.getTime() - days * DAY)
	await setFollowUp({
		courseId: course.id,
		actorId: trainerId,
		now: ago(90),
		input: { enabled: 'on', ...DEMO_FOLLOW_UP },
	})

	// The demo learner: finished nine days ago, wrote a plan; the 7-day check is due.
	if (await completeForDemo({ userId: learnerId, courseId: course.id, daysAgo: 9, now })) {
		await saveActionPlan({
			userId: learnerId,
			courseSlug: FOLLOW_UP_COURSE_SLUG,
			now: ago(9),
			actionPlan:
				'1. Open Monday’s ward huddle with a two-minute check-in round, every week for a month.\n2. After the next incident, use the restorative questions with the staff involved before writing it up.\n3. Ask two of the team at the end of the month whether huddles feel different.',
		})
	}

	// One of the staff the demo team manager manages: both checks done, a reflection sent for sign-off.
	const manager = await prisma.user.findUnique({ where: { email: managerEmail }, select: { id: true } })
	const organisationIds = manager
		? (await prisma.membership.findMany({ where: { userId: manager.id }, select: { organisationId: true } })).map(
				(m) => m.organisationId,
			)
		: []
	const teamIds = (
		await Promise.all(
			organisationIds.map((organisationId) => selectManagedTeamIds(prisma, { organisationId, userId: manager!.id })),
		)
	).flat()
	const managed = manager
		? await prisma.teamMember.findFirst({
				where: {
					teamId: { in: teamIds },
					isManager: false,
					membership: { userId: { not: manager.id }, deactivatedAt: null },
				},
				orderBy: { membershipId: 'asc' },
				select: { membership: { select: { userId: true } } },
			})
		: null
	if (manager && managed) {
		const userId = managed.membership.userId
		if (await completeForDemo({ userId, courseId: course.id, daysAgo: 35, now })) {
			const courseSlug = FOLLOW_UP_COURSE_SLUG
			await saveActionPlan({
				userId,
				courseSlug,
				now: ago(35),
				actionPlan:
					'Run a circle with my Year 4 team before the new behaviour policy starts, and listen before I explain.',
			})
			await submitCheck({ userId, courseSlug, day: 7, chosen: [0, 0, 1], now: ago(27) })
			await submitCheck({ userId, courseSlug, day: 30, chosen: [0, 1, 1], now: ago(4) })
			await saveFollowUpReflection({
				userId,
				courseSlug,
				now: ago(4),
				reflection:
					'I ran the circle before the policy launched. Two colleagues said for the first time that they felt unheard about lunchtime cover, and we changed the rota together. The launch itself was calm, and the team now asks for a circle before any change.',
			})
			await sendToManager({ userId, courseSlug, managerId: manager.id, now: ago(3) })
		}
	}

	// The 7-day email, as the daily job would send it.
	await runFollowUpReminders({ now })
}
