import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { parseEnv, requireDatabaseUrl } from '#modules/env/env.ts'
import { isConnectionLost } from './connection-errors.ts'
import { DbError } from './errors.ts'
import { Prisma, PrismaClient } from './generated/client.ts'
import { RECONNECT_WITHIN_MS, ResilientPool } from './resilient-pool.ts'
import { SerialClient } from './serial-client.ts'
import { releaseOnFailedEnd } from './transaction-release.ts'

export * from './generated/client.ts'

type QueryListener = (query: { query: string; durationMs: number }) => void
const listeners = new Set<QueryListener>()

function createClient() {
	const env = parseEnv()
	return createPrismaClient({ url: requireDatabaseUrl(env), poolSize: env.DATABASE_POOL_SIZE })
}

/**
 * A Prisma client on its own pg pool: the primary's (`prisma` below) and the read replica's
 * (./replica.ts) are built the same way, so both serialise a connection's queries, count their
 * statements for onQuery and answer "busy" instead of a 500.
 */
export function createPrismaClient({
	url,
	poolSize,
	connectionTimeoutMillis,
	reconnectWithinMs = RECONNECT_WITHIN_MS,
	label = 'db',
}: {
	url: string
	poolSize: number
	/** How long to wait for a new connection (unset: pg's default, no limit). */
	connectionTimeoutMillis?: number
	/**
	 * How long a statement waits, at most, for an unreachable database to take connections again
	 * (ADR 0056), and whether a lost read is sent again. 0 for the replica: pg's own pool, whose failed
	 * reads go to the primary at once instead (replica.ts).
	 */
	reconnectWithinMs?: number
	/** The log prefix. */
	label?: string
}) {
	const Pool = reconnectWithinMs > 0 ? ResilientPool : pg.Pool
	const pool = new Pool({
		connectionString: url,
		max: poolSize,
		Client: SerialClient,
		connectionTimeoutMillis,
		reconnectWithinMs,
		// An idle connection is closed after 10 s (pg's default, named here because it matters): the
		// fewer idle connections a pool holds, the fewer a PgBouncer restart or failover leaves dead.
		idleTimeoutMillis: 10_000,
		// TCP keepalive finds a connection whose server vanished without a word (a host lost, a
		// network cut), which would otherwise look idle and healthy until a statement hangs on it.
		keepAlive: true,
		keepAliveInitialDelayMillis: 10_000,
	})
	// An idle connection ended by the server (restart, failover, Ctrl-C reaching PostgreSQL first)
	// must not crash the process: pg's pool drops it at once (it listens for the socket closing),
	// and the next statement gets a fresh one.
	pool.on('error', (error) => console.error(`[${label}] idle connection closed: ${error.message}`))
	const client = new PrismaClient({
		// A transaction whose COMMIT or ROLLBACK failed gives its connection back (transaction-release.ts).
		adapter: releaseOnFailedEnd(new PrismaPg(pool)),
		log: [{ emit: 'event', level: 'query' }],
		// Prisma's defaults (2 s to get a connection, 5 s in all) are short for transactions that
		// also render an email, on a busy machine; a lock is still never held for long.
		transactionOptions: { maxWait: 10_000, timeout: 15_000 },
	})
	client.$on('query', (e) => {
		for (const listener of listeners) listener({ query: e.query, durationMs: e.duration })
	})
	// The one place where "the database is too busy" becomes an answer a person can act on: every
	// transaction in Circle goes through here, so none of them can surface Prisma's P2028 as a 500.
	// It is also where a transaction whose connection was lost is run again (runAgainIfRolledBack).
	const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>
	client.$transaction = ((...args: unknown[]) =>
		runAgainIfRolledBack(transaction, args).catch(rethrowBusy)) as typeof client.$transaction
	return client
}

type Callback = (tx: unknown) => Promise<unknown>

/**
 * Runs an interactive transaction (`$transaction(async (tx) => …)`) and, if its connection was lost
 * (a PgBouncer restart, a failover) at a moment that proves it rolled back, runs it once more on a
 * fresh connection (ADR 0056). Proof of a rollback: the callback had not started (the connection or
 * BEGIN failed), or the callback threw, so COMMIT was never sent and PostgreSQL ends a transaction
 * whose connection closed by rolling it back. If the callback returned and COMMIT then got no
 * answer, the transaction may have committed: that error reaches the caller, never a second run.
 * The array form (`$transaction([…])`) is not run again: Prisma sends its COMMIT unseen.
 */
async function runAgainIfRolledBack(transaction: (...args: unknown[]) => Promise<unknown>, args: unknown[]) {
	const [first, ...rest] = args
	if (typeof first !== 'function') return transaction(...args)
	const callback = first as Callback
	for (let run = 1; ; run++) {
		let stage: 'not started' | 'running' | 'threw' | 'returned' = 'not started'
		const tracked = async (tx: unknown) => {
			stage = 'running'
			try {
				const result = await callback(tx)
				stage = 'returned'
				return result
			} catch (error) {
				stage = 'threw'
				throw error
			}
		}
		try {
			return await transaction(tracked, ...rest)
		} catch (error) {
			const rolledBack = stage === 'not started' || stage === 'threw'
			if (run > 1 || !rolledBack || !isConnectionLost(error)) throw error
			console.warn(`[db] a transaction lost its connection before COMMIT (rolled back): running it again`)
		}
	}
}

export const BUSY_MESSAGE =
	'Circle is very busy just now and could not finish that. Nothing was changed: please try again in a moment.'

/**
 * Whether `error` says the database had no time for a transaction: Prisma's P2028 when no
 * connection came free within `maxWait`, or the transaction ran past its `timeout` (it is then
 * rolled back, so nothing was committed), or the pool gave up waiting for a connection.
 */
export function isBusyError(error: unknown) {
	if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2028') return true
	return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)
}

/** Rethrows a busy error as DomainError('throttled', 'BUSY') (429 with Retry-After), anything else as it is. */
export function rethrowBusy(error: unknown): never {
	if (isBusyError(error)) {
		throw new DbError('throttled', 'BUSY', BUSY_MESSAGE, { retryAfterSeconds: 5 })
	}
	throw error
}

const globalForPrisma = globalThis as unknown as { circlePrisma?: ReturnType<typeof createClient> }

/**
 * The one Prisma client. Created on first import, after scripts/start.ts (or the test setup) has
 * put DATABASE_URL in place; kept on globalThis so that dev hot reload does not open new pools.
 */
export const prisma = (globalForPrisma.circlePrisma ??= createClient())

export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

/** Calls `listener` for every SQL statement Prisma sends (used to count queries per page). */
export function onQuery(listener: QueryListener) {
	listeners.add(listener)
	return () => void listeners.delete(listener)
}
