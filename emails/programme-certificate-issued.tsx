import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type ProgrammeCertificateIssuedProps = {
	name: string
	programmeTitle: string
	courseCount: number
	cpdMinutes: number
	completedAt: Date
	code: string
	verifyUrl: string
	programmeUrl: string
}

export function subject({ programmeTitle }: ProgrammeCertificateIssuedProps, t: EmailT) {
	return t('programmeCertificateIssued.subject', { programmeTitle })
}

/** Sent when a learner finishes the last course of a programme, with the programme certificate attached. */
export default function ProgrammeCertificateIssued({
	name,
	programmeTitle,
	courseCount,
	cpdMinutes,
	completedAt,
	code,
	verifyUrl,
	programmeUrl,
}: ProgrammeCertificateIssuedProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const cpdHoursLabel = format.cpdHours(cpdMinutes)
	const completedOn = format.date(completedAt)
	const strong = <strong />
	return (
		<EmailLayout
			preview={t('programmeCertificateIssued.preview', { programmeTitle })}
			heading={t('programmeCertificateIssued.heading')}
		>
			<Greeting name={name} />
			<Paragraph>
				<Trans
					t={t}
					i18nKey="programmeCertificateIssued.body"
					count={courseCount}
					values={{ count: courseCount, programmeTitle, completedOn, cpdHoursLabel }}
					components={{ strong }}
				/>
			</Paragraph>
			<Paragraph>{t('programmeCertificateIssued.hours')}</Paragraph>
			<ActionButton href={programmeUrl}>{t('programmeCertificateIssued.action')}</ActionButton>
			<Paragraph>
				<Trans
					t={t}
					i18nKey="programmeCertificateIssued.code"
					values={{ code, verifyUrl }}
					components={{ strong, a: <TextLink href={verifyUrl} /> }}
				/>
			</Paragraph>
			<SmallPrint>{t('programmeCertificateIssued.small')}</SmallPrint>
		</EmailLayout>
	)
}

ProgrammeCertificateIssued.PreviewProps = {
	name: 'Siân Llewellyn-Nowak',
	programmeTitle: 'Restorative schools pathway',
	courseCount: 3,
	cpdMinutes: 360,
	completedAt: new Date('2026-12-09T10:00:00Z'),
	code: 'PROG-7KQ2-M9XD-4TPA-Q3HZ',
	verifyUrl: 'http://localhost:3000/verify/programmes/PROG-7KQ2-M9XD-4TPA-Q3HZ',
	programmeUrl: 'http://localhost:3000/programmes/restorative-schools-pathway',
} satisfies ProgrammeCertificateIssuedProps
