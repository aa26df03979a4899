import type { CircleBookingKind } from '#emails/circle-booking.tsx'
import type { CirclePlace } from '#emails/components/circle-place.ts'
import { type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import './ics.ts'

/** Where the circle is, as its emails say it: the meeting link only for a person with a place. */
export function emailPlace(
	circle: { mode: 'ONLINE' | 'IN_PERSON'; meetingUrl: string | null; venue: string | null },
	withLink: boolean,
): CirclePlace {
	return { mode: circle.mode, venue: circle.venue, meetingUrl: withLink ? circle.meetingUrl : null }
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
				startsAt: circle.startsAt,
				durationMinutes: circle.durationMinutes,
				place: emailPlace(circle, method === 'REQUEST'),
				facilitatorName: circle.facilitator.name,
				circleUrl: `${appUrl()}/circles/${circle.id}`,
				...(bookedByName ? { bookedByName } : {}),
			},
			attachments: method ? [{ kind: 'circle-invitation', bookingId, method, sequence: circle.sequence }] : undefined,
		},
		tx,
	)
}
