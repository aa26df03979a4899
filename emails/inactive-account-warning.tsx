import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type InactiveAccountWarningProps = {
	name: string
	signInUrl: string
	erasedAt: Date
	inactiveDays: number
}

export function subject(_props: InactiveAccountWarningProps, t: EmailT) {
	return t('inactiveAccountWarning.subject')
}

/** The warning before the retention job erases an account nobody has used for the configured period. */
export default function InactiveAccountWarning({
	name,
	signInUrl,
	erasedAt,
	inactiveDays,
}: InactiveAccountWarningProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const erasedOn = format.date(erasedAt)
	const inactiveFor = t('inactiveAccountWarning.days', { count: inactiveDays, formatted: format.number(inactiveDays) })
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
	erasedAt: new Date('2027-01-05T03:00:00Z'),
	inactiveDays: 1065,
} satisfies InactiveAccountWarningProps
