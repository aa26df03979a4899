import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type SsoLinkProps = { name: string; organisationName: string; linkUrl: string }

export function subject(_props: SsoLinkProps) {
	return 'Link your work sign-in to your Circle account'
}

/** Sent when someone signs in with their organisation's identity provider and a Circle account already has their address. */
export default function SsoLink({ name, organisationName, linkUrl }: SsoLinkProps) {
	return (
		<EmailLayout
			preview={`Confirm that ${organisationName}'s sign-in may open your Circle account.`}
			heading="Link your work sign-in"
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Someone just signed in to Circle through {organisationName}&apos;s single sign-on with this email address, which
				already has a Circle account. If that was you, use the button below to link the two: from then on you can sign
				in with your work account. The link lasts for one hour and can be used once.
			</Paragraph>
			<ActionButton href={linkUrl}>Link my work sign-in</ActionButton>
			<SmallPrint>
				If this was not you, ignore this email: nothing is linked without it, and your password stays as it is.
			</SmallPrint>
		</EmailLayout>
	)
}

SsoLink.PreviewProps = {
	name: 'Sam Taylor',
	organisationName: 'Riverside Academy Trust',
	linkUrl: 'http://localhost:3000/sso/link?token=preview',
} satisfies SsoLinkProps
