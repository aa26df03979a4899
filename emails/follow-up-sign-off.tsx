import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type FollowUpSignOffProps = {
	managerName: string
	learnerName: string
	courseTitle: string
	signOffUrl: string
}

export function subject({ learnerName }: FollowUpSignOffProps, t: EmailT) {
	return t('followUpSignOff.subject', { learnerName })
}

/** To a team manager, when a learner sends them a course follow-up's reflection for sign-off. */
export default function FollowUpSignOff({ managerName, learnerName, courseTitle, signOffUrl }: FollowUpSignOffProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('followUpSignOff.preview', { learnerName })} heading={t('followUpSignOff.heading')}>
			<Greeting name={managerName} />
			<Paragraph>{t('followUpSignOff.body', { learnerName, courseTitle })}</Paragraph>
			<ActionButton href={signOffUrl}>{t('followUpSignOff.action')}</ActionButton>
			<SmallPrint>{t('followUpSignOff.small', { learnerName })}</SmallPrint>
		</EmailLayout>
	)
}

FollowUpSignOff.PreviewProps = {
	managerName: 'Priya Shah',
	learnerName: 'Sam Taylor',
	courseTitle: 'Restorative practice: the foundations',
	signOffUrl: 'http://localhost:3000/sign-offs/example',
} satisfies FollowUpSignOffProps
