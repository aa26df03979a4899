import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

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

export function subject({ courseTitle }: LearningNudgeProps, t: EmailT) {
	return t('learningNudge.subject', { courseTitle })
}

/** A friendly nudge to a learner who has not been back to a course they started (14 and 30 days on). */
export default function LearningNudge({ name, courseTitle, daysAway, resumeUrl, unsubscribeUrl }: LearningNudgeProps) {
	const { t } = useTranslation('emails')
	const weeks = Math.floor(daysAway / 7)
	return (
		<EmailLayout preview={t('learningNudge.preview')} heading={t('learningNudge.heading')}>
			<Greeting name={name} />
			<Paragraph>
				{weeks >= 4
					? t('learningNudge.bodyMonth', { courseTitle })
					: t('learningNudge.bodyWeeks', { count: weeks, courseTitle })}
			</Paragraph>
			<ActionButton href={resumeUrl}>{t('learningNudge.action')}</ActionButton>
			<SmallPrint>
				<Trans t={t} i18nKey="learningNudge.small" components={{ a: <TextLink href={unsubscribeUrl} /> }} />
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
