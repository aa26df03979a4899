import { describe, expect, test } from 'vitest'
import { BUSY_MESSAGE, prisma } from './client.ts'

describe('a database too busy for a transaction', () => {
	test('no connection free within maxWait is a clear "busy, try again", not P2028', async () => {
		// Every connection of the pool is taken by a slow transaction, as on a machine under load.
		const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10)
		const holders = Array.from({ length: poolSize }, () =>
			prisma.$transaction(async (tx) => void (await tx.$executeRaw`SELECT pg_sleep(1.5)`), { timeout: 10_000 }),
		)
		await new Promise((resolve) => setTimeout(resolve, 300))
		await expect(prisma.$transaction((tx) => tx.user.count(), { maxWait: 100 })).rejects.toMatchObject({
			name: 'DomainError',
			kind: 'throttled',
			code: 'BUSY',
			message: BUSY_MESSAGE,
			retryAfterSeconds: 5,
		})
		await Promise.all(holders)
	})

	test('a transaction that runs past its timeout is rolled back and reported as busy', async () => {
		const email = `busy-${Date.now()}@example.test`
		await expect(
			prisma.$transaction(
				async (tx) => {
					await tx.user.create({ data: { email, name: 'Never Saved', passwordHash: 'x' } })
					await tx.$executeRaw`SELECT pg_sleep(0.5)`
					await tx.user.count()
				},
				{ timeout: 200 },
			),
		).rejects.toMatchObject({ kind: 'throttled', code: 'BUSY' })
		expect(await prisma.user.count({ where: { email } })).toBe(0)
	})

	test('other errors pass through unchanged', async () => {
		await expect(
			prisma.$transaction(async () => {
				throw new Error('not a database problem')
			}),
		).rejects.toThrow('not a database problem')
	})
})
