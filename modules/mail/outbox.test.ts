import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { extractLinks, findLatestEmail, isDevOutboxEnabled, listOutbox } from './outbox.ts'

async function storeMessage(to: string, template: string, subject = 'Subject') {
	return prisma.emailMessage.create({ data: { to, template, subject, html: '<p>x</p>', text: 'x' } })
}

describe('extractLinks', () => {
	test('finds each address once, in order, without the punctuation around it', () => {
		const text = [
			'Confirm my email address [http://localhost:3000/verify?token=a&next=%2Flearn]',
			'Or copy this: http://localhost:3000/verify?token=a&next=%2Flearn.',
			'Read more at https://circle.example.org/help (opens in a new tab), or mail help@example.org.',
		].join('\n')
		expect(extractLinks(text)).toEqual([
			'http://localhost:3000/verify?token=a&next=%2Flearn',
			'https://circle.example.org/help',
		])
	})

	test('returns nothing for text without links', () => {
		expect(extractLinks('No links here.')).toEqual([])
	})
})

describe('findLatestEmail', () => {
	test('returns the newest message to an address, optionally of one template', async () => {
		const to = `latest-${randomUUID().slice(0, 8)}@example.org`
		const verify = await storeMessage(to, 'verify-email')
		const changed = await storeMessage(to, 'password-changed')

		expect((await findLatestEmail({ to: to.toUpperCase() }))?.id).toBe(changed.id)
		expect((await findLatestEmail({ to, template: 'verify-email' }))?.id).toBe(verify.id)
		expect(await findLatestEmail({ to, template: 'reset-password' })).toBeNull()
		expect(await findLatestEmail({ to: `nobody-${randomUUID()}@example.org` })).toBeNull()
	})
})

describe('listOutbox', () => {
	test('lists newest first and honours the limit', async () => {
		const to = `list-${randomUUID().slice(0, 8)}@example.org`
		const first = await storeMessage(to, 'verify-email', 'First')
		const second = await storeMessage(to, 'verify-email', 'Second')
		const third = await storeMessage(to, 'verify-email', 'Third')

		expect((await listOutbox({ to, limit: 10 })).map((m) => m.id)).toEqual([third.id, second.id, first.id])
		expect((await listOutbox({ to, limit: 2 })).map((m) => m.subject)).toEqual(['Third', 'Second'])
	})
})

describe('isDevOutboxEnabled', () => {
	test('is on in development and test, off in production', () => {
		expect(isDevOutboxEnabled({ NODE_ENV: 'development' })).toBe(true)
		expect(isDevOutboxEnabled({ NODE_ENV: 'test' })).toBe(true)
		expect(isDevOutboxEnabled({ NODE_ENV: 'production' })).toBe(false)
	})

	test("is on in the demo, which runs production builds, and never in production with a database of one's own", () => {
		// `npm start` in a fresh clone: NODE_ENV filled in, the embedded database, demo mode (ADR 0052).
		const demo = {
			NODE_ENV: 'production',
			DEMO_MODE: 'true',
			DATABASE_URL: 'postgresql://circle:circle@localhost:54329/circle',
		}
		expect(isDevOutboxEnabled(demo)).toBe(true)
		const own = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://circle:secret@db.internal:5432/circle' }
		expect(isDevOutboxEnabled(own)).toBe(false)
		expect(isDevOutboxEnabled({ ...own, DEMO_MODE: 'false' })).toBe(false)
		expect(() => isDevOutboxEnabled({ ...own, DEMO_MODE: 'true' })).toThrow(
			/DEMO_MODE=true cannot be used in production/,
		)
	})
})
