import { ActionButton, EmailLayout, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

export type LearningNudgeProps = {
	name: string
	courseTitle: string
	/** Whole days since the learner was last in the course. */
	daysAway: number
	/** The course, which opens at the lesson they left off at. */
	resumeUrl: string
	/** One click switches these nudges off (the same address as the List-Unsubscribe header). */
	unsubscribeUrl: string
}

export function subject({ courseTitle }: LearningNudgeProps) {
	return `Pick up where you left off: ${courseTitle}`
}

/** A friendly nudge to a learner who has not been back to a course they started (14 and 30 days on). */
export default function LearningNudge({ name, courseTitle, daysAway, resumeUrl, unsubscribeUrl }: LearningNudgeProps) {
	const weeks = Math.floor(daysAway / 7)
	return (
		<EmailLayout preview="Your progress is saved." heading="Pick up where you left off">
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				It has been {weeks >= 4 ? 'about a month' : `${weeks} weeks`} since you were last in “{courseTitle}”. Your
				progress is saved: the link below opens the lesson you were on.
			</Paragraph>
			<ActionButton href={resumeUrl}>Carry on learning</ActionButton>
			<SmallPrint>
				We send at most two of these for a course you have paused.{' '}
				<TextLink href={unsubscribeUrl}>Stop these emails</TextLink> (one click; reminders about training your
				organisation requires still reach you).
			</SmallPrint>
		</EmailLayout>
	)
}

LearningNudge.PreviewProps = {
	name: 'Sam Taylor',
	courseTitle: 'Restorative practice foundations',
	daysAway: 14,
	resumeUrl: 'http://localhost:3000/learn/restorative-practice-foundations',
	unsubscribeUrl: 'http://localhost:3000/unsubscribe/preview-token',
} satisfies LearningNudgeProps
