import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type InvitationProps = {
	/** The invitee's name when the admin gave one. */
	name?: string | null
	organisationName: string
	courseTitle: string | null
	inviterName: string
	acceptUrl: string
	expiresAt: Date
}

export function subject({ organisationName, courseTitle }: InvitationProps, t: EmailT) {
	return courseTitle
		? t('invitation.subjectCourse', { organisationName, courseTitle })
		: t('invitation.subject', { organisationName })
}

/** Sent when an organisation admin invites someone to take a seat on a course. */
export default function Invitation({
	name,
	organisationName,
	courseTitle,
	inviterName,
	acceptUrl,
	expiresAt,
}: InvitationProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const expiresOn = format.date(expiresAt)
	return (
		<EmailLayout
			preview={t('invitation.preview', { inviterName, organisationName })}
			heading={
				courseTitle ? t('invitation.headingCourse', { courseTitle }) : t('invitation.heading', { organisationName })
			}
		>
			<Greeting name={name} />
			<Paragraph>
				{courseTitle
					? t('invitation.bodyCourse', { inviterName, organisationName, courseTitle })
					: t('invitation.body', { inviterName, organisationName })}
			</Paragraph>
			<ActionButton href={acceptUrl}>{t('invitation.action')}</ActionButton>
			<SmallPrint>{t('invitation.small', { expiresOn })}</SmallPrint>
		</EmailLayout>
	)
}

Invitation.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Primary School',
	courseTitle: 'Restorative practice foundations',
	inviterName: 'Priya Shah',
	acceptUrl: 'http://localhost:3000/invitations/preview',
	expiresAt: new Date('2026-12-05T12:00:00Z'),
} satisfies InvitationProps
