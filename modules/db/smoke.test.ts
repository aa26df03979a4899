import { describe, expect, test } from 'vitest'
import { prisma } from './client.ts'

describe('test database', () => {
	test('each worker gets its own migrated database', async () => {
		const [row] = await prisma.$queryRaw<Array<{ db: string }>>`SELECT current_database()::text AS db`
		expect(row?.db).toMatch(/^circle_test_\d+_\d+$/)
		// The case-insensitive email index from the first migration is present.
		const indexes = await prisma.$queryRaw<Array<{ indexname: string }>>`
			SELECT indexname::text FROM pg_indexes WHERE tablename = 'User' AND indexname = 'User_email_lower_key'`
		expect(indexes).toHaveLength(1)
	})
})
