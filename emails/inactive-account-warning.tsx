import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type InactiveAccountWarningProps = {
	name: string
	signInUrl: string
	/** When the account will be erased unless someone signs in, for a UK reader ("Tuesday 5 January 2027"). */
	erasedOn: string
	/** How long nobody has signed in, in words ("three years" or "1,095 days"). */
	inactiveFor: string
}

export function subject(_props: InactiveAccountWarningProps, t: EmailT) {
	return t('inactiveAccountWarning.subject')
}

/** The warning before the retention job erases an account nobody has used for the configured period. */
export default function InactiveAccountWarning({
	name,
	signInUrl,
	erasedOn,
	inactiveFor,
}: InactiveAccountWarningProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout
			preview={t('inactiveAccountWarning.preview', { erasedOn })}
			heading={t('inactiveAccountWarning.heading')}
		>
			<Greeting name={name} />
			<Paragraph>{t('inactiveAccountWarning.body', { inactiveFor, erasedOn })}</Paragraph>
			<Paragraph>{t('inactiveAccountWarning.keep')}</Paragraph>
			<ActionButton href={signInUrl}>{t('inactiveAccountWarning.action')}</ActionButton>
			<SmallPrint>{t('inactiveAccountWarning.small')}</SmallPrint>
		</EmailLayout>
	)
}

InactiveAccountWarning.PreviewProps = {
	name: 'Sam Taylor',
	signInUrl: 'http://localhost:3000/login',
	erasedOn: 'Tuesday 5 January 2027',
	inactiveFor: '1,065 days',
} satisfies InactiveAccountWarningProps
