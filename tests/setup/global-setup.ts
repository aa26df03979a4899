import type { TestProject } from 'vitest/node'
import { createDatabaseFromTemplate, ensureTemplateDatabase, startTestDatabaseServer } from './database-server.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		testDatabaseUrls: string[]
	}
}

/**
 * Starts PostgreSQL (embedded unless DATABASE_URL is set), builds a migrated template database and
 * makes one database per vitest worker from it. Workers pick theirs in tests/setup/worker-database.ts.
 */
export default async function setup(project: TestProject) {
	const server = await startTestDatabaseServer({
		dataDir: 'tests/.tmp/postgres',
		port: Number(process.env.TEST_PG_PORT ?? 54330),
	})
	const template = await ensureTemplateDatabase(server.serverUrl)
	const workers = Number(project.config.maxWorkers) || 4
	const urls: string[] = []
	// Pool ids run from 1 to maxWorkers; a fresh copy per run keeps runs independent of each other.
	for (let id = 1; id <= workers; id++) {
		urls.push(await createDatabaseFromTemplate(server.serverUrl, template, `circle_test_${process.pid}_${id}`))
	}
	project.provide('testDatabaseUrls', urls)
	return async () => {
		const { withAdminClient } = await import('./database-server.ts')
		await withAdminClient(server.serverUrl, async (c) => {
			for (let id = 1; id <= workers; id++) {
				await c.query(`DROP DATABASE IF EXISTS "circle_test_${process.pid}_${id}" WITH (FORCE)`)
			}
		}).catch(() => {})
		await server.stop()
	}
}
