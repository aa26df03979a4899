// The shared components show English error messages in the page's language (ADR 0045): notices and
// the error boundary, beside the field and form errors (app/routes/account.password.welsh.test.tsx).
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { throwAsResponse } from '#app/utils/errors.server.ts'
import { serverI18n } from '#modules/i18n/translate.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { GeneralErrorBoundary } from './error-boundary.tsx'
import { Notice } from './ui/notice.tsx'

function render(node: ReactNode, language: 'en' | 'cy') {
	const html = renderToString(
		<I18nextProvider i18n={serverI18n.cloneInstance({ lng: language })}>{node}</I18nextProvider>,
	)
	return html.replaceAll('&#x27;', "'")
}

describe('error messages in shared components', () => {
	test('an error notice given a domain error’s English shows it in Welsh; a success notice is left alone', () => {
		const notice = (
			<>
				<Notice tone="error" title="They have already completed the course." />
				<Notice tone="error">
					This invitation has expired. Ask your organisation’s administrator to send you a new one.
				</Notice>
				<Notice tone="success" title="Invalid input" />
			</>
		)
		const welsh = render(notice, 'cy')
		expect(welsh).toContain("Maent eisoes wedi cwblhau'r cwrs.")
		expect(welsh).toContain("Mae'r gwahoddiad hwn wedi dod i ben")
		expect(welsh).toContain('Invalid input')
		expect(render(notice, 'en')).toContain('They have already completed the course.')
	})

	test('the error boundary shows a thrown domain error’s message in Welsh', async () => {
		const handler = createStaticHandler([
			{
				id: 'page',
				path: '/org/riverside',
				loader: () =>
					throwAsResponse(
						new OrganisationsError(
							'forbidden',
							'NOT_AN_ORGANISATION_ADMIN',
							'Only owners of Riverside School can see this page.',
						),
					),
				Component: () => null,
				ErrorBoundary: () => <GeneralErrorBoundary />,
			},
		])
		const context = await handler.query(new Request('http://localhost/org/riverside'))
		if (context instanceof Response) throw new Error('Expected a page')
		const page = <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />
		expect(render(page, 'cy')).toContain('Dim ond perchnogion Riverside School all weld y dudalen hon.')
		expect(render(page, 'en')).toContain('Only owners of Riverside School can see this page.')
	})
})
