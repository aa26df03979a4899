import { type ReactNode } from 'react'
import { Form, useNavigation } from 'react-router'
import { SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'

// The page behind every List-Unsubscribe link (RFC 8058): the newsletter's and the reminders'. A mail
// provider's one-click POST (body "List-Unsubscribe=One-Click", no cookies) and the button here both
// reach the route's action; opening the link (a GET, which link scanners do too) changes nothing.
// Each route brings its own words and its own way of finding the token.

/** "s•••@example.org": enough for the person to recognise the address, not to learn someone else's. */
export function maskEmail(email: string) {
	const [local = '', domain = ''] = email.split('@')
	return `${local.slice(0, 1)}•••@${domain}`
}

export function OneClickUnsubscribe({
	off,
	words,
	children,
}: {
	/** Unsubscribed already, or just now. */
	off: boolean
	words: { heading: string; doneTitle: string; done: string; question: string; button: string; pending: string }
	/** Shown below in both states (e.g. a link to the person's settings). */
	children?: ReactNode
}) {
	const navigation = useNavigation()
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold text-stone-900">{words.heading}</h1>
			{off ? (
				<Notice tone="success" role="status" title={words.doneTitle} className="mt-6">
					{words.done}
				</Notice>
			) : (
				<>
					<p className="mt-4 text-stone-700">{words.question}</p>
					<Form method="post" className="mt-6">
						<SubmitButton pending={navigation.state === 'submitting'} pendingText={words.pending}>
							{words.button}
						</SubmitButton>
					</Form>
				</>
			)}
			{children}
		</Container>
	)
}
