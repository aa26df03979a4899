import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type DueDateReminderProps = {
	name: string
	organisationName: string
	courseTitle: string
	dueOn: Date
	/** Whole days until the due date: 0 on the day itself, negative once it has passed. */
	daysLeft: number
	courseUrl: string
}

export function subject({ courseTitle, daysLeft }: DueDateReminderProps, t: EmailT) {
	if (daysLeft < 0) return t('dueDateReminder.subjectOverdue', { courseTitle })
	if (daysLeft === 0) return t('dueDateReminder.subjectToday', { courseTitle })
	return t('dueDateReminder.subjectDays', { count: daysLeft, courseTitle })
}

function heading({ courseTitle, daysLeft }: DueDateReminderProps, t: EmailT) {
	if (daysLeft < 0) return t('dueDateReminder.headingOverdue', { courseTitle })
	if (daysLeft === 0) return t('dueDateReminder.headingToday', { courseTitle })
	return t('dueDateReminder.headingDays', { count: daysLeft, courseTitle })
}

/** A learner's reminder of a course their organisation requires: before the due date, and on the day it is missed. */
export default function DueDateReminder(props: DueDateReminderProps) {
	const { name, organisationName, courseTitle, dueOn, daysLeft, courseUrl } = props
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const dueOnText = format.day(dueOn)
	const overdue = daysLeft < 0
	return (
		<EmailLayout
			preview={
				overdue ? t('dueDateReminder.previewOverdue', { dueOnText }) : t('dueDateReminder.preview', { dueOnText })
			}
			heading={heading(props, t)}
		>
			<Greeting name={name} />
			<Paragraph>
				{overdue
					? t('dueDateReminder.bodyOverdue', { organisationName, courseTitle, dueOnText })
					: t('dueDateReminder.body', { organisationName, courseTitle, dueOnText })}
			</Paragraph>
			<ActionButton href={courseUrl}>{overdue ? t('dueDateReminder.finish') : t('dueDateReminder.goTo')}</ActionButton>
			<SmallPrint>{t('dueDateReminder.small', { organisationName })}</SmallPrint>
		</EmailLayout>
	)
}

DueDateReminder.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Academy Trust',
	courseTitle: 'Safeguarding essentials',
	dueOn: new Date('2027-01-31T00:00:00Z'),
	daysLeft: 7,
	courseUrl: 'http://localhost:3000/learn/safeguarding-essentials',
} satisfies DueDateReminderProps
