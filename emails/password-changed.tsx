import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type PasswordChangedProps = { name: string }

export function subject(_props: PasswordChangedProps, t: EmailT) {
	return t('passwordChanged.subject')
}

/** Sent after any password change, so that the owner hears about a change they did not make. */
export default function PasswordChanged({ name }: PasswordChangedProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('passwordChanged.preview')} heading={t('passwordChanged.heading')}>
			<Greeting name={name} />
			<Paragraph>{t('passwordChanged.body')}</Paragraph>
			<SmallPrint>{t('passwordChanged.small')}</SmallPrint>
		</EmailLayout>
	)
}

PasswordChanged.PreviewProps = { name: 'Sam Taylor' } satisfies PasswordChangedProps
