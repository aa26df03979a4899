import type PgBoss from 'pg-boss'
import type { Tx } from '#modules/db/client.ts'
import { getBoss } from './boss.ts'
import { transactionDb } from './sql.ts'
import { DEFAULT_RETRY, type JobDataMap, type JobName } from './job-types.ts'

export type EnqueueJobOptions = Pick<
	PgBoss.SendOptions,
	'retryLimit' | 'retryDelay' | 'retryBackoff' | 'startAfter' | 'singletonKey' | 'priority' | 'expireInSeconds' | 'id'
>

/**
 * Puts one job on its queue and returns the job's id (null when a singletonKey says an equal job is
 * already queued). Jobs retry with exponential backoff by default (5 retries from 30 seconds);
 * pass options to change that or to delay the job. The job is sent on pg-boss's own connection, so
 * it is not part of any Prisma transaction: handlers must cope with data that is not committed yet.
 */
export async function enqueueJob<Name extends JobName>(
	name: Name,
	data: JobDataMap[Name],
	options: EnqueueJobOptions = {},
): Promise<string | null> {
	const boss = await getBoss()
	return boss.send(name, data, { ...DEFAULT_RETRY, ...options })
}

/**
 * Puts one job on its queue inside the caller's Prisma transaction: the job row is written by the
 * transaction's connection, so it appears when the transaction commits and vanishes if it rolls back
 * (no job for an event that never happened, no event without its job). With `id` (a UUID) the job is
 * keyed: a second enqueue with the same id is ignored (returns null) while the first is kept.
 */
export async function enqueueJobInTransaction<Name extends JobName>(
	tx: Tx,
	name: Name,
	data: JobDataMap[Name],
	options: EnqueueJobOptions = {},
): Promise<string | null> {
	const boss = await getBoss()
	return boss.send(name, data, { ...DEFAULT_RETRY, ...options, db: transactionDb(tx) })
}

/**
 * Runs a job on a cron schedule (five fields, UK time: `0 9 * * 1` is 9am every Monday). pg-boss keeps
 * one schedule per job name, so calling this again replaces it, and only one process in the cluster
 * sends each scheduled run. Schedules live in the database: they survive restarts.
 */
export async function scheduleJob<Name extends JobName>(
	name: Name,
	cron: string,
	data: JobDataMap[Name],
	options: EnqueueJobOptions = {},
): Promise<void> {
	const boss = await getBoss()
	await boss.schedule(name, cron, data, { ...DEFAULT_RETRY, tz: 'Europe/London', ...options })
}

/** Removes a job's cron schedule (jobs already sent still run). */
export async function unscheduleJob(name: JobName): Promise<void> {
	const boss = await getBoss()
	await boss.unschedule(name)
}
