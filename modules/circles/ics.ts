import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { registerAttachmentResolver } from '#modules/mail/attachments.ts'

export type InvitationInput = {
	circle: {
		id: string
		title: string
		description: string
		startsAt: Date
		durationMinutes: number
		mode: 'ONLINE' | 'IN_PERSON'
		meetingUrl: string | null
		venue: string | null
		facilitator: { name: string; email: string }
	}
	attendee: { name: string; email: string }
	method: 'REQUEST' | 'CANCEL'
	sequence: number
}

/**
 * A circle's iCalendar invitation for one attendee (RFC 5546): REQUEST to add or update it, CANCEL to
 * remove it. The UID is the circle's, so every calendar matches an update to the event it holds, and
 * SEQUENCE rises with each change the facilitator makes, so the newest version wins.
 */
export async function buildCircleInvitation({ circle, attendee, method, sequence }: InvitationInput) {
	// The ics package (and yup, which it validates with) loads when an invitation is first built, not
	// by every HTTP worker at start-up (ADR 0054).
	const { createEvent } = await import('ics')
	const url = `${appUrl()}/circles/${circle.id}`
	const online = circle.mode === 'ONLINE'
	const { error, value } = createEvent({
		productId: 'circle/reflective-circles',
		method,
		uid: `circle-${circle.id}@circle`,
		sequence,
		status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
		start: circle.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		duration: { minutes: circle.durationMinutes },
		title: circle.title,
		description: [
			circle.description,
			online && circle.meetingUrl ? `Join: ${circle.meetingUrl}` : '',
			`Details and check-in: ${url}`,
		]
			.filter(Boolean)
			.join('\n\n'),
		location: online ? (circle.meetingUrl ?? 'Online') : (circle.venue ?? undefined),
		url: online && circle.meetingUrl ? circle.meetingUrl : url,
		organizer: { name: circle.facilitator.name, email: circle.facilitator.email },
		attendees: [
			{ name: attendee.name, email: attendee.email, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' },
		],
	})
	if (error || !value) throw error ?? new Error('Could not build the circle invitation')
	return value
}

// The email carries a descriptor; the file is built when the email is delivered (modules/mail/attachments.ts).
registerAttachmentResolver('circle-invitation', async ({ bookingId, method, sequence }) => {
	const booking = await prisma.circleBooking.findUniqueOrThrow({
		where: { id: bookingId },
		select: {
			user: { select: { name: true, email: true } },
			circle: {
				select: {
					id: true,
					title: true,
					description: true,
					startsAt: true,
					durationMinutes: true,
					mode: true,
					meetingUrl: true,
					venue: true,
					facilitator: { select: { name: true, email: true } },
				},
			},
		},
	})
	const content = await buildCircleInvitation({ circle: booking.circle, attendee: booking.user, method, sequence })
	return {
		filename: method === 'CANCEL' ? 'cancelled.ics' : 'invite.ics',
		content: Buffer.from(content, 'utf8'),
		contentType: `text/calendar; charset=utf-8; method=${method}`,
	}
})
