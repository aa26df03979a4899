import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useCirclePlace, type CirclePlace } from './components/circle-place.ts'

export type CircleReminderProps = {
	name: string
	circleTitle: string
	/** '24h' the day before, '1h' an hour before. */
	lead: '24h' | '1h'
	startsAt: Date
	place: CirclePlace
	facilitatorName: string
	circleUrl: string
}

export function subject({ circleTitle, lead }: CircleReminderProps, t: EmailT) {
	return lead === '24h'
		? t('circleReminder.subject24h', { circleTitle })
		: t('circleReminder.subject1h', { circleTitle })
}

/** A reminder to someone with a place in a circle, a day and an hour before it starts. */
export default function CircleReminder(props: CircleReminderProps) {
	const { name, circleTitle, lead, startsAt, place, facilitatorName, circleUrl } = props
	const { t } = useTranslation('emails')
	const { startsLabel, placeLabel } = useCirclePlace({ startsAt, place })
	const day = lead === '24h'
	return (
		<EmailLayout
			preview={day ? t('circleReminder.preview24h') : t('circleReminder.preview1h')}
			heading={day ? t('circleReminder.heading24h') : t('circleReminder.heading1h')}
		>
			<Greeting name={name} />
			<Paragraph>{t('circleReminder.body', { circleTitle, facilitatorName, startsLabel, placeLabel })}</Paragraph>
			<Paragraph>{t('circleReminder.checkIn', { facilitatorName })}</Paragraph>
			<ActionButton href={circleUrl}>{t('circleReminder.action')}</ActionButton>
			<SmallPrint>{t('circleReminder.small')}</SmallPrint>
		</EmailLayout>
	)
}

CircleReminder.PreviewProps = {
	name: 'Sam Taylor',
	circleTitle: 'After the incident: a reflective circle',
	lead: '24h',
	startsAt: new Date('2026-12-14T18:30:00Z'),
	place: { mode: 'ONLINE', venue: null, meetingUrl: 'https://meet.example.org/circle' },
	facilitatorName: 'Dr Maya Okafor',
	circleUrl: 'http://localhost:3000/circles/example',
} satisfies CircleReminderProps
