import PgBoss from 'pg-boss'
import { requireDatabaseUrl } from '#modules/env/env.ts'
import { DEFAULT_RETRY, JOB_NAMES } from './job-types.ts'

// Kept on globalThis, like the Prisma client, so that dev hot reload does not start a second boss.
const state = globalThis as unknown as { circleBoss?: Promise<PgBoss> }

async function createBoss() {
	// The job queue lives in PostgreSQL, in Circle's own database.
	const boss = new PgBoss({
		connectionString: requireDatabaseUrl(),
		application_name: 'circle-jobs',
		// One queue, one job at a time per process, plus pg-boss's own maintenance and cron checks.
		max: 4,
	})
	// pg-boss is an EventEmitter: an 'error' event with no listener would crash the process.
	boss.on('error', (error) => console.error(`[jobs] ${error.message}`))
	await boss.start()
	for (const name of JOB_NAMES) {
		// Idempotent: pg-boss skips queues that exist. Queue-level retries cover scheduled jobs too.
		await boss.createQueue(name, { name, ...DEFAULT_RETRY })
	}
	return boss
}

/**
 * The process's one pg-boss instance, started on first use: its schema (`pgboss`, in the same
 * database as DATABASE_URL) is created or migrated and every queue in JOB_NAMES exists before the
 * promise resolves. Web processes use it to send jobs; the worker uses it to work them.
 */
export function getBoss(): Promise<PgBoss> {
	state.circleBoss ??= createBoss().catch((error: unknown) => {
		// Let the next caller try again rather than caching the failure for the process's lifetime.
		state.circleBoss = undefined
		throw error
	})
	return state.circleBoss
}

/**
 * Stops the pg-boss instance, if one was started: active jobs get up to `timeoutMs` to finish
 * (unfinished ones are failed so that they are retried elsewhere), then its connections close.
 * The next getBoss() starts a fresh one.
 */
export async function stopBoss({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}) {
	const starting = state.circleBoss
	if (!starting) return
	state.circleBoss = undefined
	const boss = await starting.catch(() => undefined)
	await boss?.stop({ graceful: true, timeout: timeoutMs })
}
