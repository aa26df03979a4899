import { EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type PasswordChangedProps = { name: string }

export function subject(_props: PasswordChangedProps) {
	return 'Your Circle password has been changed'
}

/** Sent after any password change, so that the owner hears about a change they did not make. */
export default function PasswordChanged({ name }: PasswordChangedProps) {
	return (
		<EmailLayout preview="The password for your Circle account was changed." heading="Your password has been changed">
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				The password for your Circle account has just been changed, and you have been signed out on your other devices.
			</Paragraph>
			<SmallPrint>
				If you made this change, there is nothing more to do. If you did not, please reset your password straight away
				from the sign-in page and let us know by replying to this email.
			</SmallPrint>
		</EmailLayout>
	)
}

PasswordChanged.PreviewProps = { name: 'Sam Taylor' } satisfies PasswordChangedProps
