/** `npm run db:seed`: loads the demo content (idempotent) into DATABASE_URL or the embedded database. */
import path from 'node:path'
import { EnvError, parseEnv } from '#modules/env/env.ts'

const env = (() => {
	try {
		return parseEnv()
	} catch (error) {
		if (error instanceof EnvError) {
			console.error(error.message)
			process.exit(1)
		}
		throw error
	}
})()

let stop = async () => {}
if (!env.DATABASE_URL) {
	const { startEmbeddedPostgres } = await import('#modules/db/embedded.ts')
	const db = await startEmbeddedPostgres({ dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT })
	process.env.DATABASE_URL = db.url
	stop = db.stop
}
try {
	const { migrateDeploy } = await import('#modules/db/migrate.ts')
	await migrateDeploy(process.env.DATABASE_URL!)
	const { seedDemo } = await import('#prisma/seed.ts')
	await seedDemo()
	const { prisma } = await import('#modules/db/client.ts')
	await prisma.$disconnect()
} finally {
	await stop()
}
