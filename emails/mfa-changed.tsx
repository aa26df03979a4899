import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type MfaChange =
	'totp_enabled' | 'totp_disabled' | 'recovery_codes_regenerated' | 'passkey_added' | 'passkey_removed'
export type MfaChangedProps = { name: string; change: MfaChange }

export function subject({ change }: MfaChangedProps, t: EmailT) {
	return t(`mfaChanged.${change}.subject`)
}

/** Sent on every change to a person's second factor, so they hear about a change they did not make. */
export default function MfaChanged({ name, change }: MfaChangedProps) {
	const { t } = useTranslation('emails')
	const body = t(`mfaChanged.${change}.body`)
	return (
		<EmailLayout preview={body} heading={t(`mfaChanged.${change}.heading`)}>
			<Greeting name={name} />
			<Paragraph>{body}</Paragraph>
			<SmallPrint>{t('mfaChanged.small')}</SmallPrint>
		</EmailLayout>
	)
}

MfaChanged.PreviewProps = { name: 'Sam Taylor', change: 'totp_enabled' } satisfies MfaChangedProps
