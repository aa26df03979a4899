/**
 * The database the benchmarks and `npm run seed:scale` use: DATABASE_URL when set, otherwise the
 * embedded PostgreSQL in EMBEDDED_PG_DIR on EMBEDDED_PG_PORT (as `npm start` and `npm run db:seed`
 * do), with migrations applied. Sets process.env.DATABASE_URL before anything imports Prisma.
 */
import path from 'node:path'
import { EnvError, parseEnv } from '#modules/env/env.ts'

export async function openDatabase() {
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
	if (!env.DATABASE_URL) {
		const { startEmbeddedPostgres } = await import('#modules/db/embedded.ts')
		const db = await startEmbeddedPostgres({ dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT })
		process.env.DATABASE_URL = db.url
		stop = db.stop
	}
	const { migrateDeploy } = await import('#modules/db/migrate.ts')
	await migrateDeploy(process.env.DATABASE_URL!)
	return { env, url: process.env.DATABASE_URL!, stop }
}
