import crypto from 'node:crypto'
import pg from 'pg'
import { afterAll, expect, test, vi } from 'vitest'
import { assertNotThrottled, closeThrottles, consumeThrottle, resetThrottle, THROTTLES } from './throttle.ts'

afterAll(() => closeThrottles())

test('throttles count in PostgreSQL with unnamed statements only, so they work through PgBouncer in transaction mode', async () => {
	// A named statement is prepared once per connection and only bound afterwards: through a pooler
	// in transaction mode that bind can reach a server connection that never saw it (ADR 0048).
	const sent = vi.spyOn(pg.Client.prototype, 'query')
	const key = `throttle-${crypto.randomUUID()}@example.org`
	try {
		for (let i = 0; i < THROTTLES.newsletterSignupPerAddress.points; i++) {
			await consumeThrottle('newsletterSignupPerAddress', key)
		}
		await expect(consumeThrottle('newsletterSignupPerAddress', key)).rejects.toMatchObject({
			code: 'TOO_MANY_ATTEMPTS',
		})
		await expect(assertNotThrottled('newsletterSignupPerAddress', key)).rejects.toMatchObject({
			code: 'TOO_MANY_ATTEMPTS',
		})
		await resetThrottle('newsletterSignupPerAddress', key)
		await assertNotThrottled('newsletterSignupPerAddress', key)

		const configs = sent.mock.calls
			.map(([config]) => config as unknown)
			.filter((c): c is { text: string; name?: string } => typeof c === 'object' && c !== null && 'text' in c)
		expect(configs.length).toBeGreaterThanOrEqual(6)
		expect(configs.filter((c) => c.name)).toEqual([])
	} finally {
		sent.mockRestore()
	}
})
