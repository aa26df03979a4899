import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type DataExportReadyProps = {
	name: string
	downloadUrl: string
	expiresAt: Date
}

export function subject(_props: DataExportReadyProps, t: EmailT) {
	return t('dataExportReady.subject')
}

/** The link to a person's "Download your data" ZIP: works once, for them, until it expires. */
export default function DataExportReady({ name, downloadUrl, expiresAt }: DataExportReadyProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const expiresOn = format.dateAtTime(expiresAt)
	return (
		<EmailLayout preview={t('dataExportReady.preview')} heading={t('dataExportReady.heading')}>
			<Greeting name={name} />
			<Paragraph>{t('dataExportReady.body')}</Paragraph>
			<ActionButton href={downloadUrl}>{t('dataExportReady.action')}</ActionButton>
			<Paragraph>{t('dataExportReady.expires', { expiresOn })}</Paragraph>
			<SmallPrint>{t('dataExportReady.small')}</SmallPrint>
		</EmailLayout>
	)
}

DataExportReady.PreviewProps = {
	name: 'Sam Taylor',
	downloadUrl: 'http://localhost:3000/account/data/download/ck0example?token=example',
	expiresAt: new Date('2026-12-13T09:42:00Z'),
} satisfies DataExportReadyProps
