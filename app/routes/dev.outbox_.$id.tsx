import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { extractLinks, getOutboxMessage, isDevOutboxEnabled } from '#modules/mail/outbox.ts'
import type { Route } from './+types/dev.outbox_.$id'

export async function loader({ params }: Route.LoaderArgs) {
	// Emails hold sign-in and reset links: this page must never exist in production.
	if (!isDevOutboxEnabled()) throw new Response('Not Found', { status: 404 })
	const message = await getOutboxMessage(params.id)
	if (!message) throw new Response('Not Found', { status: 404 })
	return {
		message: {
			id: message.id,
			to: message.to,
			subject: message.subject,
			template: message.template,
			status: message.status,
			error: message.error,
			html: message.html,
			text: message.text,
			createdAt: message.createdAt.toISOString(),
			sentAt: message.sentAt?.toISOString() ?? null,
			attachments: Array.isArray(message.attachments) ? message.attachments.map((a) => JSON.stringify(a)) : [],
		},
		links: extractLinks(message.text),
	}
}

export function meta({ loaderData, matches }: Route.MetaArgs) {
	const t = metaT(matches)
	return pageMeta(
		loaderData
			? t('devOutbox.meta.messageTitle', { ns: 'ui', subject: loaderData.message.subject })
			: t('devOutbox.meta.messageFallback', { ns: 'ui' }),
		t('devOutbox.meta.messageDescription', { ns: 'ui' }),
		NOINDEX,
	)
}

export default function DevOutboxMessageRoute({ loaderData }: Route.ComponentProps) {
	const { message, links } = loaderData
	const { t } = useTranslation('ui')
	const format = useFormat()
	return (
		<Container className="py-8 sm:py-10">
			<p>
				<Link to="/dev/outbox" className="text-brand-700 underline hover:no-underline">
					{t('devOutbox.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-brand-900">{message.subject}</h1>

			<dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded border border-stone-300 bg-white p-4">
				<dt className="font-semibold text-stone-900">{t('devOutbox.facts.to')}</dt>
				<dd className="break-all text-stone-900">{message.to}</dd>
				<dt className="font-semibold text-stone-900">{t('devOutbox.facts.template')}</dt>
				<dd className="text-stone-900">{message.template}</dd>
				<dt className="font-semibold text-stone-900">{t('devOutbox.facts.status')}</dt>
				<dd className="text-stone-900">{t(`devOutbox.status.${message.status}`)}</dd>
				<dt className="font-semibold text-stone-900">{t('devOutbox.facts.created')}</dt>
				<dd className="text-stone-900">
					<time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
				</dd>
				{message.sentAt ? (
					<>
						<dt className="font-semibold text-stone-900">{t('devOutbox.facts.sent')}</dt>
						<dd className="text-stone-900">
							<time dateTime={message.sentAt}>{format.dateTime(message.sentAt)}</time>
						</dd>
					</>
				) : null}
				{message.error ? (
					<>
						<dt className="font-semibold text-stone-900">{t('devOutbox.facts.error')}</dt>
						<dd className="break-words text-red-800">{message.error}</dd>
					</>
				) : null}
				{message.attachments.length > 0 ? (
					<>
						<dt className="font-semibold text-stone-900">{t('devOutbox.facts.attachments')}</dt>
						<dd className="text-stone-900">
							<ul>
								{message.attachments.map((attachment) => (
									<li key={attachment}>
										<code>{attachment}</code>
									</li>
								))}
							</ul>
						</dd>
					</>
				) : null}
			</dl>

			<section aria-labelledby="links-heading" className="mt-8">
				<h2 id="links-heading" className="text-xl font-semibold text-stone-900">
					{t('devOutbox.links')}
				</h2>
				{links.length === 0 ? (
					<p className="mt-2 text-stone-700">{t('devOutbox.noLinks')}</p>
				) : (
					<ul className="mt-2 list-disc space-y-1 pl-6">
						{links.map((link) => (
							<li key={link}>
								<a href={link} className="break-all text-brand-700 underline hover:no-underline">
									{link}
								</a>
							</li>
						))}
					</ul>
				)}
			</section>

			<section aria-labelledby="html-heading" className="mt-8">
				<h2 id="html-heading" className="text-xl font-semibold text-stone-900">
					{t('devOutbox.html')}
				</h2>
				{/* sandbox="" runs no scripts and gives the email no access to this page or its cookies */}
				<iframe
					sandbox=""
					srcDoc={message.html}
					title={t('devOutbox.htmlTitle', { subject: message.subject })}
					className="mt-2 h-[36rem] w-full rounded border border-stone-300 bg-white"
				/>
			</section>

			<section aria-labelledby="text-heading" className="mt-8">
				<h2 id="text-heading" className="text-xl font-semibold text-stone-900">
					{t('devOutbox.text')}
				</h2>
				<pre className="mt-2 relative overflow-x-auto rounded border border-stone-300 bg-white p-4 text-sm whitespace-pre-wrap text-stone-900">
					{message.text}
				</pre>
			</section>
		</Container>
	)
}
