// A person using Circle in Welsh reads form and domain errors in Welsh (ADR 0045): the real action
// answers (in English, as logs and scripts see it), and the page renders its errors in the language
// the request was answered in, through the shared field and form error components.
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import {
	type ActionFunctionArgs,
	createStaticHandler,
	createStaticRouter,
	type LoaderFunctionArgs,
	StaticRouterProvider,
	useActionData,
	useLoaderData,
} from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { createSession } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { serverI18n } from '#modules/i18n/translate.ts'
import { createTestUser, formRequest, releaseTestResources } from '#tests/factories/auth.ts'
import ChangePasswordRoute, { action, loader } from './account.password.tsx'

afterAll(releaseTestResources)

const context = { clientIp: '2001:db8::48', cspNonce: 'test' }
type Props = Parameters<typeof ChangePasswordRoute>[0]

/** Posts the form and renders the page the way the server does, in the request's language. */
async function submitAndRender(fields: Record<string, string>, cookie: string) {
	const request = formRequest('/account/password', fields, { cookie })
	const handler = createStaticHandler([
		{
			id: 'password',
			path: '/account/password',
			loader: (a: LoaderFunctionArgs) => loader({ ...a, context } as unknown as Parameters<typeof loader>[0]),
			action: (a: ActionFunctionArgs) => action({ ...a, context } as unknown as Parameters<typeof action>[0]),
			Component: function Page() {
				const props = { loaderData: useLoaderData(), actionData: useActionData(), params: {}, matches: [] }
				return <ChangePasswordRoute {...(props as unknown as Props)} />
			},
		},
	])
	const result = await handler.query(request.clone())
	if (result instanceof Response) throw new Error(`Expected a page, got a ${result.status} response`)
	const i18n = serverI18n.cloneInstance({ lng: await getLanguage(request) })
	const html = renderToString(
		<I18nextProvider i18n={i18n}>
			<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, result)} context={result} />
		</I18nextProvider>,
	)
	// What a reader sees: apostrophes unescaped, and without the hydration data (the action's reply,
	// which keeps its English).
	const page = html.replaceAll('&#x27;', "'").replace(/<script>[\s\S]*?<\/script>/g, '')
	return { html: page, actionData: JSON.stringify(result.actionData) }
}

async function welshSpeaker() {
	const user = await createTestUser()
	await prisma.user.update({ where: { id: user.id }, data: { language: 'cy' } })
	const { token } = await createSession({ userId: user.id })
	return { user, cookie: `circle_session=${token}` }
}

describe('errors on /account/password for a person who uses Circle in Welsh', () => {
	test('a field error from the schema is shown in Welsh, with its limit', async () => {
		const { user, cookie } = await welshSpeaker()
		const { html, actionData } = await submitAndRender(
			{ currentPassword: user.password, newPassword: 'short', confirmPassword: 'short' },
			cookie,
		)
		expect(html).toMatch(/Rhaid i'r cyfrinair fod yn \d+ nod neu fwy/)
		expect(html).not.toMatch(/Password must be \d+ characters or more/)
		// The action's reply keeps the English that logs and scripts see.
		expect(actionData).toMatch(/Password must be \d+ characters or more/)
	})

	test('a domain error is shown in Welsh beside its field', async () => {
		const { cookie } = await welshSpeaker()
		const { html } = await submitAndRender(
			{ currentPassword: 'not my password', newPassword: 'a brand new secret', confirmPassword: 'a brand new secret' },
			cookie,
		)
		expect(html).toContain('Mae eich cyfrinair presennol yn anghywir')
		expect(html).not.toContain('Your current password is incorrect')
		expect(html).toContain('id="change-password-currentPassword-error"')
	})

	test('in English the same errors are the English, exactly', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const { html } = await submitAndRender(
			{ currentPassword: 'not my password', newPassword: 'a brand new secret', confirmPassword: 'a brand new secret' },
			`circle_session=${token}`,
		)
		expect(html).toContain('Your current password is incorrect')
	})
})
