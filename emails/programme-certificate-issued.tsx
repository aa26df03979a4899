import { ActionButton, EmailLayout, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

export type ProgrammeCertificateIssuedProps = {
	name: string
	programmeTitle: string
	courseCount: number
	/** "6 CPD hours" */
	cpdHoursLabel: string
	/** "9 December 2026" */
	completedOn: string
	code: string
	verifyUrl: string
	programmeUrl: string
}

export function subject({ programmeTitle }: ProgrammeCertificateIssuedProps) {
	return `Your programme certificate: ${programmeTitle}`
}

/** Sent when a learner finishes the last course of a programme, with the programme certificate attached. */
export default function ProgrammeCertificateIssued({
	name,
	programmeTitle,
	courseCount,
	cpdHoursLabel,
	completedOn,
	code,
	verifyUrl,
	programmeUrl,
}: ProgrammeCertificateIssuedProps) {
	return (
		<EmailLayout
			preview={`Well done: you have completed ${programmeTitle}. Your certificate is attached.`}
			heading="You have completed the programme"
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Congratulations on completing all {courseCount} courses of <strong>{programmeTitle}</strong> on {completedOn}.
				Your programme certificate, listing each course and {cpdHoursLabel} in total, is attached as a PDF.
			</Paragraph>
			<Paragraph>
				Each course’s own certificate is already in your CPD portfolio, so the hours are counted once there.
			</Paragraph>
			<ActionButton href={programmeUrl}>See the programme</ActionButton>
			<Paragraph>
				Your certificate number is <strong>{code}</strong>. Anyone you share it with can check it at{' '}
				<TextLink href={verifyUrl}>{verifyUrl}</TextLink> or by scanning the QR code on the certificate.
			</Paragraph>
			<SmallPrint>You can download your certificate again at any time from the programme’s page.</SmallPrint>
		</EmailLayout>
	)
}

ProgrammeCertificateIssued.PreviewProps = {
	name: 'Siân Llewellyn-Nowak',
	programmeTitle: 'Restorative schools pathway',
	courseCount: 3,
	cpdHoursLabel: '6 CPD hours',
	completedOn: '9 December 2026',
	code: 'PROG-7KQ2-M9XD-4TPA-Q3HZ',
	verifyUrl: 'http://localhost:3000/verify/programmes/PROG-7KQ2-M9XD-4TPA-Q3HZ',
	programmeUrl: 'http://localhost:3000/programmes/restorative-schools-pathway',
} satisfies ProgrammeCertificateIssuedProps
