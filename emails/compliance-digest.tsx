import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { Section, Text } from '@react-email/components'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

export type ComplianceDigestRow = {
	personName: string
	courseTitle: string
	/** "Overdue", "Expired", "Due soon" (the compliance labels). */
	statusLabel: string
	/** Why, in words: "since 1 February 2027", "due 31 January 2027". */
	detail: string
}

export type ComplianceDigestProps = {
	name: string
	organisationName: string
	/** "your teams" for a manager, "everyone in Riverside Academy Trust" for an administrator. */
	scope: string
	overdue: number
	expired: number
	dueSoon: number
	/** The first rows, worst first; `more` says how many were left out. */
	rows: ComplianceDigestRow[]
	more: number
	matrixUrl: string
	/** Set for administrators, who may switch the digest off. */
	preferencesUrl?: string
}

export function subject({ organisationName, overdue, expired }: ComplianceDigestProps, t: EmailT) {
	const outOfDate = overdue + expired
	return outOfDate > 0
		? t('complianceDigest.subjectOutOfDate', { organisationName, count: outOfDate })
		: t('complianceDigest.subjectDueSoon', { organisationName })
}

/** The weekly digest of a manager's (or an administrator's) people who are overdue, expired or due soon. */
export default function ComplianceDigest({
	name,
	organisationName,
	scope,
	overdue,
	expired,
	dueSoon,
	rows,
	more,
	matrixUrl,
	preferencesUrl,
}: ComplianceDigestProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout
			preview={t('complianceDigest.preview', { overdue, expired, dueSoon })}
			heading={t('complianceDigest.heading')}
		>
			<Greeting name={name} />
			<Paragraph>{t('complianceDigest.body', { scope, overdue, expired, dueSoon })}</Paragraph>
			<Section>
				{rows.map((row, index) => (
					<Text key={index} style={{ margin: '0 0 8px', fontSize: '15px', lineHeight: '22px' }}>
						<strong>{row.personName}</strong> — {row.courseTitle}: {row.statusLabel} ({row.detail})
					</Text>
				))}
				{more > 0 ? <Text style={{ margin: '0 0 8px' }}>{t('complianceDigest.more', { count: more })}</Text> : null}
			</Section>
			<ActionButton href={matrixUrl}>{t('complianceDigest.action')}</ActionButton>
			<SmallPrint>
				{t('complianceDigest.small', { organisationName })}
				{preferencesUrl ? (
					<>
						{' '}
						<Trans
							t={t}
							i18nKey="complianceDigest.preferences"
							components={{ link: <TextLink href={preferencesUrl} /> }}
						/>
					</>
				) : null}
			</SmallPrint>
		</EmailLayout>
	)
}

ComplianceDigest.PreviewProps = {
	name: 'Priya Shah',
	organisationName: 'Riverside Academy Trust',
	scope: 'your teams',
	overdue: 1,
	expired: 1,
	dueSoon: 1,
	rows: [
		{
			personName: 'Sam Taylor',
			courseTitle: 'Safeguarding essentials',
			statusLabel: 'Overdue',
			detail: 'since 1 February 2027',
		},
		{ personName: 'Alex Green', courseTitle: 'First aid', statusLabel: 'Expired', detail: 'since 6 December 2026' },
		{
			personName: 'Jo Baker',
			courseTitle: 'Safeguarding essentials',
			statusLabel: 'Due soon',
			detail: 'due 20 December 2026',
		},
	],
	more: 0,
	matrixUrl: 'http://localhost:3000/org/riverside/compliance',
} satisfies ComplianceDigestProps
