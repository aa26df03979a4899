import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type CertificateExpiryReminderProps = {
	name: string
	courseTitle: string
	validUntil: Date
	/** Whole days until it expires: negative once it has expired. */
	daysLeft: number
	/** The organisation that requires it, or null for a course the learner took on their own. */
	organisationName: string | null
	/** Where to renew: the course, or the shorter refresher course the trainer named. */
	renewUrl: string
	renewTitle: string
	/** Set on optional reminders (no organisation requires the course): where to switch them off. */
	unsubscribeUrl?: string
}

export function subject({ courseTitle, daysLeft }: CertificateExpiryReminderProps, t: EmailT) {
	return daysLeft < 0
		? t('certificateExpiryReminder.subjectExpired', { courseTitle })
		: t('certificateExpiryReminder.subject', { count: daysLeft, courseTitle })
}

/** Before (and the day after) a certificate expires: how to renew it. */
export default function CertificateExpiryReminder({
	name,
	courseTitle,
	validUntil,
	daysLeft,
	organisationName,
	renewUrl,
	renewTitle,
	unsubscribeUrl,
}: CertificateExpiryReminderProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const validUntilText = format.day(validUntil)
	const expired = daysLeft < 0
	const refresher = renewTitle !== courseTitle
	return (
		<EmailLayout
			preview={
				expired
					? t('certificateExpiryReminder.previewExpired', { validUntilText })
					: t('certificateExpiryReminder.preview', { validUntilText })
			}
			heading={expired ? t('certificateExpiryReminder.headingExpired') : t('certificateExpiryReminder.heading')}
		>
			<Greeting name={name} />
			<Paragraph>
				{expired
					? t('certificateExpiryReminder.validExpired', { courseTitle, validUntilText })
					: t('certificateExpiryReminder.valid', { courseTitle, validUntilText })}{' '}
				{organisationName
					? t('certificateExpiryReminder.required', { organisationName })
					: t('certificateExpiryReminder.keepInDate')}{' '}
				{refresher ? t('certificateExpiryReminder.refresher', { renewTitle }) : t('certificateExpiryReminder.again')}
			</Paragraph>
			<ActionButton href={renewUrl}>
				{refresher ? t('certificateExpiryReminder.takeRefresher') : t('certificateExpiryReminder.renew')}
			</ActionButton>
			<SmallPrint>
				{t('certificateExpiryReminder.small')}
				{unsubscribeUrl ? (
					<>
						{' '}
						<Trans
							t={t}
							i18nKey="certificateExpiryReminder.unsubscribe"
							components={{ a: <TextLink href={unsubscribeUrl} /> }}
						/>
					</>
				) : null}
			</SmallPrint>
		</EmailLayout>
	)
}

CertificateExpiryReminder.PreviewProps = {
	name: 'Sam Taylor',
	courseTitle: 'Safeguarding essentials',
	validUntil: new Date('2027-12-05T00:00:00Z'),
	daysLeft: 30,
	organisationName: 'Riverside Academy Trust',
	renewUrl: 'http://localhost:3000/learn/safeguarding-refresher',
	renewTitle: 'Safeguarding refresher',
} satisfies CertificateExpiryReminderProps
