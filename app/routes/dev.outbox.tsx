import { Form, Link } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { isDevOutboxEnabled, listOutbox } from '#modules/mail/outbox.ts'
import type { Route } from './+types/dev.outbox'

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'medium',
	timeZone: 'Europe/London',
})

export async function loader({ request }: Route.LoaderArgs) {
	// Emails hold sign-in and reset links: this page must never exist in production.
	if (!isDevOutboxEnabled()) throw new Response('Not Found', { status: 404 })
	const to = new URL(request.url).searchParams.get('to')?.trim() ?? ''
	const messages = await listOutbox({ to: to || undefined, limit: 100 })
	return {
		to,
		messages: messages.map((message) => ({
			id: message.id,
			to: message.to,
			subject: message.subject,
			status: message.status,
			// Formatted on the server so that the page reads the same whatever the browser's time zone.
			createdAt: message.createdAt.toISOString(),
			createdAtLabel: ukDateTime.format(message.createdAt),
		})),
	}
}

export function meta(_: Route.MetaArgs) {
	return pageMeta(
		'Dev outbox — Circle',
		'Emails Circle would have sent, kept here in development instead of being delivered.',
		NOINDEX,
	)
}

const STATUS_LABELS = { QUEUED: 'Queued', SENT: 'Sent', FAILED: 'Failed' } as const

export default function DevOutboxRoute({ loaderData }: Route.ComponentProps) {
	const { to, messages } = loaderData
	return (
		<Container className="py-8 sm:py-10">
			<h1 className="text-3xl font-bold tracking-tight text-brand-900">Dev outbox</h1>
			<p className="mt-2 max-w-prose text-stone-700">
				Every email Circle has sent, newest first. Without an SMTP server configured, this is where they go. This page
				does not exist in production.
			</p>

			<Form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search" aria-label="Filter emails">
				<div className="flex flex-col gap-1">
					<label htmlFor="outbox-to" className="font-medium text-stone-900">
						Recipient’s email address
					</label>
					<input
						id="outbox-to"
						name="to"
						type="email"
						defaultValue={to}
						autoComplete="off"
						className="min-h-11 w-72 max-w-full rounded border border-stone-500 bg-white px-3 py-2 text-stone-900"
					/>
				</div>
				<Button type="submit">Show emails</Button>
				{to ? (
					<Link to="/dev/outbox" className="py-2 text-brand-700 underline hover:no-underline">
						Show all emails
					</Link>
				) : null}
			</Form>

			{messages.length === 0 ? (
				<p className="mt-8 rounded border border-stone-300 bg-white p-4 text-stone-700">
					{to ? `No emails to ${to} yet.` : 'No emails yet.'}
				</p>
			) : (
				<div className="mt-8 relative overflow-x-auto rounded border border-stone-300 bg-white">
					<table className="w-full text-left text-sm">
						<caption className="sr-only">{to ? `Emails to ${to}, newest first` : 'All emails, newest first'}</caption>
						<thead className="bg-stone-100 text-stone-900">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									Subject
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									To
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Status
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Time
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-stone-200">
							{messages.map((message) => (
								<tr key={message.id}>
									<td className="px-4 py-3">
										<Link
											to={`/dev/outbox/${message.id}`}
											className="font-medium text-brand-700 underline hover:no-underline"
										>
											{message.subject}
										</Link>
									</td>
									<td className="px-4 py-3 break-all text-stone-900">{message.to}</td>
									<td className="px-4 py-3 text-stone-900">{STATUS_LABELS[message.status]}</td>
									<td className="px-4 py-3 whitespace-nowrap text-stone-700">
										<time dateTime={message.createdAt}>{message.createdAtLabel}</time>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</Container>
	)
}
