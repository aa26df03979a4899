import { ActionButton, EmailLayout, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

export type CertificateExpiryReminderProps = {
	name: string
	courseTitle: string
	/** The certificate's last valid day in words: "5 December 2027". */
	validUntilText: string
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

export function subject({ courseTitle, daysLeft }: CertificateExpiryReminderProps) {
	return daysLeft < 0
		? `Your ${courseTitle} certificate has expired`
		: `Your ${courseTitle} certificate expires in ${daysLeft === 1 ? '1 day' : `${daysLeft} days`}`
}

/** Before (and the day after) a certificate expires: how to renew it. */
export default function CertificateExpiryReminder({
	name,
	courseTitle,
	validUntilText,
	daysLeft,
	organisationName,
	renewUrl,
	renewTitle,
	unsubscribeUrl,
}: CertificateExpiryReminderProps) {
	const expired = daysLeft < 0
	const refresher = renewTitle !== courseTitle
	return (
		<EmailLayout
			preview={expired ? `It was valid until ${validUntilText}.` : `It is valid until ${validUntilText}.`}
			heading={expired ? 'Your certificate has expired' : 'Your certificate expires soon'}
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Your certificate for “{courseTitle}” {expired ? 'was' : 'is'} valid until {validUntilText}.{' '}
				{organisationName
					? `${organisationName} requires it to be kept in date.`
					: 'Renew it to keep your record in date.'}{' '}
				{refresher
					? `You can renew it by taking the shorter refresher, “${renewTitle}”.`
					: 'Renew it by taking the course again.'}
			</Paragraph>
			<ActionButton href={renewUrl}>{refresher ? 'Take the refresher' : 'Renew your certificate'}</ActionButton>
			<SmallPrint>
				Your earlier certificate stays in your portfolio and can still be verified, with its dates.
				{unsubscribeUrl ? (
					<>
						{' '}
						Do not want reminders about courses nobody asked you to take?{' '}
						<TextLink href={unsubscribeUrl}>Switch them off</TextLink>.
					</>
				) : null}
			</SmallPrint>
		</EmailLayout>
	)
}

CertificateExpiryReminder.PreviewProps = {
	name: 'Sam Taylor',
	courseTitle: 'Safeguarding essentials',
	validUntilText: '5 December 2027',
	daysLeft: 30,
	organisationName: 'Riverside Academy Trust',
	renewUrl: 'http://localhost:3000/learn/safeguarding-refresher',
	renewTitle: 'Safeguarding refresher',
} satisfies CertificateExpiryReminderProps
