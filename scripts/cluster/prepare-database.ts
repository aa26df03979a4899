/**
 * The cluster's one-off database step, run before any app process starts (scripts/cluster/cluster.ts):
 * applies pending migrations straight to the primary (DATABASE_DIRECT_URL) and loads the demo content
 * when the database is empty. A child process of its own, so that the Prisma client it opens is
 * closed when it ends.
 */
import { openScriptDatabase } from '#modules/db/script-database.ts'

const { stop } = await openScriptDatabase({ quiet: true })
try {
	const seed = await import('#prisma/seed.ts')
	if (await seed.isDatabaseEmpty()) {
		console.log('Empty database: loading demo content…')
		await seed.seedDemo()
		// The demo sends emails through the queue: let pg-boss finish sending them.
		await (await import('#modules/jobs/boss.ts')).stopBoss()
	}
	const { prisma } = await import('#modules/db/client.ts')
	await prisma.$disconnect()
} finally {
	await stop()
}
