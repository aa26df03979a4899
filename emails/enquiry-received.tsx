import { Section, Text } from '@react-email/components'
import { Fragment, type ReactNode } from 'react'
import { EmailLayout, Paragraph, TextLink } from './components/layout.tsx'

export type EnquiryReceivedProps = {
	enquiry: {
		name: string
		email: string
		organisationName?: string | null
		sector?: string | null
		staffCount?: number | null
		message: string
	}
}

// The Sector enum's values, as people say them.
const SECTOR_LABELS: Record<string, string> = {
	FOUNDATIONS: 'Foundations',
	SCHOOLS: 'Schools and education',
	HEALTH_SOCIAL_CARE: 'Health and social care',
	CRIMINAL_JUSTICE: 'Criminal justice',
	PARENTS_CARERS: 'Parents and carers',
}

export function subject({ enquiry }: EnquiryReceivedProps) {
	const from = enquiry.organisationName ? `${enquiry.name}, ${enquiry.organisationName}` : enquiry.name
	return `New enquiry from ${from}`
}

const label = { color: '#44403c', fontSize: '14px', fontWeight: 600, margin: '0' }
const value = { color: '#1c1917', fontSize: '16px', lineHeight: '24px', margin: '0 0 12px' }
const quote = {
	borderLeft: '4px solid #0f5257',
	color: '#1c1917',
	fontSize: '16px',
	lineHeight: '26px',
	margin: '0 0 16px',
	padding: '4px 0 4px 16px',
}

/** Sent to each platform admin when someone uses the "Get in touch" form. */
export default function EnquiryReceived({ enquiry }: EnquiryReceivedProps) {
	const rows: Array<[string, ReactNode]> = [
		['Name', enquiry.name],
		['Email', <TextLink href={`mailto:${enquiry.email}`}>{enquiry.email}</TextLink>],
	]
	if (enquiry.organisationName) rows.push(['Organisation', enquiry.organisationName])
	if (enquiry.sector) rows.push(['Sector', SECTOR_LABELS[enquiry.sector] ?? enquiry.sector])
	if (enquiry.staffCount != null) rows.push(['Number of staff', enquiry.staffCount.toLocaleString('en-GB')])

	return (
		<EmailLayout preview={`${enquiry.name} has sent an enquiry through Circle.`} heading="A new enquiry">
			<Paragraph>Someone has used the “Get in touch” form. Their details are below; reply to them directly.</Paragraph>
			<Section>
				{rows.map(([name, content]) => (
					<div key={name}>
						<Text style={label}>{name}</Text>
						<Text style={value}>{content}</Text>
					</div>
				))}
			</Section>
			<Text style={label}>Message</Text>
			<Text style={quote}>
				{/* <br> rather than white-space alone, so that the plain-text version keeps the lines too */}
				{enquiry.message.split(/\r?\n/).map((line, index) => (
					<Fragment key={index}>
						{index > 0 && <br />}
						{line}
					</Fragment>
				))}
			</Text>
		</EmailLayout>
	)
}

EnquiryReceived.PreviewProps = {
	enquiry: {
		name: 'Priya Shah',
		email: 'priya.shah@example.org',
		organisationName: 'Riverside Academy Trust',
		sector: 'SCHOOLS',
		staffCount: 240,
		message:
			'We would like to train our pastoral team in restorative conversations this spring. Could we talk about seat licences?',
	},
} satisfies EnquiryReceivedProps
