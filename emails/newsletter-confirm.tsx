import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type NewsletterConfirmProps = {
	name: string | null
	/** The single-use confirmation link. */
	confirmUrl: string
	/** How many days the link lasts. */
	days: number
}

export function subject(_props: NewsletterConfirmProps, t: EmailT) {
	return t('newsletterConfirm.subject')
}

/** Double opt-in: nobody is on the newsletter until they follow this link. */
export default function NewsletterConfirm({ name, confirmUrl, days }: NewsletterConfirmProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('newsletterConfirm.preview')} heading={t('newsletterConfirm.heading')}>
			<Greeting name={name} />
			<Paragraph>{t('newsletterConfirm.body')}</Paragraph>
			<ActionButton href={confirmUrl}>{t('newsletterConfirm.action')}</ActionButton>
			<SmallPrint>{t('newsletterConfirm.small', { count: days })}</SmallPrint>
		</EmailLayout>
	)
}

NewsletterConfirm.PreviewProps = {
	name: 'Sam Taylor',
	confirmUrl: 'http://localhost:3000/newsletter/confirm/preview-token',
	days: 7,
} satisfies NewsletterConfirmProps
