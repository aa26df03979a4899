import { afterAll, describe, expect, test } from 'vitest'
import { signUp } from '#modules/auth/sign-up.ts'
import {
	formRequest,
	getRequest,
	latestEmailLink,
	releaseTestResources,
	TEST_PASSWORD,
	uniqueEmail,
	uniqueIp,
	sessionOf,
} from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { action, loader } from './_auth.verify-email.tsx'

afterAll(releaseTestResources)

type LoaderArgs = Parameters<typeof loader>[0]
type ActionArgs = Parameters<typeof action>[0]

async function newAccount() {
	const email = uniqueEmail('verify-route')
	const result = await signUp({ name: 'Jo', email, password: TEST_PASSWORD, ipAddress: uniqueIp() })
	const { userId } = result
	const session = sessionOf(result)
	return { userId, email, cookie: `circle_session=${session.token}` }
}

describe('/verify-email', () => {
	test('the emailed link confirms the address, even when opened signed out', async () => {
		const { userId, email } = await newAccount()
		const { token } = await latestEmailLink({ to: email, path: '/verify-email' })
		const result = await loader({ request: getRequest(`/verify-email?token=${token}`) } as unknown as LoaderArgs)
		expect(result).toEqual({ state: 'verified', signedIn: false })
		const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } })
		expect(user.emailVerifiedAt).toBeInstanceOf(Date)
	})

	test('a broken link explains itself and offers a new one to the signed-in owner', async () => {
		const { cookie } = await newAccount()
		const result = await loader({
			request: getRequest(`/verify-email?token=${'c'.repeat(52)}`, { cookie }),
		} as unknown as LoaderArgs)
		expect(result).toMatchObject({ state: 'failed', canResend: true })
	})

	test('a signed-in unverified user can ask for a new link', async () => {
		const { email, cookie } = await newAccount()
		const waiting = await loader({ request: getRequest('/verify-email', { cookie }) } as unknown as LoaderArgs)
		expect(waiting).toEqual({ state: 'waiting', email })

		const result = await action({
			request: formRequest('/verify-email', {}, { cookie }),
			params: {},
			context: { clientIp: uniqueIp(), cspNonce: 'test' },
		} as unknown as ActionArgs)
		expect(result).toEqual({ sent: true, email, error: null })
		expect(await prisma.emailMessage.count({ where: { to: email, template: 'verify-email' } })).toBe(2)
	})

	test('visitors without a link are asked to log in first', async () => {
		const thrown = (await loader({ request: getRequest('/verify-email') } as unknown as LoaderArgs).catch(
			(e: unknown) => e,
		)) as Response
		expect(thrown.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: '/verify-email' })}`)
	})
})
