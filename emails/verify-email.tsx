import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type VerifyEmailProps = { name: string; verifyUrl: string }

export function subject(_props: VerifyEmailProps) {
	return 'Confirm your email address for Circle'
}

/** Sent after sign-up (and on request) so that we know the address belongs to the learner. */
export default function VerifyEmail({ name, verifyUrl }: VerifyEmailProps) {
	return (
		<EmailLayout
			preview="One click to confirm your email address and start learning."
			heading="Confirm your email address"
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Thank you for joining Circle. Please confirm that this is your email address, so that we can send you your
				certificates and keep your account safe.
			</Paragraph>
			<ActionButton href={verifyUrl}>Confirm my email address</ActionButton>
			<SmallPrint>
				If you did not create a Circle account, you can ignore this email and nothing will happen.
			</SmallPrint>
		</EmailLayout>
	)
}

VerifyEmail.PreviewProps = {
	name: 'Sam Taylor',
	verifyUrl: 'http://localhost:3000/verify-email?token=preview',
} satisfies VerifyEmailProps
