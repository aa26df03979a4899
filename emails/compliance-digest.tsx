import { Section, Text } from '@react-email/components'
import { ActionButton, EmailLayout, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

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

export function subject({ organisationName, overdue, expired }: ComplianceDigestProps) {
	const outOfDate = overdue + expired
	return outOfDate > 0
		? `${organisationName}: ${outOfDate} out of date this week`
		: `${organisationName}: training due soon this week`
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
	return (
		<EmailLayout
			preview={`${overdue} overdue, ${expired} expired, ${dueSoon} due soon.`}
			heading="This week’s training"
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				For {scope}: {overdue} overdue, {expired} expired and {dueSoon} due soon or expiring.
			</Paragraph>
			<Section>
				{rows.map((row, index) => (
					<Text key={index} style={{ margin: '0 0 8px', fontSize: '15px', lineHeight: '22px' }}>
						<strong>{row.personName}</strong> — {row.courseTitle}: {row.statusLabel} ({row.detail})
					</Text>
				))}
				{more > 0 ? <Text style={{ margin: '0 0 8px' }}>…and {more} more.</Text> : null}
			</Section>
			<ActionButton href={matrixUrl}>Open the compliance matrix</ActionButton>
			<SmallPrint>
				You receive this each Monday because you manage training in {organisationName}.
				{preferencesUrl ? (
					<>
						{' '}
						<TextLink href={preferencesUrl}>Choose whether you get it</TextLink>.
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
