import { EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type MfaChange =
	'totp_enabled' | 'totp_disabled' | 'recovery_codes_regenerated' | 'passkey_added' | 'passkey_removed'
export type MfaChangedProps = { name: string; change: MfaChange }

const WHAT: Record<MfaChange, { subject: string; heading: string; body: string }> = {
	totp_enabled: {
		subject: 'An authenticator app now protects your Circle account',
		heading: 'Two-step sign-in is on',
		body: 'An authenticator app was just set up for your Circle account. From now on, signing in asks for a code from it.',
	},
	totp_disabled: {
		subject: 'The authenticator app was removed from your Circle account',
		heading: 'Your authenticator app was removed',
		body: 'The authenticator app was just removed from your Circle account, with its recovery codes. Signing in no longer asks for a code from it.',
	},
	passkey_added: {
		subject: 'A passkey was added to your Circle account',
		heading: 'A new passkey',
		body: 'A passkey was just added to your Circle account. It can now be used to sign in, and as your second step when you sign in with your password.',
	},
	passkey_removed: {
		subject: 'A passkey was removed from your Circle account',
		heading: 'A passkey was removed',
		body: 'A passkey was just removed from your Circle account. It can no longer be used to sign in.',
	},
	recovery_codes_regenerated: {
		subject: 'New recovery codes for your Circle account',
		heading: 'New recovery codes',
		body: 'A new set of recovery codes was just made for your Circle account. The earlier codes no longer work.',
	},
}

export function subject({ change }: MfaChangedProps) {
	return WHAT[change].subject
}

/** Sent on every change to a person's second factor, so they hear about a change they did not make. */
export default function MfaChanged({ name, change }: MfaChangedProps) {
	return (
		<EmailLayout preview={WHAT[change].body} heading={WHAT[change].heading}>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>{WHAT[change].body}</Paragraph>
			<SmallPrint>
				If you made this change, there is nothing more to do. If you did not, please reset your password straight away
				from the sign-in page, check your sessions under Account, Security, and let us know by replying to this email.
			</SmallPrint>
		</EmailLayout>
	)
}

MfaChanged.PreviewProps = { name: 'Sam Taylor', change: 'totp_enabled' } satisfies MfaChangedProps
