import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type SeatReminderProps = {
	name: string
	organisationName: string
	courseTitle: string
	/** True when the learner has not opened the course yet. */
	notStarted: boolean
	courseUrl: string
}

export function subject({ courseTitle, notStarted }: SeatReminderProps, t: EmailT) {
	return notStarted
		? t('seatReminder.subjectNotStarted', { courseTitle })
		: t('seatReminder.subjectStalled', { courseTitle })
}

/** A gentle nudge to staff who hold a seat but have not started, or have stalled. */
export default function SeatReminder({
	name,
	organisationName,
	courseTitle,
	notStarted,
	courseUrl,
}: SeatReminderProps) {
	const { t } = useTranslation('emails')
	const heading = notStarted ? t('seatReminder.headingNotStarted') : t('seatReminder.headingStalled')
	return (
		<EmailLayout preview={`${heading}.`} heading={heading}>
			<Greeting name={name} />
			<Paragraph>
				{notStarted
					? t('seatReminder.bodyNotStarted', { organisationName, courseTitle })
					: t('seatReminder.bodyStalled', { organisationName, courseTitle })}
			</Paragraph>
			<ActionButton href={courseUrl}>
				{notStarted ? t('seatReminder.startCourse') : t('seatReminder.carryOn')}
			</ActionButton>
			<SmallPrint>{t('seatReminder.small')}</SmallPrint>
		</EmailLayout>
	)
}

SeatReminder.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Primary School',
	courseTitle: 'Restorative practice foundations',
	notStarted: true,
	courseUrl: 'http://localhost:3000/learn/restorative-practice-foundations',
} satisfies SeatReminderProps
