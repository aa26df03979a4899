import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type ResetPasswordProps = { name: string; resetUrl: string }

export function subject(_props: ResetPasswordProps, t: EmailT) {
	return t('resetPassword.subject')
}

/** Sent when someone asks to reset the password of an account with this address. */
export default function ResetPassword({ name, resetUrl }: ResetPasswordProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('resetPassword.preview')} heading={t('resetPassword.heading')}>
			<Greeting name={name} />
			<Paragraph>{t('resetPassword.body')}</Paragraph>
			<ActionButton href={resetUrl}>{t('resetPassword.action')}</ActionButton>
			<SmallPrint>{t('resetPassword.small')}</SmallPrint>
		</EmailLayout>
	)
}

ResetPassword.PreviewProps = {
	name: 'Sam Taylor',
	resetUrl: 'http://localhost:3000/reset-password?token=preview',
} satisfies ResetPasswordProps
