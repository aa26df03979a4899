// The lazily loaded sign-up form renders on the server as the form itself did: in the page's HTML,
// in one piece, never a fallback to be filled in by a streamed chunk later.
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import { expect, test } from 'vitest'
import { serverI18n } from '#modules/i18n/translate.ts'
import { LazyNewsletterSignupForm } from './lazy-signup-form.tsx'
import { NewsletterSignupForm } from './signup-form.tsx'

async function render(element: React.ReactNode) {
	const routes = [{ id: 'page', path: '/', Component: () => element }]
	const context = await createStaticHandler(routes).query(new Request('http://localhost/'))
	if (context instanceof Response) throw new Error('Expected a page')
	return renderToString(
		<I18nextProvider i18n={serverI18n.cloneInstance({ lng: 'cy' })}>
			<StaticRouterProvider router={createStaticRouter(routes, context)} context={context} hydrate={false} />
		</I18nextProvider>,
	)
}

test('the server renders the lazily loaded form as the form, at once, in the page', async () => {
	// The module starts loading the form when the server imports it (import.meta.env.SSR).
	await import('./signup-form.tsx')
	await new Promise((resolve) => setTimeout(resolve, 0))
	const html = await render(<LazyNewsletterSignupForm source="footer" className="max-w-3xl" />)
	// A boundary that suspended would be `<!--$?-->` (pending) or `<!--$!-->` (left to the browser).
	expect(html).toMatch(/^<!--\$-->/)
	expect(html).not.toMatch(/<!--\$[?!]-->/)
	expect(html).toContain('action="/newsletter/subscribe"')
	expect(html).toContain('Ymunwch â’r cylch mewnol')
	// The same markup as the form imported directly, inside the boundary's markers.
	const direct = await render(<NewsletterSignupForm source="footer" className="max-w-3xl" />)
	expect(html).toBe(`<!--$-->${direct}<!--/$-->`)
})
