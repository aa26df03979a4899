/**
 * `npm run worker`: runs Circle's background jobs (email delivery, scheduled reminders) in their
 * own process, for deployments that set RUN_WORKER=false on the web processes. Any number of
 * workers may run at once; pg-boss hands each job to exactly one of them.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops it gracefully: no new jobs are taken, jobs in progress get up to
 * SHUTDOWN_GRACE_SECONDS (25 by default) to finish, and any still running after that are failed, so
 * that another worker retries them later. It exits 0 once stopped; a second signal exits at once.
 */
import { EnvError, parseEnv } from '#modules/env/env.ts'

async function main() {
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
	if (!env.DATABASE_URL) {
		console.error(
			'npm run worker needs DATABASE_URL: the worker takes its jobs from the same PostgreSQL database as the web ' +
				'process, so set DATABASE_URL to that database. (With the embedded database, `npm start` runs the worker ' +
				'itself and no separate worker is needed.)',
		)
		process.exit(1)
	}

	// Imported only now: the Prisma client reads DATABASE_URL when it is created.
	const { startWorker, stopWorker } = await import('#modules/jobs/worker.ts')
	const { prisma } = await import('#modules/db/client.ts')

	let stopping = false
	const shutdown = async (signal: string) => {
		if (stopping) {
			console.log(`${signal} again: stopping now`)
			process.exit(1)
		}
		stopping = true
		console.log(`\n${signal}: stopping the worker (jobs in progress get ${env.SHUTDOWN_GRACE_SECONDS} s to finish)…`)
		try {
			await stopWorker({ timeoutMs: env.SHUTDOWN_GRACE_SECONDS * 1000 })
			await prisma.$disconnect()
			process.exit(0)
		} catch (error) {
			console.error(error instanceof Error ? error.message : error)
			process.exit(1)
		}
	}
	process.on('SIGINT', () => void shutdown('SIGINT'))
	process.on('SIGTERM', () => void shutdown('SIGTERM'))

	const { queues } = await startWorker()
	console.log(`Circle worker is running (${queues.join(', ')}). Press Ctrl-C to stop.`)
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
})
