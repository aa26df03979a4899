import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type InvitationProps = {
	/** The invitee's name when the admin gave one. */
	name?: string | null
	organisationName: string
	courseTitle: string | null
	inviterName: string
	acceptUrl: string
	/** "5 December 2026" */
	expiresOn: string
}

export function subject({ organisationName, courseTitle }: InvitationProps) {
	return courseTitle
		? `${organisationName} has given you a place on ${courseTitle}`
		: `You are invited to join ${organisationName} on Circle`
}

/** Sent when an organisation admin invites someone to take a seat on a course. */
export default function Invitation({
	name,
	organisationName,
	courseTitle,
	inviterName,
	acceptUrl,
	expiresOn,
}: InvitationProps) {
	return (
		<EmailLayout
			preview={`${inviterName} has invited you to join ${organisationName} on Circle.`}
			heading={courseTitle ? `A place on ${courseTitle}` : `Join ${organisationName}`}
		>
			<Paragraph>Hello{name ? ` ${name}` : ''},</Paragraph>
			<Paragraph>
				{inviterName} has invited you to join {organisationName} on Circle
				{courseTitle ? `, with a place on the CPD course “${courseTitle}”` : ''}. You can take it at your own pace and
				earn a CPD certificate when you finish.
			</Paragraph>
			<ActionButton href={acceptUrl}>Accept the invitation</ActionButton>
			<SmallPrint>
				This link works once and expires on {expiresOn}. If you were not expecting it, you can ignore this email and
				nothing will happen.
			</SmallPrint>
		</EmailLayout>
	)
}

Invitation.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Primary School',
	courseTitle: 'Restorative practice foundations',
	inviterName: 'Priya Shah',
	acceptUrl: 'http://localhost:3000/invitations/preview',
	expiresOn: '5 December 2026',
} satisfies InvitationProps
