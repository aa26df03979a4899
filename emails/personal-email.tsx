import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type PersonalEmailProps = { name: string; verifyUrl: string }

export function subject(_props: PersonalEmailProps) {
	return 'Confirm your personal email address for Circle'
}

/** Sent to a personal address someone adds to their account, so it can sign them in for life. */
export default function PersonalEmail({ name, verifyUrl }: PersonalEmailProps) {
	return (
		<EmailLayout
			preview="Confirm this address so your Circle record stays yours if you change jobs."
			heading="Confirm your personal email address"
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				You added this address to your Circle account. Once you confirm it, you can sign in with it and reset your
				password with it, so your certificates, CPD and reflections stay with you if your work email or your
				organisation’s sign-in goes away.
			</Paragraph>
			<ActionButton href={verifyUrl}>Confirm this address</ActionButton>
			<SmallPrint>The link works for 48 hours. If you did not add this address, ignore this email: nothing changes.</SmallPrint>
		</EmailLayout>
	)
}

PersonalEmail.PreviewProps = {
	name: 'Sam Taylor',
	verifyUrl: 'http://localhost:3000/account/personal-email?token=preview',
} satisfies PersonalEmailProps
