import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type PersonalEmailProps = { name: string; verifyUrl: string }

export function subject(_props: PersonalEmailProps, t: EmailT) {
	return t('personalEmail.subject')
}

/** Sent to a personal address someone adds to their account, so it can sign them in for life. */
export default function PersonalEmail({ name, verifyUrl }: PersonalEmailProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('personalEmail.preview')} heading={t('personalEmail.heading')}>
			<Greeting name={name} />
			<Paragraph>{t('personalEmail.body')}</Paragraph>
			<ActionButton href={verifyUrl}>{t('personalEmail.action')}</ActionButton>
			<SmallPrint>{t('personalEmail.small')}</SmallPrint>
		</EmailLayout>
	)
}

PersonalEmail.PreviewProps = {
	name: 'Sam Taylor',
	verifyUrl: 'http://localhost:3000/account/personal-email?token=preview',
} satisfies PersonalEmailProps
