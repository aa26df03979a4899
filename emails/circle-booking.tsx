import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useCirclePlace, type CirclePlace } from './components/circle-place.ts'

export type CircleBookingKind =
	'booked' | 'booked-for-you' | 'waiting' | 'promoted' | 'updated' | 'cancelled' | 'circle-cancelled' | 'unmarked'

export type CircleBookingProps = {
	name: string
	circleTitle: string
	kind: CircleBookingKind
	startsAt: Date
	durationMinutes: number
	place: CirclePlace
	facilitatorName: string
	circleUrl: string
	/** Who booked the place, when someone else did (an administrator or the facilitator). */
	bookedByName?: string
}

export function subject({ circleTitle, kind }: CircleBookingProps, t: EmailT) {
	return t(`circleBooking.subject.${kind}`, { circleTitle })
}

/** "1 hour 30 minutes" in the email's language. */
export function circleLength(minutes: number, t: EmailT) {
	const hours = Math.floor(minutes / 60)
	const rest = minutes % 60
	const parts = []
	if (hours) parts.push(t('circle.hours', { count: hours }))
	if (rest || !hours) parts.push(t('circle.minutes', { count: rest }))
	return parts.join(' ')
}

/** Every email about one person's booking of a circle; the .ics invitation travels as an attachment. */
export default function CircleBooking(props: CircleBookingProps) {
	const { name, circleTitle, kind, startsAt, durationMinutes, place, facilitatorName, circleUrl } = props
	const { t } = useTranslation('emails')
	const { startsLabel, placeLabel } = useCirclePlace({ startsAt, place })
	const text = t(`circleBooking.opening.${kind}`, {
		bookedByName: props.bookedByName ?? t('circleBooking.yourOrganisation'),
	})
	return (
		<EmailLayout preview={text} heading={subject(props, t)}>
			<Greeting name={name} />
			<Paragraph>{text}</Paragraph>
			<Paragraph>
				{t('circle.details', { circleTitle, facilitatorName })}
				<br />
				{t('circle.when', { startsLabel, length: circleLength(durationMinutes, t) })}
				<br />
				{placeLabel}
			</Paragraph>
			<ActionButton href={circleUrl}>{t('circleBooking.action')}</ActionButton>
			<SmallPrint>
				{kind === 'booked-for-you' ? t('circleBooking.smallBookedForYou') : t('circleBooking.small')}
			</SmallPrint>
		</EmailLayout>
	)
}

CircleBooking.PreviewProps = {
	name: 'Sam Taylor',
	circleTitle: 'After the incident: a reflective circle',
	kind: 'promoted',
	startsAt: new Date('2026-12-14T18:30:00Z'),
	durationMinutes: 90,
	place: { mode: 'ONLINE', venue: null, meetingUrl: 'https://meet.example.org/circle' },
	facilitatorName: 'Dr Maya Okafor',
	circleUrl: 'http://localhost:3000/circles/example',
} satisfies CircleBookingProps
