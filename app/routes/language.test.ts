import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { getLanguage, languageCookie } from '#app/utils/i18n.server.ts'
import { action } from './language.ts'

afterAll(releaseTestResources)

async function langCookie(language: string) {
	const header = await languageCookie().serialize(language)
	return header.split(';')[0]!
}

describe('the language switcher (POST /language)', () => {
	test('a visitor choosing Welsh gets a cookie and the same page back', async () => {
		const result = await runRoute(
			action,
			formRequest('/language', { language: 'cy', redirectTo: '/courses?sector=SCHOOLS' }),
		)
		expect(result).toBeInstanceOf(Response)
		const response = result as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/courses?sector=SCHOOLS')
		const setCookie = response.headers.get('Set-Cookie') ?? ''
		expect(setCookie).toMatch(/^circle_lang=/)
		expect(setCookie).toMatch(/HttpOnly/i)
		expect(await languageCookie().parse(setCookie.split(';')[0]!)).toBe('cy')
	})

	test('a signed-in person’s choice is saved on their account, and wins over the cookie', async () => {
		const user = await createTestUser()
		const cookie = await sessionCookie(user.id)
		await runRoute(action, formRequest('/language', { language: 'cy', redirectTo: '/dashboard' }, { cookie }))
		const saved = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { language: true } })
		expect(saved.language).toBe('cy')
		// On another device with an English cookie, the account's choice still decides.
		expect(await getLanguage(getRequest('/dashboard', { cookie: `${cookie}; ${await langCookie('en')}` }))).toBe('cy')
	})

	test('an unsupported language is refused with a message, and nothing is set', async () => {
		const result = await runRoute(action, formRequest('/language', { language: 'fr', redirectTo: '/' }))
		expect(statusOf(result)).toBe(400)
		expect(JSON.stringify(result)).toContain('Cymraeg')
	})

	test('the way back is a path on this site, never another host', async () => {
		const result = (await runRoute(
			action,
			formRequest('/language', { language: 'en', redirectTo: '//evil.example/x' }),
		)) as Response
		expect(result.headers.get('Location')).toBe('/')
	})
})

describe('which language a request is answered in', () => {
	test('English by default, the cookie when set, and the browser’s Welsh when asked for', async () => {
		expect(await getLanguage(getRequest('/'))).toBe('en')
		expect(await getLanguage(getRequest('/', { cookie: await langCookie('cy') }))).toBe('cy')
		const welshBrowser = new Request('http://localhost/', { headers: { 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5' } })
		expect(await getLanguage(welshBrowser)).toBe('cy')
		const frenchBrowser = new Request('http://localhost/', { headers: { 'Accept-Language': 'fr-FR' } })
		expect(await getLanguage(frenchBrowser)).toBe('en')
	})
})
