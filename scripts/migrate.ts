/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import path from 'node:path'
import { parseEnv } from '#modules/env/env.ts'
import { startEmbeddedPostgres } from '#modules/db/embedded.ts'
import { migrateDeploy } from '#modules/db/migrate.ts'

const env = parseEnv()
let url = env.DATABASE_URL
let stop = async () => {}
if (!url) {
	const db = await startEmbeddedPostgres({ dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT })
	url = db.url
	stop = db.stop
}
try {
	await migrateDeploy(url, { quiet: false })
} finally {
	await stop()
}
