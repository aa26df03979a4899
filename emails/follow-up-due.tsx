import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type FollowUpDueProps = {
	name: string
	courseTitle: string
	/** 7: the first retrieval check; 30: the second, with the reflection on what changed. */
	day: 7 | 30
	followUpUrl: string
}

export function subject({ courseTitle, day }: FollowUpDueProps) {
	return day === 7
		? `A week on from “${courseTitle}”: your 7-day check`
		: `A month on from “${courseTitle}”: what changed?`
}

/** The follow-up's reminder, 7 and 30 days after a learner completed a course. */
export default function FollowUpDue({ name, courseTitle, day, followUpUrl }: FollowUpDueProps) {
	return (
		<EmailLayout
			preview={day === 7 ? 'A few quick questions, a week on.' : 'A month on: a few questions and a reflection.'}
			heading={day === 7 ? 'Your 7-day check is ready' : 'Your 30-day check and reflection are ready'}
		>
			<Paragraph>Hello {name},</Paragraph>
			{day === 7 ? (
				<Paragraph>
					It is a week since you finished “{courseTitle}”. Recalling what you learnt, a little while after, is one of
					the best ways to keep it: a few questions, about three minutes.
				</Paragraph>
			) : (
				<Paragraph>
					It is a month since you finished “{courseTitle}”. Answer the same few questions once more, then write a short
					reflection on what has changed in your practice. If you like, send it to your manager to sign off; it also
					goes into your CPD portfolio as the course’s impact on practice.
				</Paragraph>
			)}
			<ActionButton href={followUpUrl}>Open your follow-up</ActionButton>
			<SmallPrint>You can switch off optional reminders like this one in your account’s reminder settings.</SmallPrint>
		</EmailLayout>
	)
}

FollowUpDue.PreviewProps = {
	name: 'Sam Taylor',
	courseTitle: 'Restorative practice: the foundations',
	day: 7,
	followUpUrl: 'http://localhost:3000/learn/restorative-foundations/follow-up',
} satisfies FollowUpDueProps
