import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { SEAT_REMINDERS_CRON } from '#modules/organisations/seat-reminders.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { getBoss } from './boss.ts'
import { enqueueJob, scheduleJob, unscheduleJob } from './enqueue-job.ts'
import { JOB_NAMES } from './job-types.ts'
import { runQueuedJobs, startWorker, stopWorker } from './worker.ts'

beforeEach(async () => {
	delete process.env.SMTP_URL
	await (await getBoss()).purgeQueue('send-email')
})

afterAll(async () => {
	await stopWorker({ timeoutMs: 1_000 })
})

/** Silences the one-line logs of the jobs these tests make fail on purpose. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
	const { error, warn } = console
	console.error = () => {}
	console.warn = () => {}
	try {
		return await fn()
	} finally {
		Object.assign(console, { error, warn })
	}
}

describe('getBoss', () => {
	test('starts pg-boss once and creates a queue for every job', async () => {
		const boss = await getBoss()
		expect(await getBoss()).toBe(boss)
		for (const name of JOB_NAMES) {
			expect(await boss.getQueue(name)).toMatchObject({ name, retryLimit: 5, retryDelay: 30, retryBackoff: true })
		}
	})
})

describe('enqueueJob', () => {
	test('retries five times with exponential backoff from 30 seconds unless told otherwise', async () => {
		const boss = await getBoss()
		const standard = await enqueueJob('send-email', { messageId: 'a' })
		const custom = await enqueueJob(
			'send-email',
			{ messageId: 'b' },
			{ retryLimit: 1, retryDelay: 5, retryBackoff: false },
		)

		expect(await boss.getJobById('send-email', standard!)).toMatchObject({
			data: { messageId: 'a' },
			retryLimit: 5,
			retryDelay: 30,
			retryBackoff: true,
		})
		expect(await boss.getJobById('send-email', custom!)).toMatchObject({
			retryLimit: 1,
			retryDelay: 5,
			retryBackoff: false,
		})
	})
})

describe('runQueuedJobs', () => {
	test('runs what is waiting, leaves failed jobs to their retry delay, and tells the handler about the last attempt', async () => {
		const boss = await getBoss()
		// The send-email handler fails until its last attempt when the message does not exist.
		const id = (await enqueueJob('send-email', { messageId: 'no-such-message' }, { retryLimit: 1 }))!

		expect(await quietly(() => runQueuedJobs({ name: 'send-email' }))).toBe(1)
		expect(await boss.getJobById('send-email', id)).toMatchObject({ state: 'retry', retryCount: 0 })

		// Waiting out the retry delay is not needed to see that the job is not due yet…
		expect(await runQueuedJobs({ name: 'send-email' })).toBe(0)
		// …and the second run is the last attempt (retryLimit 1), where a missing message is dropped quietly.
		expect(await quietly(() => runQueuedJobs({ name: 'send-email', includeDelayed: true }))).toBe(1)
		expect(await boss.getJobById('send-email', id)).toMatchObject({ state: 'completed', retryCount: 1 })
	})

	test('returns 0 when nothing is queued', async () => {
		expect(await runQueuedJobs({ name: 'send-email' })).toBe(0)
	})
})

describe('scheduleJob', () => {
	test('stores a cron schedule in UK time, and unscheduleJob removes it', async () => {
		const boss = await getBoss()
		await scheduleJob('send-email', '0 9 * * 1', { messageId: 'weekly' })
		expect(await boss.getSchedules()).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					name: 'send-email',
					cron: '0 9 * * 1',
					data: { messageId: 'weekly' },
					options: expect.objectContaining({ tz: 'Europe/London', retryLimit: 5 }),
				}),
			]),
		)
		await unscheduleJob('send-email')
		expect((await boss.getSchedules()).filter((s) => s.name === 'send-email')).toEqual([])
	})
})

describe('startWorker', () => {
	test('works the queues in the background until stopped', async () => {
		const log = console.log
		console.log = () => {}
		try {
			// Queued before the worker starts, so that its first fetch (at start) picks it up without a poll.
			const { id } = await sendEmail({
				to: 'worker-test@example.org',
				template: 'password-changed',
				props: { name: 'Jo' },
			})
			const { queues } = await startWorker()
			expect(queues).toEqual(JOB_NAMES)
			// The weekly seat reminders are on pg-boss's timetable once a worker has started.
			const schedules = await (await getBoss()).getSchedules()
			expect(schedules.map((s) => [s.name, s.cron])).toContainEqual(['seat-reminders', SEAT_REMINDERS_CRON])

			const deadline = Date.now() + 15_000
			let status = 'QUEUED'
			while (status !== 'SENT' && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 100))
				status = (await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).status
			}
			expect(status).toBe('SENT')
		} finally {
			await stopWorker({ timeoutMs: 1_000 })
			console.log = log
		}
	})

	test('takes emails in batches: one that fails is retried on its own, the rest of its batch is delivered', async () => {
		const log = console.log
		console.log = () => {}
		try {
			const failing = (await enqueueJob('send-email', { messageId: 'no-such-message-in-batch' }))!
			const { id } = await sendEmail({
				to: 'batch-test@example.org',
				template: 'password-changed',
				props: { name: 'Jo' },
			})
			await quietly(async () => {
				await startWorker()
				const deadline = Date.now() + 15_000
				let status = 'QUEUED'
				while (status !== 'SENT' && Date.now() < deadline) {
					await new Promise((resolve) => setTimeout(resolve, 100))
					status = (await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).status
				}
				expect(status).toBe('SENT')
				await new Promise((resolve) => setTimeout(resolve, 200))
			})
			expect(await (await getBoss()).getJobById('send-email', failing)).toMatchObject({ state: 'retry' })
		} finally {
			await stopWorker({ timeoutMs: 1_000 })
			console.log = log
		}
	})
})
