// A real PgBouncer, restarted (SIGTERM: every connection closed at once, then a few hundred
// milliseconds with nothing listening) while reads and writes run through it (ADR 0056). Reads must
// never fail; a write may fail, but never be applied twice. A plain pg pool beside Circle's, through
// the same PgBouncer in the same restarts, shows that the restarts do break statements.
import fs from 'node:fs'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { requireDirectDatabaseUrl } from '#modules/env/env.ts'
import { type RunningPgBouncer, startPgBouncer, upstreamOf } from '../../scripts/cluster/pgbouncer.ts'
import { freePort } from '../../scripts/cluster/processes.ts'
import { missingPackages, skippedFor } from '../../scripts/cluster/requirements.ts'
import { createPrismaClient } from './client.ts'
import { Prisma, PrismaClient } from './generated/client.ts'

const missing = missingPackages(['pgbouncer'])
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const CONNECTIONS = 6

/** An error's first line, and the last (Prisma puts the cause there). */
function summary(error: unknown) {
	const lines = String(error instanceof Error ? error.message : error)
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
	return lines.length > 1 ? `${lines[0]} … ${lines.at(-1)}` : (lines[0] ?? 'unknown error')
}

describe.skipIf(missing.length > 0)(`a PgBouncer restart under load${skippedFor(missing)}`, () => {
	const dir = path.resolve(import.meta.dirname, `../../tests/.tmp/reconnect-${process.pid}`)
	const table = `reconnect_probe_${process.pid}`
	let bouncer: RunningPgBouncer
	let db: ReturnType<typeof createPrismaClient>
	let plain: PrismaClient

	async function direct<T extends pg.QueryResultRow>(sql: string) {
		const client = new pg.Client({ connectionString: requireDirectDatabaseUrl() })
		await client.connect()
		try {
			return (await client.query<T>(sql)).rows
		} finally {
			await client.end()
		}
	}

	beforeAll(async () => {
		const upstream = new URL(requireDirectDatabaseUrl())
		bouncer = await startPgBouncer({
			dir,
			port: await freePort(),
			upstream: upstreamOf(upstream),
		})
		const url = bouncer.url(upstream.pathname.slice(1))
		db = createPrismaClient({ url, poolSize: CONNECTIONS, label: 'reconnect test' })
		const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS })
		pool.on('error', () => {})
		plain = new PrismaClient({ adapter: new PrismaPg(pool) })
		// Warm: the first statement of each kind compiles Prisma's query plan, seconds on a busy machine.
		for (const client of [db, plain]) {
			await client.user.count()
			await client.user.findFirst({ select: { id: true } })
			await client.$queryRaw`SELECT 0::int AS loop FROM pg_sleep(0)`
		}
		// No unique key on purpose: a write applied twice shows as two rows.
		await direct(`CREATE TABLE "${table}" (writer int NOT NULL, seq int NOT NULL, how text NOT NULL)`)
	}, 60_000)

	afterAll(async () => {
		await db?.$disconnect()
		await plain?.$disconnect()
		await bouncer?.stop()
		await direct(`DROP TABLE IF EXISTS "${table}"`)
		fs.rmSync(dir, { recursive: true, force: true })
	})

	/** Runs `work` on CONNECTIONS loops for `ms`, restarting PgBouncer twice meanwhile. */
	async function underRestarts(ms: number, work: (loop: number, seq: number) => Promise<void>) {
		const failures: string[] = []
		let done = 0
		const until = Date.now() + ms
		const loops = Array.from({ length: CONNECTIONS }, async (_, loop) => {
			for (let seq = 0; Date.now() < until; seq++) {
				try {
					await work(loop, seq)
					done++
				} catch (error) {
					failures.push(summary(error))
				}
			}
		})
		const restarts = (async () => {
			await sleep(ms / 5)
			await bouncer.restart()
			await sleep(ms / 4)
			await bouncer.restart()
		})()
		await Promise.all([...loops, restarts])
		return { failures, done }
	}

	test('reads outside a transaction: none fails, though the same reads on a plain pool do', async () => {
		const read = (client: PrismaClient) => async (loop: number, seq: number) => {
			if (seq % 3 === 0) await client.user.count()
			else if (seq % 3 === 1) await client.user.findFirst({ select: { id: true } })
			// In flight for a while, so that a restart finds statements on the wire.
			else await client.$queryRaw`SELECT ${loop}::int AS loop FROM pg_sleep(0.03)`
		}
		const [circle, control] = await Promise.all([underRestarts(4_000, read(db)), underRestarts(4_000, read(plain))])
		console.log(
			`reads through two PgBouncer restarts: Circle's pool ${circle.done} answered, ${circle.failures.length} failed; ` +
				`a plain pg pool ${control.done} answered, ${control.failures.length} failed (${[...new Set(control.failures)].join('; ')})`,
		)
		expect(circle.failures).toEqual([])
		expect(circle.done).toBeGreaterThan(CONNECTIONS)
		// The drill bites: without modules/db's retries, reads fail.
		expect(control.failures.length).toBeGreaterThan(0)
	}, 60_000)

	test('writes, alone and in transactions: some may fail, none is applied twice, every answered one is there', async () => {
		const answered: string[] = []
		const probe = Prisma.raw(`"${table}"`)
		const { failures } = await underRestarts(4_000, async (writer, seq) => {
			if (seq % 2 === 0) {
				await db.$executeRaw`INSERT INTO ${probe} (writer, seq, how) VALUES (${writer}, ${seq}, 'alone')`
			} else {
				await db.$transaction(async (tx) => {
					await tx.$executeRaw`INSERT INTO ${probe} (writer, seq, how) VALUES (${writer}, ${seq}, 'tx')`
					await tx.$queryRaw`SELECT 1 AS slept FROM pg_sleep(0.03)`
				})
			}
			answered.push(`${writer}/${seq}`)
		})
		const rows = await direct<{ key: string; n: number }>(
			`SELECT writer || '/' || seq AS key, count(*)::int AS n FROM "${table}" GROUP BY 1`,
		)
		const twice = rows.filter((r) => r.n > 1)
		const stored = new Set(rows.map((r) => r.key))
		console.log(
			`writes through two PgBouncer restarts: ${answered.length} answered, ${failures.length} failed ` +
				`(${[...new Set(failures)].join('; ')}), applied twice ${twice.length}`,
		)
		expect(twice).toEqual([])
		expect(answered.filter((key) => !stored.has(key))).toEqual([])
		expect(answered.length).toBeGreaterThan(CONNECTIONS)
	}, 60_000)
})
