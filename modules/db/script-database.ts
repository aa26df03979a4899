import path from 'node:path'
import { EnvError, parseEnv, requireDirectDatabaseUrl } from '#modules/env/env.ts'

/**
 * The database a command-line script works on: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL in EMBEDDED_PG_DIR on EMBEDDED_PG_PORT (as `npm start` uses), with migrations applied.
 * Sets process.env.DATABASE_URL before anything imports Prisma, so import the Prisma client (and
 * anything that uses it) dynamically after this. A malformed setting ends the process with one line.
 */
export async function openScriptDatabase({ quiet = true }: { quiet?: boolean } = {}) {
	let env
	try {
		env = parseEnv()
	} catch (error) {
		if (error instanceof EnvError) {
			console.error(error.message)
			process.exit(1)
		}
		throw error
	}
	let stop = async () => {}
	let url = env.DATABASE_URL
	if (!url) {
		const { startEmbeddedPostgres } = await import('./embedded.ts')
		const db = await startEmbeddedPostgres({ dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT })
		url = db.url
		// Provides the address for the Prisma client (client.ts), which reads it through modules/env.
		// eslint-disable-next-line no-restricted-properties -- setting it, not reading it
		process.env.DATABASE_URL = url
		stop = db.stop
	}
	try {
		const { migrateDeploy } = await import('./migrate.ts')
		// Migrations hold a session-level lock, so they bypass any pooler (ADR 0048).
		await migrateDeploy(requireDirectDatabaseUrl(), { quiet })
	} catch (error) {
		await stop()
		throw error
	}
	return { env, url, stop }
}
