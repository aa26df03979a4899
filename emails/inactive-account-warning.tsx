import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type InactiveAccountWarningProps = {
	name: string
	signInUrl: string
	/** When the account will be erased unless someone signs in, for a UK reader ("Tuesday 5 January 2027"). */
	erasedOn: string
	/** How long nobody has signed in, in words ("three years" or "1,095 days"). */
	inactiveFor: string
}

export function subject(_props: InactiveAccountWarningProps) {
	return 'Your Circle account will be erased unless you sign in'
}

/** The warning before the retention job erases an account nobody has used for the configured period. */
export default function InactiveAccountWarning({
	name,
	signInUrl,
	erasedOn,
	inactiveFor,
}: InactiveAccountWarningProps) {
	return (
		<EmailLayout preview={`Sign in before ${erasedOn} to keep your account.`} heading="Do you still want your account?">
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Nobody has signed in to your Circle account for {inactiveFor}. We do not keep personal data longer than we need
				it, so on {erasedOn} we will erase your account: your details, learning, reflections and CPD record.
			</Paragraph>
			<Paragraph>
				To keep it, just sign in before then. Before you decide, you can download a copy of your data from your
				account’s “Your data” page.
			</Paragraph>
			<ActionButton href={signInUrl}>Sign in to keep your account</ActionButton>
			<SmallPrint>Certificates you were issued can still be verified after erasure, without your name.</SmallPrint>
		</EmailLayout>
	)
}

InactiveAccountWarning.PreviewProps = {
	name: 'Sam Taylor',
	signInUrl: 'http://localhost:3000/login',
	erasedOn: 'Tuesday 5 January 2027',
	inactiveFor: '1,065 days',
} satisfies InactiveAccountWarningProps
