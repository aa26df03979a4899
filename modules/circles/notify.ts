import type { CircleBookingKind } from '#emails/circle-booking.tsx'
import { type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import './ics.ts'
import { formatCircleStart } from './london-time.ts'

/** What a person with a place (or without one) is told about where the circle is. */
export function placeLabel(
	circle: { mode: 'ONLINE' | 'IN_PERSON'; meetingUrl: string | null; venue: string | null },
	withLink: boolean,
) {
	if (circle.mode === 'IN_PERSON') return `In person: ${circle.venue ?? ''}`
	return withLink && circle.meetingUrl
		? `Online: ${circle.meetingUrl}`
		: 'Online (the link is shown to people with a place)'
}

/** The circle's start as emails state it: UK time, said so. */
export function startsLabel(startsAt: Date) {
	return `${formatCircleStart(startsAt)} (UK time)`
}

const INVITATION: Partial<Record<CircleBookingKind, 'REQUEST' | 'CANCEL'>> = {
	booked: 'REQUEST',
	'booked-for-you': 'REQUEST',
	promoted: 'REQUEST',
	updated: 'REQUEST',
	cancelled: 'CANCEL',
	'circle-cancelled': 'CANCEL',
}

/**
 * Queues one email about one booking, inside the caller's transaction (it commits with the change
 * it reports, or not at all), with the calendar invitation attached when the person has (or had) a
 * place: REQUEST for a new or changed place, CANCEL when it is gone. Someone who was only waiting
 * gets no calendar attachment when it is cancelled, as their calendar never held it.
 */
export async function emailBooking(
	tx: Tx,
	{
		bookingId,
		kind,
		hadPlace = true,
		bookedByName,
	}: { bookingId: string; kind: CircleBookingKind; hadPlace?: boolean; bookedByName?: string },
) {
	const booking = await tx.circleBooking.findUniqueOrThrow({
		where: { id: bookingId },
		select: {
			user: { select: { name: true, email: true } },
			circle: {
				select: {
					id: true,
					title: true,
					startsAt: true,
					durationMinutes: true,
					mode: true,
					meetingUrl: true,
					venue: true,
					sequence: true,
					facilitator: { select: { name: true } },
				},
			},
		},
	})
	const { circle, user } = booking
	const method = hadPlace ? INVITATION[kind] : undefined
	await sendEmail(
		{
			to: user.email,
			template: 'circle-booking',
			props: {
				name: user.name,
				circleTitle: circle.title,
				kind,
				startsLabel: startsLabel(circle.startsAt),
				durationMinutes: circle.durationMinutes,
				placeLabel: placeLabel(circle, method === 'REQUEST'),
				facilitatorName: circle.facilitator.name,
				circleUrl: `${appUrl()}/circles/${circle.id}`,
				...(bookedByName ? { bookedByName } : {}),
			},
			attachments: method ? [{ kind: 'circle-invitation', bookingId, method, sequence: circle.sequence }] : undefined,
		},
		tx,
	)
}
