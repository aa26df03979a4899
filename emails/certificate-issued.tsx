import { ActionButton, EmailLayout, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

export type CertificateIssuedProps = {
	name: string
	courseTitle: string
	/** "2.5 CPD hours" */
	cpdHoursLabel: string
	/** "21 November 2026" */
	completedOn: string
	/** "20 November 2027": the last day it is valid; absent when the course's certificates do not expire. */
	validUntil?: string | null
	code: string
	verifyUrl: string
	portfolioUrl: string
}

export function subject({ courseTitle }: CertificateIssuedProps) {
	return `Your CPD certificate: ${courseTitle}`
}

/** Sent when a learner completes a course, with the certificate PDF attached. */
export default function CertificateIssued({
	name,
	courseTitle,
	cpdHoursLabel,
	completedOn,
	validUntil,
	code,
	verifyUrl,
	portfolioUrl,
}: CertificateIssuedProps) {
	return (
		<EmailLayout
			preview={`Well done: your certificate for ${courseTitle} is attached.`}
			heading="Your CPD certificate is ready"
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Congratulations on completing <strong>{courseTitle}</strong> on {completedOn}. Your certificate for{' '}
				{cpdHoursLabel} is attached to this email as a PDF.
			</Paragraph>
			{validUntil ? (
				<Paragraph>
					It is valid until <strong>{validUntil}</strong>. You can renew it by taking the course again from 90 days
					before then; if your organisation requires it, they will assign it to you again.
				</Paragraph>
			) : null}
			<Paragraph>
				We have also added it to your CPD portfolio, with the reflections you wrote during the course, ready for your
				revalidation, appraisal or supervision.
			</Paragraph>
			<ActionButton href={portfolioUrl}>Open my CPD portfolio</ActionButton>
			<Paragraph>
				Your certificate number is <strong>{code}</strong>. Anyone you share it with, such as an employer or regulator,
				can check it at <TextLink href={verifyUrl}>{verifyUrl}</TextLink> or by scanning the QR code on the certificate.
			</Paragraph>
			<SmallPrint>You can download your certificate again at any time from your CPD portfolio.</SmallPrint>
		</EmailLayout>
	)
}

CertificateIssued.PreviewProps = {
	name: 'Siân Llewellyn-Nowak',
	courseTitle: 'Restorative conversations in health and social care',
	cpdHoursLabel: '2.5 CPD hours',
	completedOn: '21 November 2026',
	validUntil: '20 November 2027',
	code: 'CIRC-7KQ2-M9XD-4TPA-Q3HZ',
	verifyUrl: 'http://localhost:3000/verify/CIRC-7KQ2-M9XD-4TPA-Q3HZ',
	portfolioUrl: 'http://localhost:3000/cpd',
} satisfies CertificateIssuedProps
