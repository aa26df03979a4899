// Shared by scripts/course-export.ts and scripts/course-import.ts: run against DATABASE_URL, or the
// embedded database (started, migrated, stopped) when it is unset, as `npm run db:seed` does.
import { openScriptDatabase } from '#modules/db/script-database.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'

export async function runWithDatabase(main: () => Promise<void>) {
	const { stop } = await openScriptDatabase()
	let failed = false
	try {
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
