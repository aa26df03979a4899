import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { isDevOutboxEnabled, listOutbox } from '#modules/mail/outbox.ts'
import type { Route } from './+types/dev.outbox'

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
			createdAt: message.createdAt.toISOString(),
		})),
	}
}

export function meta({ matches }: Route.MetaArgs) {
	const t = metaT(matches)
	return pageMeta(t('devOutbox.meta.title', { ns: 'ui' }), t('devOutbox.meta.description', { ns: 'ui' }), NOINDEX)
}

export default function DevOutboxRoute({ loaderData }: Route.ComponentProps) {
	const { to, messages } = loaderData
	const { t } = useTranslation('ui')
	// UK time whatever the browser's time zone (formatDateTime fixes Europe/London).
	const format = useFormat()
	return (
		<Container className="py-8 sm:py-10">
			<h1 className="text-3xl font-bold tracking-tight text-brand-900">{t('devOutbox.heading')}</h1>
			<p className="mt-2 max-w-prose text-stone-700">{t('devOutbox.intro')}</p>

			<Form
				method="get"
				className="mt-6 flex flex-wrap items-end gap-3"
				role="search"
				aria-label={t('devOutbox.filterLabel')}
			>
				<div className="flex flex-col gap-1">
					<label htmlFor="outbox-to" className="font-medium text-stone-900">
						{t('devOutbox.recipient')}
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
				<Button type="submit">{t('devOutbox.show')}</Button>
				{to ? (
					<Link to="/dev/outbox" className="py-2 text-brand-700 underline hover:no-underline">
						{t('devOutbox.showAll')}
					</Link>
				) : null}
			</Form>

			{messages.length === 0 ? (
				<p className="mt-8 rounded border border-stone-300 bg-white p-4 text-stone-700">
					{to ? t('devOutbox.noneTo', { to }) : t('devOutbox.none')}
				</p>
			) : (
				<div className="mt-8 relative overflow-x-auto rounded border border-stone-300 bg-white">
					<table className="w-full text-left text-sm">
						<caption className="sr-only">{to ? t('devOutbox.captionTo', { to }) : t('devOutbox.caption')}</caption>
						<thead className="bg-stone-100 text-stone-900">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('devOutbox.columns.subject')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('devOutbox.columns.to')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('devOutbox.columns.status')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('devOutbox.columns.time')}
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
									<td className="px-4 py-3 text-stone-900">{t(`devOutbox.status.${message.status}`)}</td>
									<td className="px-4 py-3 whitespace-nowrap text-stone-700">
										<time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
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
