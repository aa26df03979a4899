import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import type { JobHandler } from '#modules/jobs/job-types.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { claimReminderEvent } from '#modules/reminders/sql.ts'
import { emailPlace } from './notify.ts'

/** Every five minutes: the hour-before reminder goes out between 60 and 55 minutes before the start. */
export const CIRCLE_REMINDERS_CRON = '*/5 * * * *'

const HOUR = 3_600_000
export type CircleReminderLead = '24h' | '1h'

/**
 * The event key of one reminder: per booking, per lead and per start time, so a circle moved to
 * another day reminds its people again for the new time, and never twice for the same one.
 */
export function circleReminderKey({
	bookingId,
	lead,
	startsAt,
}: {
	bookingId: string
	lead: CircleReminderLead
	startsAt: Date
}) {
	return `circle-${lead}:${bookingId}:${startsAt.toISOString()}`
}

/**
 * Sends the reminders due at `now` to people with a place: the day-before one once the circle is
 * 24 hours away, the hour-before one once it is an hour away, each unless they booked inside its
 * window (the booking email was their reminder). Each reminder is
 * claimed by its event key (a ReminderEvent row, the primary key) in the transaction that queues its
 * email, so however many workers scan at once, and however often a scan is repeated, each is sent
 * once. Returns how many were sent by this call.
 */
export async function runCircleReminders({ now }: { now: Date }) {
	const bookings = await prisma.circleBooking.findMany({
		where: {
			status: 'BOOKED',
			circle: { cancelledAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + 24 * HOUR) } },
		},
		select: {
			id: true,
			userId: true,
			bookedAt: true,
			user: { select: { name: true, email: true } },
			circle: {
				select: {
					id: true,
					title: true,
					startsAt: true,
					mode: true,
					meetingUrl: true,
					venue: true,
					organisationId: true,
					facilitator: { select: { name: true } },
				},
			},
		},
		orderBy: { id: 'asc' },
	})
	let sent = 0
	for (const booking of bookings) {
		const { circle } = booking
		const untilStart = circle.startsAt.getTime() - now.getTime()
		// Someone who booked inside a reminder's window had the booking email instead.
		const bookedBefore = (hours: number) =>
			booking.bookedAt !== null && booking.bookedAt.getTime() <= circle.startsAt.getTime() - hours * HOUR
		let lead: CircleReminderLead | null = null
		if (untilStart <= HOUR) lead = bookedBefore(1) ? '1h' : null
		else if (bookedBefore(24)) lead = '24h'
		if (!lead) continue
		const key = circleReminderKey({ bookingId: booking.id, lead, startsAt: circle.startsAt })
		const claimed = await prisma.$transaction(async (tx) => {
			const fresh = await claimReminderEvent(tx, {
				key,
				kind: `circle-${lead}`,
				userId: booking.userId,
				organisationId: circle.organisationId,
			})
			if (!fresh) return false
			const { id } = await sendEmail(
				{
					to: booking.user.email,
					template: 'circle-reminder',
					props: {
						name: booking.user.name,
						circleTitle: circle.title,
						lead,
						startsAt: circle.startsAt,
						place: emailPlace(circle, true),
						facilitatorName: circle.facilitator.name,
						circleUrl: `${appUrl()}/circles/${circle.id}`,
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

/** The `circle-reminders` job: a scan at `now` (the run's time unless a test or operator passes one). */
export const handleCircleRemindersJob: JobHandler<'circle-reminders'> = async (data) => {
	const now = data.now ? new Date(data.now) : new Date()
	if (Number.isNaN(now.getTime())) throw new Error(`Not an instant: ${data.now}`)
	const { sent } = await runCircleReminders({ now })
	if (sent > 0) console.log(`[jobs] circle-reminders: ${sent} sent`)
}
