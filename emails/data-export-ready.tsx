import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type DataExportReadyProps = {
	name: string
	downloadUrl: string
	/** The last moment the link works, already written for a UK reader ("Sunday 13 December 2026, 09:42"). */
	expiresOn: string
}

export function subject(_props: DataExportReadyProps) {
	return 'Your Circle data is ready to download'
}

/** The link to a person's "Download your data" ZIP: works once, for them, until it expires. */
export default function DataExportReady({ name, downloadUrl, expiresOn }: DataExportReadyProps) {
	return (
		<EmailLayout preview="Everything Circle holds about you, in one ZIP file." heading="Your data is ready">
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				You asked for a copy of everything Circle holds about you. It is ready: one ZIP file with your details,
				learning, reflections, CPD record and account history as JSON, and your certificates and CPD exports as PDFs.
			</Paragraph>
			<ActionButton href={downloadUrl}>Download your data</ActionButton>
			<Paragraph>
				The link works once, only when you are signed in to your own account, until {expiresOn}. After that, ask for a
				new copy from your account’s “Your data” page.
			</Paragraph>
			<SmallPrint>If you did not ask for this, sign in and change your password: someone may know it.</SmallPrint>
		</EmailLayout>
	)
}

DataExportReady.PreviewProps = {
	name: 'Sam Taylor',
	downloadUrl: 'http://localhost:3000/account/data/download/ck0example?token=example',
	expiresOn: 'Sunday 13 December 2026, 09:42',
} satisfies DataExportReadyProps
