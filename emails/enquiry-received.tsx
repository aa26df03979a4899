import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
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

export function subject({ enquiry }: EnquiryReceivedProps, t: EmailT) {
	const from = enquiry.organisationName ? `${enquiry.name}, ${enquiry.organisationName}` : enquiry.name
	return t('enquiryReceived.subject', { from })
}

const SECTORS = ['FOUNDATIONS', 'SCHOOLS', 'HEALTH_SOCIAL_CARE', 'CRIMINAL_JUSTICE', 'PARENTS_CARERS'] as const
const isSector = (value: string): value is (typeof SECTORS)[number] => (SECTORS as readonly string[]).includes(value)

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
	const { t, i18n } = useTranslation('emails')
	const rows: Array<[string, ReactNode]> = [
		[t('enquiryReceived.name'), enquiry.name],
		[t('enquiryReceived.email'), <TextLink href={`mailto:${enquiry.email}`}>{enquiry.email}</TextLink>],
	]
	if (enquiry.organisationName) rows.push([t('enquiryReceived.organisation'), enquiry.organisationName])
	if (enquiry.sector) {
		const sector = isSector(enquiry.sector) ? t(`enquiryReceived.sectors.${enquiry.sector}`) : enquiry.sector
		rows.push([t('enquiryReceived.sector'), sector])
	}
	if (enquiry.staffCount != null) {
		rows.push([t('enquiryReceived.staffCount'), enquiry.staffCount.toLocaleString(`${i18n.language}-GB`)])
	}

	return (
		<EmailLayout preview={t('enquiryReceived.preview', { name: enquiry.name })} heading={t('enquiryReceived.heading')}>
			<Paragraph>{t('enquiryReceived.body')}</Paragraph>
			<Section>
				{rows.map(([name, content]) => (
					<div key={name}>
						<Text style={label}>{name}</Text>
						<Text style={value}>{content}</Text>
					</div>
				))}
			</Section>
			<Text style={label}>{t('enquiryReceived.message')}</Text>
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
