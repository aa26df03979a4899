import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type FollowUpDueProps = {
	name: string
	courseTitle: string
	/** 7: the first retrieval check; 30: the second, with the reflection on what changed. */
	day: 7 | 30
	followUpUrl: string
}

export function subject({ courseTitle, day }: FollowUpDueProps, t: EmailT) {
	return day === 7 ? t('followUpDue.subject7', { courseTitle }) : t('followUpDue.subject30', { courseTitle })
}

/** The follow-up's reminder, 7 and 30 days after a learner completed a course. */
export default function FollowUpDue({ name, courseTitle, day, followUpUrl }: FollowUpDueProps) {
	const { t } = useTranslation('emails')
	const week = day === 7
	return (
		<EmailLayout
			preview={week ? t('followUpDue.preview7') : t('followUpDue.preview30')}
			heading={week ? t('followUpDue.heading7') : t('followUpDue.heading30')}
		>
			<Greeting name={name} />
			<Paragraph>{week ? t('followUpDue.body7', { courseTitle }) : t('followUpDue.body30', { courseTitle })}</Paragraph>
			<ActionButton href={followUpUrl}>{t('followUpDue.action')}</ActionButton>
			<SmallPrint>{t('followUpDue.small')}</SmallPrint>
		</EmailLayout>
	)
}

FollowUpDue.PreviewProps = {
	name: 'Sam Taylor',
	courseTitle: 'Restorative practice: the foundations',
	day: 7,
	followUpUrl: 'http://localhost:3000/learn/restorative-foundations/follow-up',
} satisfies FollowUpDueProps
