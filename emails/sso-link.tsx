import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type SsoLinkProps = { name: string; organisationName: string; linkUrl: string }

export function subject(_props: SsoLinkProps, t: EmailT) {
	return t('ssoLink.subject')
}

/** Sent when someone signs in with their organisation's identity provider and a Circle account already has their address. */
export default function SsoLink({ name, organisationName, linkUrl }: SsoLinkProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('ssoLink.preview', { organisationName })} heading={t('ssoLink.heading')}>
			<Greeting name={name} />
			<Paragraph>{t('ssoLink.body', { organisationName })}</Paragraph>
			<ActionButton href={linkUrl}>{t('ssoLink.action')}</ActionButton>
			<SmallPrint>{t('ssoLink.small')}</SmallPrint>
		</EmailLayout>
	)
}

SsoLink.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Academy Trust',
	linkUrl: 'http://localhost:3000/sso/link?token=preview',
} satisfies SsoLinkProps
