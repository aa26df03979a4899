// Shared by scripts/course-export.ts and scripts/course-import.ts: run against DATABASE_URL, or the
// embedded database (started, migrated, stopped) when it is unset, as `npm run db:seed` does.
import path from 'node:path'
import { EnvError, parseEnv } from '#modules/env/env.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'

export async function runWithDatabase(main: () => Promise<void>) {
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
	let failed = false
	try {
		const { migrateDeploy } = await import('#modules/db/migrate.ts')
		await migrateDeploy(process.env.DATABASE_URL!)
		await main()
	} catch (error) {
		// Problems a person can fix (a bad file, an unknown slug) are printed plainly, without a stack.
		if (!isDomainError(error)) throw error
		console.error(error.message)
		failed = true
	} finally {
		const { prisma } = await import('#modules/db/client.ts')
		await prisma.$disconnect()
		await stop()
	}
	if (failed) process.exit(1)
}
