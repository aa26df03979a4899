import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type CertificateIssuedProps = {
	name: string
	courseTitle: string
	cpdMinutes: number
	completedAt: Date
	/** The last day it is valid (a calendar day); absent when the course's certificates do not expire. */
	validUntil?: Date | null
	code: string
	verifyUrl: string
	portfolioUrl: string
}

export function subject({ courseTitle }: CertificateIssuedProps, t: EmailT) {
	return t('certificateIssued.subject', { courseTitle })
}

/** Sent when a learner completes a course, with the certificate PDF attached. */
export default function CertificateIssued({
	name,
	courseTitle,
	cpdMinutes,
	completedAt,
	validUntil: validUntilDay,
	code,
	verifyUrl,
	portfolioUrl,
}: CertificateIssuedProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const cpdHoursLabel = format.cpdHours(cpdMinutes)
	const completedOn = format.date(completedAt)
	const validUntil = validUntilDay ? format.day(validUntilDay) : null
	const strong = <strong />
	return (
		<EmailLayout preview={t('certificateIssued.preview', { courseTitle })} heading={t('certificateIssued.heading')}>
			<Greeting name={name} />
			<Paragraph>
				<Trans
					t={t}
					i18nKey="certificateIssued.body"
					values={{ courseTitle, completedOn, cpdHoursLabel }}
					components={{ strong }}
				/>
			</Paragraph>
			{validUntil ? (
				<Paragraph>
					<Trans t={t} i18nKey="certificateIssued.validUntil" values={{ validUntil }} components={{ strong }} />
				</Paragraph>
			) : null}
			<Paragraph>{t('certificateIssued.portfolio')}</Paragraph>
			<ActionButton href={portfolioUrl}>{t('certificateIssued.action')}</ActionButton>
			<Paragraph>
				<Trans
					t={t}
					i18nKey="certificateIssued.code"
					values={{ code, verifyUrl }}
					components={{ strong, a: <TextLink href={verifyUrl} /> }}
				/>
			</Paragraph>
			<SmallPrint>{t('certificateIssued.small')}</SmallPrint>
		</EmailLayout>
	)
}

CertificateIssued.PreviewProps = {
	name: 'Siân Llewellyn-Nowak',
	courseTitle: 'Restorative conversations in health and social care',
	cpdMinutes: 150,
	completedAt: new Date('2026-11-21T14:05:00Z'),
	validUntil: new Date('2027-11-20T00:00:00Z'),
	code: 'CIRC-7KQ2-M9XD-4TPA-Q3HZ',
	verifyUrl: 'http://localhost:3000/verify/CIRC-7KQ2-M9XD-4TPA-Q3HZ',
	portfolioUrl: 'http://localhost:3000/cpd',
} satisfies CertificateIssuedProps
