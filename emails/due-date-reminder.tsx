import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type DueDateReminderProps = {
	name: string
	organisationName: string
	courseTitle: string
	/** The due date in words: "31 January 2027". */
	dueOnText: string
	/** Whole days until the due date: 0 on the day itself, negative once it has passed. */
	daysLeft: number
	courseUrl: string
}

function when(daysLeft: number) {
	if (daysLeft < 0) return 'overdue'
	if (daysLeft === 0) return 'due today'
	if (daysLeft === 1) return 'due tomorrow'
	return `due in ${daysLeft} days`
}

export function subject({ courseTitle, daysLeft }: DueDateReminderProps) {
	return daysLeft < 0 ? `Overdue: ${courseTitle}` : `${courseTitle} is ${when(daysLeft)}`
}

/** A learner's reminder of a course their organisation requires: before the due date, and on the day it is missed. */
export default function DueDateReminder({
	name,
	organisationName,
	courseTitle,
	dueOnText,
	daysLeft,
	courseUrl,
}: DueDateReminderProps) {
	const overdue = daysLeft < 0
	return (
		<EmailLayout
			preview={overdue ? `This was due on ${dueOnText}.` : `Finish it by ${dueOnText}.`}
			heading={overdue ? `“${courseTitle}” is overdue` : `“${courseTitle}” is ${when(daysLeft)}`}
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				{overdue
					? `${organisationName} asked you to complete “${courseTitle}” by ${dueOnText}, and it is not finished yet. Please complete it as soon as you can: your organisation can see that it is overdue.`
					: `${organisationName} has asked you to complete “${courseTitle}” by ${dueOnText}. Your progress is saved, so you can pick up where you left off.`}
			</Paragraph>
			<ActionButton href={courseUrl}>{overdue ? 'Finish the course' : 'Go to the course'}</ActionButton>
			<SmallPrint>
				You are receiving this because {organisationName} requires this training. If you think it should not apply to
				you, please speak to your manager.
			</SmallPrint>
		</EmailLayout>
	)
}

DueDateReminder.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Academy Trust',
	courseTitle: 'Safeguarding essentials',
	dueOnText: '31 January 2027',
	daysLeft: 7,
	courseUrl: 'http://localhost:3000/learn/safeguarding-essentials',
} satisfies DueDateReminderProps
