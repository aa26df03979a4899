import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { createInvitation, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { startTestReplica, type TestReplica } from '#tests/setup/replica.ts'
import { getTeamReportPage } from '#modules/organisations/team-report.ts'
import { prisma } from './client.ts'
import {
	checkReplica,
	closeReplica,
	isReplicaClient,
	isReplicaUnavailable,
	parseLsn,
	readDb,
	type ReadDb,
	replicaStatus,
	WRITE_FENCE_COOKIE,
	writeFenceCookie,
	writeFenceOf,
} from './replica.ts'
import { selectReplayState } from './sql.ts'

// A real streaming replica of this worker's test database (tests/setup/replica.ts): built once for
// the file, paused, stopped and started again by the tests below.
let replica: TestReplica
const env = { url: process.env.DATABASE_REPLICA_URL, lag: process.env.REPLICA_MAX_LAG_SECONDS }

beforeAll(async () => {
	// Straight to PostgreSQL: a base backup needs one session throughout, which PgBouncer (when the
	// suite runs through it) does not promise.
	replica = await startTestReplica({ primaryUrl: process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL! })
	process.env.DATABASE_REPLICA_URL = replica.url
	// The primary's client connects before the first health check, so that check is not timed on a cold start.
	await prisma.user.count()
}, 120_000)

afterEach(async () => {
	await replica.start().catch(() => {})
	await replica.resumeReplay().catch(() => {})
	await closeReplica()
	delete process.env.REPLICA_MAX_LAG_SECONDS
	vi.restoreAllMocks()
})

afterAll(async () => {
	await closeReplica()
	await replica?.destroy()
	process.env.DATABASE_REPLICA_URL = env.url
	if (env.lag) process.env.REPLICA_MAX_LAG_SECONDS = env.lag
}, 60_000)

const get = (cookie?: string) =>
	new Request('http://localhost/org/acme/report', { headers: cookie ? { Cookie: cookie } : {} })
const post = () => new Request('http://localhost/org/acme/members', { method: 'POST' })

async function user(name: string) {
	return prisma.user.create({ data: { email: `${crypto.randomUUID()}@replica.test`, name }, select: { id: true } })
}

async function nameOf(db: ReadDb, id: string) {
	return (await db.user.findUnique({ where: { id }, select: { name: true } }))?.name
}

/** Waits until the process's health checks report `status`. */
async function until(status: string) {
	for (const started = Date.now(); Date.now() - started < 20_000;) {
		await checkReplica()
		if (replicaStatus().status === status) return
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	throw new Error(`The replica never became ${status} (it is ${replicaStatus().status})`)
}

describe('readDb', () => {
	test('a heavy read goes to the replica, a standby in recovery', async () => {
		const db = await readDb(get())
		expect(isReplicaClient(db)).toBe(true)
		expect((await selectReplayState(db)).inRecovery).toBe(true)
		// And the primary is not: the check is not true of every server.
		expect((await selectReplayState(prisma)).inRecovery).toBe(false)
	})

	test('a request that may write reads the primary', async () => {
		expect(await readDb(post())).toBe(prisma)
	})

	test('without DATABASE_REPLICA_URL, every read goes to the primary', async () => {
		process.env.DATABASE_REPLICA_URL = ''
		try {
			expect(await readDb(get())).toBe(prisma)
			expect(replicaStatus().configured).toBe(false)
			expect(await writeFenceCookie(post())).toBeNull()
		} finally {
			await closeReplica()
			process.env.DATABASE_REPLICA_URL = replica.url
		}
	})

	test('after a write, that person reads the primary until the replica has replayed it; others read the replica', async () => {
		const { id } = await user('Before')
		await replica.caughtUp()
		await readDb(get())
		await replica.pauseReplay()
		await prisma.user.update({ where: { id }, data: { name: 'After' } })
		const cookie = await writeFenceCookie(post())
		expect(cookie).toMatch(
			new RegExp(`^${WRITE_FENCE_COOKIE}=[0-9A-F]+/[0-9A-F]+; Path=/; Max-Age=70; HttpOnly; SameSite=Lax$`),
		)
		const fence = cookie!.split(';')[0]!

		// The writer's next read, at once, with replay paused: the primary, and their own change.
		const writers = await readDb(get(`theme=dark; ${fence}`))
		expect(writers).toBe(prisma)
		expect(await nameOf(writers, id)).toBe('After')

		// Someone else, with the replica in sync (well within the lag limit): the replica, a moment behind.
		await checkReplica()
		const others = await readDb(get())
		expect(isReplicaClient(others)).toBe(true)
		expect(await nameOf(others, id)).toBe('Before')

		// Once the replica has replayed past the write (and a check has seen it), the writer reads it too.
		await replica.resumeReplay()
		await replica.caughtUp()
		await checkReplica()
		const later = await readDb(get(fence))
		expect(isReplicaClient(later)).toBe(true)
		expect(await nameOf(later, id)).toBe('After')
	})

	test('a replica further behind than REPLICA_MAX_LAG_SECONDS is left for the primary, and used again once it catches up', async () => {
		process.env.REPLICA_MAX_LAG_SECONDS = '1'
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		const info = vi.spyOn(console, 'info').mockImplementation(() => {})
		const { id } = await user('Before')
		await replica.caughtUp()
		expect(isReplicaClient(await readDb(get()))).toBe(true)

		await replica.pauseReplay()
		await prisma.user.update({ where: { id }, data: { name: 'After' } })
		await until('lagging')
		const db = await readDb(get())
		expect(db).toBe(prisma)
		expect(await nameOf(db, id)).toBe('After')
		// More checks while it stays behind log nothing more.
		await checkReplica()
		await checkReplica()
		expect(warn.mock.calls.filter(([line]) => /behind the primary/.test(String(line)))).toHaveLength(1)

		await replica.resumeReplay()
		await until('in-sync')
		expect(isReplicaClient(await readDb(get()))).toBe(true)
		expect(info).toHaveBeenCalledWith(expect.stringMatching(/heavy reads go to the replica again/))
	})

	test('an idle primary does not make an in-sync replica look behind', async () => {
		process.env.REPLICA_MAX_LAG_SECONDS = '1'
		await replica.caughtUp()
		await readDb(get())
		// Nothing is written for longer than the limit: the replica has nothing to replay.
		await new Promise((resolve) => setTimeout(resolve, 2500))
		await checkReplica()
		expect(replicaStatus().status).toBe('in-sync')
	})

	test('a stopped replica: the read in flight is answered by the primary, and later reads go there', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		vi.spyOn(console, 'error').mockImplementation(() => {})
		const { id } = await user('Ada')
		await replica.caughtUp()
		const db = await readDb(get())
		expect(isReplicaClient(db)).toBe(true)

		await replica.stop()
		// Chosen while the replica looked healthy; its statements fail over to the primary. $queryRaw
		// (every report's reads) first: the adapter reports a refused connection there as P2010,
		// not P1001, with only the DriverAdapterError's kind to say what happened.
		expect((await selectReplayState(db)).inRecovery).toBe(false)
		expect(await nameOf(db, id)).toBe('Ada')
		expect(replicaStatus().status).toBe('down')
		expect(await readDb(get())).toBe(prisma)
		await checkReplica()
		expect(await readDb(get())).toBe(prisma)
		expect(warn.mock.calls.filter(([line]) => /heavy reads go to the primary/.test(String(line)))).toHaveLength(1)

		await replica.start()
		await until('in-sync')
		expect(isReplicaClient(await readDb(get()))).toBe(true)
	})

	test.each(['fast', 'immediate'] as const)(
		'a replica stopped (%s shutdown) under load: no read through readDb fails, during or just after',
		async (mode) => {
			vi.spyOn(console, 'warn').mockImplementation(() => {})
			vi.spyOn(console, 'error').mockImplementation(() => {})
			const org = await createOrganisation()
			const pool = await createSeatPool({ organisationId: org.id })
			await createInvitation({ organisationId: org.id, poolId: pool.id, email: `${crypto.randomUUID()}@replica.test` })
			const { id } = await user('Grace')
			await replica.caughtUp()
			expect(isReplicaClient(await readDb(get()))).toBe(true)

			// Readers as a report page makes them: readDb per request, then several statements on it,
			// some side by side. Every connection of the replica's pool is busy or idle when it stops.
			const failures: unknown[] = []
			let reads = 0
			let running = true
			const reader = async () => {
				while (running) {
					try {
						const db = await readDb(get())
						await Promise.all([nameOf(db, id), selectReplayState(db), db.organisation.count({ where: { id: org.id } })])
						await getTeamReportPage({ organisationId: org.id, limit: 50, offset: 0, db })
						reads++
					} catch (error) {
						failures.push(error)
					}
				}
			}
			const readers = Array.from({ length: 8 }, reader)
			// Under load (CI, PgBouncer) a first round of reads can take longer than any fixed pause:
			// wait for eight completed reads (a round's worth), so the stop lands mid-stream.
			const started = Date.now()
			while (reads < 8 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 25))
			const before = reads
			await replica.stop(mode)
			// And straight after: the pool's idle connections are dead, the next connects are refused.
			await new Promise((resolve) => setTimeout(resolve, 1500))
			const stopped = Date.now()
			while (reads < before + 8 && Date.now() - stopped < 20_000) await new Promise((resolve) => setTimeout(resolve, 25))
			running = false
			await Promise.all(readers)
			expect(failures).toEqual([])
			expect(before).toBeGreaterThan(0)
			expect(reads).toBeGreaterThan(before)
			expect(replicaStatus().status).toBe('down')
		},
		60_000,
	)

	test('a replica that is down when the process starts: the primary from the first read', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {})
		await replica.stop()
		const db = await readDb(get())
		expect(db).toBe(prisma)
		expect(replicaStatus().status).toBe('down')
	})

	test('writes do not compile against a ReadDb, and are not there at run time', async () => {
		const db = await readDb(get())
		expect(isReplicaClient(db)).toBe(true)
		const write = () =>
			// @ts-expect-error: a ReadDb has no create
			db.user.create({ data: { email: 'nobody@replica.test' } })
		expect(write).toThrow(TypeError)
		// @ts-expect-error: nor $executeRaw
		expect(db.$executeRaw).toBeUndefined()
	})
})

describe('a heavy read through readDb', () => {
	test('the team report reads the replica: with replay paused, it does not yet show a new invitation, the primary does', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const invite = (email: string) => createInvitation({ organisationId: org.id, poolId: pool.id, email })
		await invite(`first-${crypto.randomUUID()}@replica.test`)
		await replica.caughtUp()
		const page = (db: ReadDb) => getTeamReportPage({ organisationId: org.id, limit: 50, offset: 0, db })

		const db = await readDb(get())
		expect(isReplicaClient(db)).toBe(true)
		await replica.pauseReplay()
		await invite(`second-${crypto.randomUUID()}@replica.test`)
		expect((await page(db)).total).toBe(1)
		expect((await page(prisma)).total).toBe(2)

		await replica.resumeReplay()
		await replica.caughtUp()
		expect((await page(db)).total).toBe(2)
	})
})

describe('the write fence', () => {
	test('is read from its cookie, and a malformed one is ignored', () => {
		expect(writeFenceOf(get(`a=b; ${WRITE_FENCE_COOKIE}=16/B374D848`))).toBe(parseLsn('16/B374D848'))
		expect(writeFenceOf(get(`${WRITE_FENCE_COOKIE}=drop table`))).toBeNull()
		expect(writeFenceOf(get())).toBeNull()
	})

	test('WAL positions compare as PostgreSQL compares them', () => {
		expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true)
		expect(parseLsn('0/3000060') > parseLsn('0/3000028')).toBe(true)
	})

	test('a GET sets none', async () => {
		expect(await writeFenceCookie(get())).toBeNull()
	})
})

describe('isReplicaUnavailable', () => {
	test('connection failures and recovery conflicts are; query mistakes are not', () => {
		expect(
			isReplicaUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })),
		).toBe(true)
		expect(isReplicaUnavailable({ cause: { originalCode: '57P01' } })).toBe(true)
		expect(isReplicaUnavailable(new Error('canceling statement due to conflict with recovery'))).toBe(true)
		// What $queryRaw throws when the replica refuses connections (P2010 with the adapter's error).
		const refused = {
			code: 'P2010',
			meta: { driverAdapterError: { message: 'DatabaseNotReachable', cause: { kind: 'DatabaseNotReachable' } } },
		}
		expect(isReplicaUnavailable(refused)).toBe(true)
		expect(
			isReplicaUnavailable({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } } }),
		).toBe(true)
		// pg's own, for a pooled connection that broke between its statements (no code, no kind).
		expect(isReplicaUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true)
		expect(isReplicaUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(
			false,
		)
		expect(
			isReplicaUnavailable({
				code: 'P2010',
				meta: { driverAdapterError: { cause: { kind: 'postgres', code: '42601' } } },
			}),
		).toBe(false)
	})
})
