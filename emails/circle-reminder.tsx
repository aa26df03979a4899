import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type CircleReminderProps = {
	name: string
	circleTitle: string
	/** '24h' the day before, '1h' an hour before. */
	lead: '24h' | '1h'
	startsLabel: string
	placeLabel: string
	facilitatorName: string
	circleUrl: string
}

export function subject({ circleTitle, lead }: CircleReminderProps) {
	return lead === '24h' ? `Tomorrow: ${circleTitle}` : `Starting in an hour: ${circleTitle}`
}

/** A reminder to someone with a place in a circle, a day and an hour before it starts. */
export default function CircleReminder(props: CircleReminderProps) {
	const { name, circleTitle, lead, startsLabel, placeLabel, facilitatorName, circleUrl } = props
	return (
		<EmailLayout
			preview={lead === '24h' ? 'Your circle is tomorrow.' : 'Your circle starts in an hour.'}
			heading={lead === '24h' ? 'Your circle is tomorrow' : 'Your circle starts in an hour'}
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				“{circleTitle}” with {facilitatorName} starts {startsLabel}. {placeLabel}
			</Paragraph>
			<Paragraph>
				When it starts, {facilitatorName} will show a short check-in code: enter it on the circle’s page and the
				participatory hours go into your CPD portfolio.
			</Paragraph>
			<ActionButton href={circleUrl}>Open the circle</ActionButton>
			<SmallPrint>
				If you can no longer come, cancel on the circle’s page so someone waiting can have your place.
			</SmallPrint>
		</EmailLayout>
	)
}

CircleReminder.PreviewProps = {
	name: 'Sam Taylor',
	circleTitle: 'After the incident: a reflective circle',
	lead: '24h',
	startsLabel: 'Monday 14 December 2026 at 18:30 (UK time)',
	placeLabel: 'Online: https://meet.example.org/circle',
	facilitatorName: 'Dr Maya Okafor',
	circleUrl: 'http://localhost:3000/circles/example',
} satisfies CircleReminderProps
