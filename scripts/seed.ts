/** `npm run db:seed`: loads the demo content (idempotent) into DATABASE_URL or the embedded database. */
import { openScriptDatabase } from '#modules/db/script-database.ts'

const { stop } = await openScriptDatabase()
try {
	const { seedDemo } = await import('#prisma/seed.ts')
	await seedDemo()
	// The demo sends emails through the queue (a reflective discussion's link): let pg-boss finish.
	await (await import('#modules/jobs/boss.ts')).stopBoss()
	const { prisma } = await import('#modules/db/client.ts')
	await prisma.$disconnect()
} finally {
	await stop()
}
