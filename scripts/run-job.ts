/**
 * `npm run jobs:run -- <job>`: runs one of Circle's scheduled jobs (renewals, reminders, the digest,
 * seat reminders) once, now, in this process, against DATABASE_URL. For operators catching up after
 * an outage, and for the browser tests, which move the data's clock and then run the day's jobs.
 * Each job is exactly-once by its own keys, so running it again, or while a worker runs it, sends
 * and issues nothing twice.
 */
import { EnvError, parseEnv } from '#modules/env/env.ts'

async function main() {
	const name = process.argv[2]
	try {
		if (!parseEnv().DATABASE_URL) throw new EnvError('npm run jobs:run needs DATABASE_URL: the database the jobs work on.')
	} catch (error) {
		if (error instanceof EnvError) {
			console.error(error.message)
			process.exit(1)
		}
		throw error
	}
	// Imported only now: the Prisma client reads DATABASE_URL when it is created.
	const { builtInSchedules, registerBuiltInJobs } = await import('#modules/jobs/handlers.ts')
	const { getJobHandler } = await import('#modules/jobs/registry.ts')
	const { prisma } = await import('#modules/db/client.ts')
	const { stopBoss } = await import('#modules/jobs/boss.ts')
	const scheduled = builtInSchedules.map((s) => s.name)
	const job = scheduled.find((n) => n === name)
	if (!job) {
		console.error(`Usage: npm run jobs:run -- <job>, where <job> is one of: ${scheduled.join(', ')}`)
		process.exit(1)
	}
	registerBuiltInJobs()
	const handler = getJobHandler(job)!
	await handler({} as never, { jobId: 'manual', name: job, attempt: 1, retryLimit: 0, isLastAttempt: true })
	console.log(`${job}: done`)
	await stopBoss({ timeoutMs: 5_000 })
	await prisma.$disconnect()
}

await main()
