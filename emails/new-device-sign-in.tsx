import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { EmailLayout, Greeting, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type NewDeviceSignInProps = {
	name: string
	/** "Chrome on Windows". */
	device: string
	at: Date
	/** Part of the IP address ("81.2.x.x"), or null. */
	network: string | null
	securityUrl: string
}

export function subject(_props: NewDeviceSignInProps, t: EmailT) {
	return t('newDeviceSignIn.subject')
}

/** Sent when someone signs in from a browser the account has not used before. */
export default function NewDeviceSignIn({ name, device, at, network, securityUrl }: NewDeviceSignInProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const when = format.dateAtTime(at)
	return (
		<EmailLayout preview={t('newDeviceSignIn.preview', { device })} heading={t('newDeviceSignIn.heading')}>
			<Greeting name={name} />
			<Paragraph>
				{network
					? t('newDeviceSignIn.bodyWithNetwork', { device, when, network })
					: t('newDeviceSignIn.body', { device, when })}
			</Paragraph>
			<Paragraph>
				<Trans t={t} i18nKey="newDeviceSignIn.sessions" components={{ a: <TextLink href={securityUrl} /> }} />
			</Paragraph>
			<SmallPrint>{t('newDeviceSignIn.small')}</SmallPrint>
		</EmailLayout>
	)
}

NewDeviceSignIn.PreviewProps = {
	name: 'Sam Taylor',
	device: 'Chrome on Windows',
	at: new Date('2026-12-05T21:46:00Z'),
	network: '81.2.x.x',
	securityUrl: 'https://circle.example/account/security',
} satisfies NewDeviceSignInProps
