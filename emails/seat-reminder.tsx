import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type SeatReminderProps = {
	name: string
	organisationName: string
	courseTitle: string
	/** True when the learner has not opened the course yet. */
	notStarted: boolean
	courseUrl: string
}

export function subject({ courseTitle, notStarted }: SeatReminderProps) {
	return notStarted ? `Your place on ${courseTitle} is waiting` : `Pick up where you left off: ${courseTitle}`
}

/** A gentle nudge to staff who hold a seat but have not started, or have stalled. */
export default function SeatReminder({
	name,
	organisationName,
	courseTitle,
	notStarted,
	courseUrl,
}: SeatReminderProps) {
	return (
		<EmailLayout
			preview={notStarted ? 'Your course is ready when you are.' : 'Pick up where you left off.'}
			heading={notStarted ? 'Your course is ready when you are' : 'Pick up where you left off'}
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				{organisationName} has given you a place on “{courseTitle}”.{' '}
				{notStarted
					? 'You have not started it yet: the first lesson takes only a few minutes.'
					: 'It has been a little while since your last lesson; your progress is saved, so you can carry on from where you stopped.'}
			</Paragraph>
			<ActionButton href={courseUrl}>{notStarted ? 'Start the course' : 'Carry on learning'}</ActionButton>
			<SmallPrint>You are receiving this because your organisation gave you a place on this course.</SmallPrint>
		</EmailLayout>
	)
}

SeatReminder.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Primary School',
	courseTitle: 'Restorative practice foundations',
	notStarted: true,
	courseUrl: 'http://localhost:3000/learn/restorative-practice-foundations',
} satisfies SeatReminderProps
