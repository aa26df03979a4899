import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { Section, Text } from '@react-email/components'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type ComplianceDigestRow = {
	personName: string
	courseTitle: string
	status: 'OVERDUE' | 'EXPIRED' | 'DUE_SOON'
	/** Why: overdue or expired since a day, expiring after one, due on one (calendar days). */
	detail: { kind: 'since' | 'expiresAfter' | 'due'; day: Date } | { kind: 'expired' }
}

export type ComplianceDigestProps = {
	name: string
	organisationName: string
	/** A manager's teams, or (for an administrator) everyone in the organisation. */
	scope: 'teams' | 'organisation'
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
	const format = useEmailFormat()
	const scopeText =
		scope === 'organisation'
			? t('complianceDigest.scopeOrganisation', { organisationName })
			: t('complianceDigest.scopeTeams')
	const detailText = (detail: ComplianceDigestRow['detail']) =>
		detail.kind === 'expired'
			? t('complianceDigest.detail.expired')
			: t(`complianceDigest.detail.${detail.kind}`, { day: format.day(detail.day) })
	return (
		<EmailLayout
			preview={t('complianceDigest.preview', { overdue, expired, dueSoon })}
			heading={t('complianceDigest.heading')}
		>
			<Greeting name={name} />
			<Paragraph>{t('complianceDigest.body', { scope: scopeText, overdue, expired, dueSoon })}</Paragraph>
			<Section>
				{rows.map((row, index) => (
					<Text key={index} style={{ margin: '0 0 8px', fontSize: '15px', lineHeight: '22px' }}>
						<strong>{row.personName}</strong> — {row.courseTitle}: {t(`complianceDigest.status.${row.status}`)} (
						{detailText(row.detail)})
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
							components={{ a: <TextLink href={preferencesUrl} /> }}
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
	scope: 'teams',
	overdue: 1,
	expired: 1,
	dueSoon: 1,
	rows: [
		{
			personName: 'Sam Taylor',
			courseTitle: 'Safeguarding essentials',
			status: 'OVERDUE',
			detail: { kind: 'since', day: new Date('2027-02-01T00:00:00Z') },
		},
		{
			personName: 'Alex Green',
			courseTitle: 'First aid',
			status: 'EXPIRED',
			detail: { kind: 'since', day: new Date('2026-12-06T00:00:00Z') },
		},
		{
			personName: 'Jo Baker',
			courseTitle: 'Safeguarding essentials',
			status: 'DUE_SOON',
			detail: { kind: 'due', day: new Date('2026-12-20T00:00:00Z') },
		},
	],
	more: 0,
	matrixUrl: 'http://localhost:3000/org/riverside/compliance',
} satisfies ComplianceDigestProps
