import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type ResetPasswordProps = { name: string; resetUrl: string }

export function subject(_props: ResetPasswordProps) {
	return 'Reset your Circle password'
}

/** Sent when someone asks to reset the password of an account with this address. */
export default function ResetPassword({ name, resetUrl }: ResetPasswordProps) {
	return (
		<EmailLayout preview="Choose a new password for your Circle account." heading="Reset your password">
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				We received a request to reset the password for your Circle account. Use the button below to choose a new one.
				The link lasts for one hour and can be used once.
			</Paragraph>
			<ActionButton href={resetUrl}>Choose a new password</ActionButton>
			<SmallPrint>
				If you did not ask to reset your password, you can ignore this email: your password will stay as it is.
			</SmallPrint>
		</EmailLayout>
	)
}

ResetPassword.PreviewProps = {
	name: 'Sam Taylor',
	resetUrl: 'http://localhost:3000/reset-password?token=preview',
} satisfies ResetPasswordProps
