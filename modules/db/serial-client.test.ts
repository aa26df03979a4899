import { spawnSync } from 'node:child_process'
import { expect, test } from 'vitest'
import { createUser } from '#tests/factories/learning.ts'

test('a query that loads several relations inside a transaction sends them one at a time (no pg deprecation)', async () => {
	// The relations are only loaded for rows that exist.
	await createUser()
	// In a process of its own: Node prints a deprecation once per process, so an earlier test in this
	// worker could have used it up.
	const script = `
		const { prisma } = await import('#modules/db/client.ts')
		const rows = await prisma.$transaction((tx) => tx.user.findMany({
			take: 3,
			select: { id: true, memberships: { select: { id: true } }, enrolments: { select: { id: true } }, sessions: { select: { id: true } } },
		}))
		console.log(Array.isArray(rows) ? 'ok' : 'not ok')
		await prisma.$disconnect()
		process.exit(0)
	`
	const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		cwd: process.cwd(),
		env: { ...process.env, NODE_OPTIONS: '--trace-deprecation' },
		encoding: 'utf8',
		timeout: 60_000,
	})
	expect(result.stdout.trim()).toBe('ok')
	expect(result.stderr).not.toMatch(/already executing a query/)
	expect(result.status).toBe(0)
}, 70_000)
