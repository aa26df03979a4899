import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDatabaseFromTemplate, ensureTemplateDatabase, startTestDatabaseServer } from './database-server.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		/** One database per worker: through PgBouncer when TEST_VIA_PGBOUNCER=1. */
		testDatabaseUrls: string[]
		/** The same databases, straight to PostgreSQL (DATABASE_DIRECT_URL: migrations, session work). */
		testDirectDatabaseUrls: string[]
		/** The PgBouncer in front of them, when TEST_VIA_PGBOUNCER=1. */
		testPgBouncer: { port: number; adminUrl: string } | null
	}
}

/**
 * Starts PostgreSQL (embedded unless DATABASE_URL is set), builds a migrated template database and
 * makes one database per vitest worker from it. Workers pick theirs in tests/setup/worker-database.ts.
 * With TEST_VIA_PGBOUNCER=1, a PgBouncer in transaction mode stands in front of that PostgreSQL and
 * every worker's DATABASE_URL goes through it, as in production behind a pooler (ADR 0048).
 */
export default async function setup(project: TestProject) {
	const port = Number(process.env.TEST_PG_PORT ?? 54330)
	const server = await startTestDatabaseServer({ dataDir: 'tests/.tmp/postgres', port })
	const template = await ensureTemplateDatabase(server.serverUrl)
	const workers = Number(project.config.maxWorkers) || 4
	const direct: string[] = []
	// Pool ids run from 1 to maxWorkers; a fresh copy per run keeps runs independent of each other.
	for (let id = 1; id <= workers; id++) {
		direct.push(await createDatabaseFromTemplate(server.serverUrl, template, `circle_test_${process.pid}_${id}`))
	}
	let bouncer: Awaited<ReturnType<typeof startTestPgBouncer>> | null = null
	if (process.env.TEST_VIA_PGBOUNCER === '1') bouncer = await startTestPgBouncer(server.serverUrl)
	project.provide('testDirectDatabaseUrls', direct)
	project.provide(
		'testDatabaseUrls',
		bouncer ? direct.map((url) => bouncer.url(new URL(url).pathname.slice(1))) : direct,
	)
	project.provide('testPgBouncer', bouncer && { port: bouncer.port, adminUrl: bouncer.adminUrl })
	return async () => {
		await bouncer?.stop()
		if (bouncer) fs.rmSync(bouncer.dir, { recursive: true, force: true })
		const { withAdminClient } = await import('./database-server.ts')
		await withAdminClient(server.serverUrl, async (c) => {
			for (let id = 1; id <= workers; id++) {
				await c.query(`DROP DATABASE IF EXISTS "circle_test_${process.pid}_${id}" WITH (FORCE)`)
			}
		}).catch(() => {})
		await server.stop()
	}
}

async function startTestPgBouncer(serverUrl: string) {
	const { startPgBouncer, upstreamOf } = await import('../../scripts/cluster/pgbouncer.ts')
	const { freePort } = await import('../../scripts/cluster/processes.ts')
	const upstream = new URL(serverUrl)
	const dir = path.resolve(import.meta.dirname, `../.tmp/pgbouncer-${process.pid}`)
	const bouncer = await startPgBouncer({
		dir,
		port: await freePort(),
		upstream: upstreamOf(upstream),
		poolMode: 'transaction',
	})
	return { ...bouncer, dir }
}
