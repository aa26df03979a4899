import { describe, expect, test } from 'vitest'
import { requestPasswordReset } from '#modules/auth/request-password-reset.ts'
import { uniqueEmail } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { extractLinks, findLatestEmail } from '#modules/mail/outbox.ts'
import { appUrl, parseEnv } from './env.ts'
import type * as RequestOrigin from './request-origin.ts'
import { currentRequestOrigin, loopbackOrigin, withRequestOrigin } from './request-origin.ts'

describe('loopbackOrigin', () => {
	test('follows localhost, 127.x.x.x and [::1], with or without a port', () => {
		expect(loopbackOrigin({ host: '127.0.0.1:3000', protocol: 'http' })).toBe('http://127.0.0.1:3000')
		expect(loopbackOrigin({ host: 'LocalHost:3108', protocol: 'http' })).toBe('http://localhost:3108')
		expect(loopbackOrigin({ host: '[::1]:3000', protocol: 'http' })).toBe('http://[::1]:3000')
		expect(loopbackOrigin({ host: '127.0.1.1', protocol: 'https' })).toBe('https://127.0.1.1')
	})

	test('refuses any other host, so a forged Host header cannot steer links elsewhere', () => {
		for (const host of [
			'evil.example',
			'localhost.evil.example',
			'127.0.0.1.evil.example',
			'evil.example#localhost',
			'localhost:3000@evil.example',
			'localhost:3000/evil',
			'10.0.0.5:3000',
			'',
			undefined,
		]) {
			expect(loopbackOrigin({ host, protocol: 'http' }), String(host)).toBeNull()
		}
		expect(loopbackOrigin({ host: 'localhost:3000', protocol: 'javascript' })).toBeNull()
	})
})

test('a second copy of the module (the server build, Vite in development) sees the same request origin', async () => {
	const copy = (await import(/* @vite-ignore */ `./request-origin.ts?copy=${Date.now()}`)) as typeof RequestOrigin
	expect(copy.withRequestOrigin).not.toBe(withRequestOrigin)
	expect(withRequestOrigin('http://127.0.0.1:3000', () => copy.currentRequestOrigin())).toBe('http://127.0.0.1:3000')
})

describe('appUrl', () => {
	const development = parseEnv({ NODE_ENV: 'development', PORT: '3000' })

	test('without APP_URL in development, links follow the loopback origin of the request', () => {
		expect(withRequestOrigin('http://127.0.0.1:3000', () => appUrl(development))).toBe('http://127.0.0.1:3000')
		expect(appUrl(development)).toBe('http://localhost:3000')
		expect(withRequestOrigin(null, () => currentRequestOrigin())).toBeNull()
	})

	test('APP_URL, when set, always wins', () => {
		const env = parseEnv({ NODE_ENV: 'development', APP_URL: 'https://circle.example/' })
		expect(withRequestOrigin('http://127.0.0.1:3000', () => appUrl(env))).toBe('https://circle.example')
	})

	test('production never follows the request', () => {
		const env = parseEnv({ NODE_ENV: 'production', PORT: '3000' })
		expect(withRequestOrigin('http://127.0.0.1:3000', () => appUrl(env))).toBe('http://localhost:3000')
	})

	test('an email sent while handling a request to 127.0.0.1 links to 127.0.0.1', async () => {
		const email = uniqueEmail()
		await prisma.user.create({ data: { email, name: 'Rhian Reset', passwordHash: 'x', emailVerifiedAt: new Date() } })
		await withRequestOrigin('http://127.0.0.1:3108', () =>
			requestPasswordReset({ email, ipAddress: `10.9.${Math.floor(Math.random() * 250)}.1` }),
		)
		const message = await findLatestEmail({ to: email })
		const links = extractLinks(message!.text)
		expect(links.some((link) => link.startsWith('http://127.0.0.1:3108/reset-password?token='))).toBe(true)
		expect(links.every((link) => !link.includes('localhost'))).toBe(true)
	})
})
