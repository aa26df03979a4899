import { createDatabaseFromTemplate, ensureTemplateDatabase, withAdminClient } from '#tests/setup/database-server.ts'

/**
 * Points this test file at a database of its own, a fresh copy of the migrated template, for a test
 * that must judge the whole database (a dump of every table), which other files' rows in the shared
 * worker database would spoil. Call it before anything imports the Prisma client (import the code
 * under test dynamically afterwards); `drop` removes the database once the client is disconnected.
 */
export async function ownFreshDatabase(label: string) {
	const workerUrl = process.env.DATABASE_URL
	if (!workerUrl) throw new Error('No DATABASE_URL: tests/setup/worker-database.ts sets it')
	const serverUrl = new URL(workerUrl)
	serverUrl.pathname = '/postgres'
	const template = await ensureTemplateDatabase(serverUrl.toString())
	const database = `circle_${label}_${process.pid}`
	process.env.DATABASE_URL = await createDatabaseFromTemplate(serverUrl.toString(), template, database)
	return {
		drop: () =>
			withAdminClient(serverUrl.toString(), (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
	}
}
