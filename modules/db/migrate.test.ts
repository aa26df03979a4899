import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { pendingMigrations } from './migrate.ts'

const folders = fs
	.readdirSync(path.resolve(import.meta.dirname, '../../prisma/migrations'), { withFileTypes: true })
	.filter((e) => e.isDirectory())
	.map((e) => e.name)
	.sort()

describe('pendingMigrations (production start-up refuses a database that lacks one)', () => {
	test('none for a migrated database', async () => {
		expect(await pendingMigrations(process.env.DATABASE_URL!)).toEqual([])
	})

	test('every migration, oldest first, for a database never migrated', async () => {
		const bare = new URL(process.env.DATABASE_URL!)
		bare.pathname = '/postgres'
		expect(await pendingMigrations(bare.toString())).toEqual(folders)
	})
})
