import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type VerifyEmailProps = { name: string; verifyUrl: string }

export function subject(_props: VerifyEmailProps, t: EmailT) {
	return t('verifyEmail.subject')
}

/** Sent after sign-up (and on request) so that we know the address belongs to the learner. */
export default function VerifyEmail({ name, verifyUrl }: VerifyEmailProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('verifyEmail.preview')} heading={t('verifyEmail.heading')}>
			<Greeting name={name} />
			<Paragraph>{t('verifyEmail.body')}</Paragraph>
			<ActionButton href={verifyUrl}>{t('verifyEmail.action')}</ActionButton>
			<SmallPrint>{t('verifyEmail.small')}</SmallPrint>
		</EmailLayout>
	)
}

VerifyEmail.PreviewProps = {
	name: 'Sam Taylor',
	verifyUrl: 'http://localhost:3000/verify-email?token=preview',
} satisfies VerifyEmailProps
