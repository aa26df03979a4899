import type PgBoss from 'pg-boss'
import { getBoss, stopBoss } from './boss.ts'
import { registerBuiltInJobs, scheduleBuiltInJobs } from './handlers.ts'
import type { JobContext, JobName } from './job-types.ts'
import { getJobHandler, registeredJobNames } from './registry.ts'

type QueuedJob = PgBoss.JobWithMetadata<unknown>

// The boss the worker runs on: if that boss is stopped (stopBoss), a new one needs its own workers.
const state = globalThis as unknown as { circleWorker?: { boss: PgBoss; names: JobName[] } }

// pg-boss waits its polling interval (two seconds) after every fetch, so one job per fetch caps a
// worker at 1,800 emails an hour: a morning's reminders for a large trust would take hours. Emails
// are many, short and independent, so a worker takes them twenty at a time, one after another.
const BATCH_SIZES: Partial<Record<JobName, number>> = { 'send-email': 20 }

/** Runs one fetched job through its handler; throws when the handler does (or there is none). */
async function executeJob(job: QueuedJob): Promise<void> {
	const name = job.name as JobName
	const handler = getJobHandler(name)
	if (!handler) throw new Error(`No handler is registered for the job "${job.name}"`)
	const context: JobContext = {
		jobId: job.id,
		name,
		attempt: job.retryCount + 1,
		retryLimit: job.retryLimit,
		// pg-boss moves a failed job to 'failed' instead of 'retry' once retryCount reaches retryLimit.
		isLastAttempt: job.retryCount >= job.retryLimit,
	}
	try {
		await handler(job.data as never, context)
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error)
		const next = context.isLastAttempt ? 'giving up' : 'will retry'
		console.error(
			`[jobs] ${name} ${job.id} failed (attempt ${context.attempt} of ${job.retryLimit + 1}, ${next}): ${message}`,
		)
		throw error
	}
}

/**
 * Starts working every registered queue in this process: `npm start` calls it when RUN_WORKER is
 * true, and `npm run worker` runs it on its own. Jobs are fetched one at a time per queue (pg-boss
 * polls every two seconds); a handler that throws fails the run and pg-boss retries it with
 * backoff. Several processes may run workers at once: each job goes to exactly one of them.
 * Aborting `signal` stops the worker as stopWorker() does.
 */
export async function startWorker({ signal }: { signal?: AbortSignal } = {}): Promise<{ queues: JobName[] }> {
	registerBuiltInJobs()
	const boss = await getBoss()
	if (state.circleWorker?.boss === boss) return { queues: state.circleWorker.names }
	const names = registeredJobNames()
	for (const name of names) {
		const batchSize = BATCH_SIZES[name] ?? 1
		await boss.work<unknown>(name, { includeMetadata: true, batchSize }, async (jobs) => {
			if (jobs.length === 1) return executeJob(jobs[0]!)
			for (const job of jobs) {
				try {
					await executeJob(job)
				} catch (error) {
					// Fail only this job (pg-boss retries it); the rest complete when the handler returns,
					// since pg-boss completes only the jobs still active.
					await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) })
				}
			}
		})
	}
	await scheduleBuiltInJobs()
	state.circleWorker = { boss, names }
	signal?.addEventListener('abort', () => void stopWorker(), { once: true })
	console.log(`[jobs] worker started: ${names.join(', ')}`)
	return { queues: names }
}

/**
 * Stops the worker gracefully: no new jobs are fetched, jobs in progress get up to `timeoutMs` to
 * finish (any still running after that are failed, so they are retried later), and pg-boss's
 * connections close.
 */
export async function stopWorker({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<void> {
	state.circleWorker = undefined
	await stopBoss({ timeoutMs })
}

/**
 * For tests and scripts: runs the jobs waiting on one queue now, in this process, one after
 * another, and returns how many ran (whether they succeeded or failed). Failures are recorded with
 * pg-boss exactly as the worker records them, so a failed job is left to retry. Jobs waiting for a
 * retry delay or a `startAfter` are left alone unless `includeDelayed` is true. Needs no running
 * worker and no polling.
 */
export async function runQueuedJobs({
	name,
	includeDelayed = false,
	limit = 100,
}: {
	name: JobName
	includeDelayed?: boolean
	limit?: number
}): Promise<number> {
	registerBuiltInJobs()
	const boss = await getBoss()
	// One fetch marks the batch active, so a job that fails here is not picked up again in this call.
	const jobs = await boss.fetch<unknown>(name, {
		includeMetadata: true,
		batchSize: limit,
		ignoreStartAfter: includeDelayed,
	})
	for (const job of jobs) {
		try {
			await executeJob(job)
			await boss.complete(name, job.id)
		} catch (error) {
			await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) })
		}
	}
	return jobs.length
}
