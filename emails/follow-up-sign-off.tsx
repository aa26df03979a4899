import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type FollowUpSignOffProps = {
	managerName: string
	learnerName: string
	courseTitle: string
	signOffUrl: string
}

export function subject({ learnerName }: FollowUpSignOffProps) {
	return `${learnerName} asked you to sign off their reflection`
}

/** To a team manager, when a learner sends them a course follow-up's reflection for sign-off. */
export default function FollowUpSignOff({ managerName, learnerName, courseTitle, signOffUrl }: FollowUpSignOffProps) {
	return (
		<EmailLayout preview={`${learnerName} sent you a reflection to sign off.`} heading="A reflection to sign off">
			<Paragraph>Hello {managerName},</Paragraph>
			<Paragraph>
				{learnerName} finished “{courseTitle}” a month ago and has written about what has changed in their practice
				since. They chose to send it, with their action plan, to you to sign off.
			</Paragraph>
			<ActionButton href={signOffUrl}>Read and sign off</ActionButton>
			<SmallPrint>You see only what {learnerName} chose to send. Sign in to Circle to read it.</SmallPrint>
		</EmailLayout>
	)
}

FollowUpSignOff.PreviewProps = {
	managerName: 'Priya Shah',
	learnerName: 'Sam Taylor',
	courseTitle: 'Restorative practice: the foundations',
	signOffUrl: 'http://localhost:3000/sign-offs/example',
} satisfies FollowUpSignOffProps
