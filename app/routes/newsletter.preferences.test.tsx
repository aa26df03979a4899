// A subscriber whose address the mail provider reported (a hard bounce or a spam complaint, ADR 0046)
// gets no newsletter whatever their status; their preferences page must say so, with the date and
// how to lift it, in their language, rather than claim they are subscribed.
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createStaticHandler, createStaticRouter, StaticRouterProvider, useLoaderData } from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { serverI18n } from '#modules/i18n/translate.ts'
import { applyMailFeedback } from '#modules/newsletter/mail-feedback.ts'
import { getRequest, releaseTestResources, uniqueEmail } from '#tests/factories/auth.ts'
import { runRoute } from '#tests/factories/routes.ts'
import Page, { loader } from './newsletter.preferences.$token.tsx'

afterAll(releaseTestResources)

async function confirmedSubscriber() {
	const email = uniqueEmail('suppressed')
	return prisma.newsletterSubscriber.create({
		data: { email, status: 'CONFIRMED', sectors: [], unsubscribeToken: `pref-${email}` },
		select: { email: true, unsubscribeToken: true },
	})
}

async function renderPage(token: string, language: 'en' | 'cy') {
	const handler = createStaticHandler([
		{
			id: 'page',
			path: '/newsletter/preferences/:token',
			loader: ({ request }) => runRoute(loader, request, { token }),
			// The route's own component, given its loader's data as React Router would.
			Component: function Route() {
				return <Page loaderData={useLoaderData()} actionData={undefined} params={{ token }} matches={[] as never} />
			},
		},
	])
	const context = await handler.query(getRequest(`/newsletter/preferences/${token}`))
	if (context instanceof Response) throw new Error('Expected a page')
	const html = renderToString(
		<I18nextProvider i18n={serverI18n.cloneInstance({ lng: language })}>
			<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />
		</I18nextProvider>,
	)
	return html.replaceAll('&#x27;', "'").replaceAll('&#x2019;', '’')
}

describe('/newsletter/preferences/:token for a suppressed address', () => {
	test('a hard bounce: the page says the newsletter stopped, since when, and links to the contact page', async () => {
		const subscriber = await confirmedSubscriber()
		const before = await renderPage(subscriber.unsubscribeToken, 'en')
		expect(before).not.toContain('We can no longer send the newsletter')

		const now = new Date('2026-11-03T10:00:00Z')
		await applyMailFeedback({
			event: { type: 'bounce', bounceType: 'hard', email: subscriber.email, occurredAt: now.toISOString() },
			now,
		})
		const english = await renderPage(subscriber.unsubscribeToken, 'en')
		expect(english).toContain('We can no longer send the newsletter to this address')
		expect(english).toContain('On 3 November 2026 your mail provider told us this address cannot receive email')
		expect(english).toContain('href="/contact"')
		const welsh = await renderPage(subscriber.unsubscribeToken, 'cy')
		expect(welsh).toContain('Ni allwn anfon y cylchlythyr')
		expect(welsh).toContain('3 Tachwedd 2026')
	})

	test('a spam complaint is told as a complaint, not a bounce', async () => {
		const subscriber = await confirmedSubscriber()
		const now = new Date('2026-11-04T10:00:00Z')
		await applyMailFeedback({
			event: { type: 'complaint', email: subscriber.email, occurredAt: now.toISOString() },
			now,
		})
		const english = await renderPage(subscriber.unsubscribeToken, 'en')
		expect(english).toContain('was reported as spam')
		expect(english).not.toContain('cannot receive email')
	})
})
