import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { findUnsubscribeLink, unsubscribeWithToken } from '#modules/reminders/preferences.ts'
import type { Route } from './+types/unsubscribe.$token'

// The link in a nudge's List-Unsubscribe header (RFC 8058) and at its foot. A mail provider's
// one-click POST (body "List-Unsubscribe=One-Click", no cookies) and the button on this page both
// reach the action; opening the link (a GET, which link scanners do too) changes nothing.

export const meta: Route.MetaFunction = () =>
	pageMeta('Stop nudges and optional reminders | Circle', 'Switch off optional reminder emails from Circle.', NOINDEX)

const notFound = () =>
	data({ message: 'This unsubscribe link is not valid. It may have been copied incompletely.' }, { status: 404 })

/** "s•••@example.org": enough for the person to recognise the address, not to learn someone else's. */
function maskEmail(email: string) {
	const [local = '', domain = ''] = email.split('@')
	return `${local.slice(0, 1)}•••@${domain}`
}

export async function loader({ params }: Route.LoaderArgs) {
	if (params.token.length > 100) throw notFound()
	const link = await findUnsubscribeLink({ token: params.token })
	if (!link) throw notFound()
	return { email: maskEmail(link.email), alreadyOff: link.optionalOff }
}

export async function action({ params, request, context }: Route.ActionArgs) {
	if (params.token.length > 100) throw notFound()
	await withDomainErrors(() =>
		unsubscribeWithToken({
			token: params.token,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		}),
	)
	return { done: true }
}

export default function UnsubscribeRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const off = Boolean(actionData?.done) || loaderData.alreadyOff
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold text-stone-900">Stop nudges and optional reminders</h1>
			{off ? (
				<Notice tone="success" role="status" title="Done" className="mt-6">
					{loaderData.email} will not get nudges, or reminders about courses nobody asked them to take, any more.
					Reminders about training an organisation requires still arrive.
				</Notice>
			) : (
				<>
					<p className="mt-4 text-stone-700">
						Stop sending {loaderData.email} friendly nudges about paused courses, and reminders before a certificate
						expires for courses nobody asked them to take? Reminders about training an organisation requires still
						arrive.
					</p>
					<Form method="post" className="mt-6">
						<SubmitButton pending={navigation.state === 'submitting'} pendingText="Stopping…">
							Stop these emails
						</SubmitButton>
					</Form>
				</>
			)}
			<p className="mt-8 text-stone-700">
				You can change this at any time in{' '}
				<Link to="/account/reminders" className="font-medium text-brand-700 underline underline-offset-2">
					your account’s reminder settings
				</Link>
				.
			</p>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
