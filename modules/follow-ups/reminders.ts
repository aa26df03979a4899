import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import type { JobHandler } from '#modules/jobs/job-types.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { claimReminderEvent } from '#modules/reminders/sql.ts'
import type { CheckDay } from './schemas.ts'
import { opensAt } from './stages.ts'

/** Every day at 09:10 UK time: the follow-ups that opened since yesterday. */
export const FOLLOW_UP_REMINDERS_CRON = '10 9 * * *'

const DAY = 86_400_000
/** How many days after a check opens a late scan still sends its email (as the other reminders). */
export const FOLLOW_UP_CATCH_UP_DAYS = 7

/** The event key of one follow-up email: per enrolment, completion cycle and check. */
export function followUpReminderKey({
	enrolmentId,
	cycle,
	day,
}: {
	enrolmentId: string
	cycle: number
	day: CheckDay
}) {
	return `follow-up-${day}d:${enrolmentId}:${cycle}`
}

/**
 * Sends the follow-up emails due at `now`: the 7-day one once a week has passed since a learner
 * completed a course with a follow-up, the 30-day one once a month has; each within
 * FOLLOW_UP_CATCH_UP_DAYS of its day (a worker that was down catches up, a follow-up added to an old
 * course does not mail everyone who ever finished it), and not when the learner has already done
 * that step. Each email is claimed by its event key (a ReminderEvent row) in the transaction that
 * queues it, so however many workers scan and however often, each goes once. Someone who switched
 * optional reminders off uses the event up without an email. Returns how many this call sent.
 */
export async function runFollowUpReminders({ now }: { now: Date }) {
	const earliest = new Date(now.getTime() - (30 + FOLLOW_UP_CATCH_UP_DAYS) * DAY)
	const latest = new Date(now.getTime() - 7 * DAY)
	const enrolments = await prisma.enrolment.findMany({
		where: {
			completedAt: { gte: earliest, lte: latest },
			revokedAt: null,
			user: { disabledAt: null },
			course: { followUp: { isNot: null } },
		},
		orderBy: { id: 'asc' },
		select: {
			id: true,
			cycle: true,
			completedAt: true,
			userId: true,
			user: { select: { name: true, email: true, reminderPref: { select: { optionalOff: true } } } },
			version: { select: { title: true } },
			course: { select: { slug: true, followUp: { select: { startsFrom: true } } } },
			followUps: { select: { cycle: true, day7At: true, day30At: true, reflectionAt: true } },
		},
	})
	let sent = 0
	for (const enrolment of enrolments) {
		const completedAt = enrolment.completedAt!
		if (completedAt < enrolment.course.followUp!.startsFrom) continue
		const response = enrolment.followUps.find((r) => r.cycle === enrolment.cycle)
		const inWindow = (day: CheckDay) =>
			now >= opensAt(completedAt, day) &&
			now.getTime() - opensAt(completedAt, day).getTime() <= FOLLOW_UP_CATCH_UP_DAYS * DAY
		let day: CheckDay | null = null
		if (inWindow(30) && !(response?.day30At && response.reflectionAt)) day = 30
		else if (inWindow(7) && !response?.day7At) day = 7
		if (!day) continue
		const key = followUpReminderKey({ enrolmentId: enrolment.id, cycle: enrolment.cycle, day })
		const claimed = await prisma.$transaction(async (tx) => {
			const fresh = await claimReminderEvent(tx, {
				key,
				kind: `follow-up-${day}d`,
				userId: enrolment.userId,
				organisationId: null,
			})
			if (!fresh) return false
			if (enrolment.user.reminderPref?.optionalOff) return false
			const { id } = await sendEmail(
				{
					to: enrolment.user.email,
					template: 'follow-up-due',
					props: {
						name: enrolment.user.name,
						courseTitle: enrolment.version.title,
						day: day!,
						followUpUrl: `${appUrl()}/learn/${enrolment.course.slug}/follow-up`,
					},
				},
				tx,
			)
			await tx.reminderEvent.update({ where: { key }, data: { emailMessageId: id }, select: { key: true } })
			return true
		})
		if (claimed) sent += 1
	}
	return { sent }
}

/** The `follow-up-reminders` job: a scan at `now` (the run's time unless a test or operator passes one). */
export const handleFollowUpRemindersJob: JobHandler<'follow-up-reminders'> = async (data) => {
	const now = data.now ? new Date(data.now) : new Date()
	if (Number.isNaN(now.getTime())) throw new Error(`Not an instant: ${data.now}`)
	const { sent } = await runFollowUpReminders({ now })
	if (sent > 0) console.log(`[jobs] follow-up-reminders: ${sent} sent`)
}
