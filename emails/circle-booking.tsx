import { formatCircleLength } from '#modules/circles/london-time.ts'
import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type CircleBookingKind =
	'booked' | 'booked-for-you' | 'waiting' | 'promoted' | 'updated' | 'cancelled' | 'circle-cancelled' | 'unmarked'

export type CircleBookingProps = {
	name: string
	circleTitle: string
	kind: CircleBookingKind
	/** "Monday 14 December 2026 at 18:30 (UK time)" */
	startsLabel: string
	durationMinutes: number
	/** "Online: https://…" for people with a place, "Online" otherwise, or the venue. */
	placeLabel: string
	facilitatorName: string
	circleUrl: string
	/** Who booked the place, when someone else did (an administrator or the facilitator). */
	bookedByName?: string
}

const SUBJECTS: Record<CircleBookingKind, (title: string) => string> = {
	booked: (title) => `Your place in the circle: ${title}`,
	'booked-for-you': (title) => `You have been booked into a circle: ${title}`,
	waiting: (title) => `You are on the waiting list: ${title}`,
	promoted: (title) => `A place came up for you: ${title}`,
	updated: (title) => `The circle has changed: ${title}`,
	cancelled: (title) => `Your booking is cancelled: ${title}`,
	'circle-cancelled': (title) => `This circle will not take place: ${title}`,
	unmarked: (title) => `Your attendance was taken off the register: ${title}`,
}

export function subject({ circleTitle, kind }: CircleBookingProps) {
	return SUBJECTS[kind](circleTitle)
}

function opening({ kind, bookedByName }: Pick<CircleBookingProps, 'kind' | 'bookedByName'>) {
	if (kind === 'booked-for-you') {
		return `${bookedByName ?? 'Your organisation'} has booked you a place in this reflective circle. The calendar invitation is attached. If you cannot come, please cancel from the circle’s page so someone else can have the place.`
	}
	return OPENINGS[kind]
}

const OPENINGS: Record<Exclude<CircleBookingKind, 'booked-for-you'>, string> = {
	booked: 'You have a place in this reflective circle. The calendar invitation is attached.',
	waiting:
		'The circle is full for now, so you are on its waiting list. If someone cancels, the first person waiting gets their place automatically, and we will email you.',
	promoted:
		'Someone cancelled, and the place is yours: you were next on the waiting list. The calendar invitation is attached.',
	updated: 'The facilitator has changed the details below. The attached invitation updates your calendar.',
	cancelled:
		'You cancelled your booking. If you had a place, it now goes to the next person waiting, and any attachment removes the circle from your calendar.',
	'circle-cancelled':
		'The facilitator has cancelled this circle. We are sorry for the change of plan; the attachment removes it from your calendar.',
	unmarked:
		'The facilitator has taken you off the register of this circle, as you were marked present in error, so its hours are no longer in your CPD portfolio. Anything you wrote about it is kept. If you did attend, please reply to your facilitator.',
}

/** Every email about one person's booking of a circle; the .ics invitation travels as an attachment. */
export default function CircleBooking(props: CircleBookingProps) {
	const { name, circleTitle, startsLabel, durationMinutes, placeLabel, facilitatorName, circleUrl } = props
	const text = opening(props)
	return (
		<EmailLayout preview={text} heading={subject(props)}>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>{text}</Paragraph>
			<Paragraph>
				“{circleTitle}”, facilitated by {facilitatorName}
				<br />
				{startsLabel}, for {formatCircleLength(durationMinutes)}
				<br />
				{placeLabel}
			</Paragraph>
			<ActionButton href={circleUrl}>See the circle</ActionButton>
			<SmallPrint>
				{props.kind === 'booked-for-you'
					? 'You are receiving this because your organisation booked you a place in a reflective circle on Circle.'
					: 'You are receiving this because you booked a place in a reflective circle on Circle.'}
			</SmallPrint>
		</EmailLayout>
	)
}

CircleBooking.PreviewProps = {
	name: 'Sam Taylor',
	circleTitle: 'After the incident: a reflective circle',
	kind: 'promoted',
	startsLabel: 'Monday 14 December 2026 at 18:30 (UK time)',
	durationMinutes: 90,
	placeLabel: 'Online: https://meet.example.org/circle',
	facilitatorName: 'Dr Maya Okafor',
	circleUrl: 'http://localhost:3000/circles/example',
} satisfies CircleBookingProps
