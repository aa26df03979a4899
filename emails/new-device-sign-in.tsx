import { EmailLayout, Paragraph, SmallPrint, TextLink } from './components/layout.tsx'

export type NewDeviceSignInProps = {
	name: string
	/** "Chrome on Windows". */
	device: string
	/** "5 December 2026 at 21:46" (UK time). */
	when: string
	/** Part of the IP address ("81.2.x.x"), or null. */
	network: string | null
	securityUrl: string
}

export function subject(_props: NewDeviceSignInProps) {
	return 'A new sign-in to your Circle account'
}

/** Sent when someone signs in from a browser the account has not used before. */
export default function NewDeviceSignIn({ name, device, when, network, securityUrl }: NewDeviceSignInProps) {
	return (
		<EmailLayout preview={`Your Circle account was signed in to from ${device}.`} heading="A new sign-in">
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Your Circle account was signed in to from a device we have not seen before: {device}, on {when}
				{network ? ` (from ${network})` : ''}.
			</Paragraph>
			<Paragraph>
				If this was you, there is nothing more to do. You can see and end your sessions on your{' '}
				<TextLink href={securityUrl}>security page</TextLink>.
			</Paragraph>
			<SmallPrint>
				If it was not you, change your password straight away, sign out of the session on your security page, and let us
				know by replying to this email.
			</SmallPrint>
		</EmailLayout>
	)
}

NewDeviceSignIn.PreviewProps = {
	name: 'Sam Taylor',
	device: 'Chrome on Windows',
	when: '5 December 2026 at 21:46',
	network: '81.2.x.x',
	securityUrl: 'https://circle.example/account/security',
} satisfies NewDeviceSignInProps
