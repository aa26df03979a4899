// The raw SQL every context shares (ADR 0018): a row lock by primary key and the health checks.
// Each context keeps its own statements in its own sql.ts.
import pg from 'pg'
import { Prisma, prisma, type Tx } from './client.ts'

/**
 * Locks one row of `model`'s table by id until the transaction ends (SELECT … FOR UPDATE), so
 * writers of the same course, draft or user queue one after the other. The table name comes from
 * Prisma's own model names, so a renamed model fails `tsc` here.
 */
export async function lockRowById(tx: Tx, model: Prisma.ModelName, id: string) {
	await tx.$queryRaw<Array<{ id: string }>>(
		Prisma.sql`SELECT id FROM ${Prisma.raw(`"${Prisma.ModelName[model]}"`)} WHERE id = ${id} FOR UPDATE`,
	)
}

/** Resolves once PostgreSQL answers a trivial query (the health check). */
export async function pingDatabase() {
	await prisma.$queryRaw<Array<{ one: number }>>`SELECT 1 AS one`
}

/**
 * Who a scheduled scan covers: everyone, or only `userIds` (an operator re-running the scan for some
 * people, and tests, which share their database with every other test and must not wait on its rows).
 */
export type ScanScope = { userIds?: readonly string[] }

/** `AND <column> = ANY(userIds)` for a scoped scan; nothing for everyone. */
export function scanScopeSql(column: Prisma.Sql, scope: ScanScope = {}) {
	return scope.userIds ? Prisma.sql`AND ${column} = ANY(${[...scope.userIds]})` : Prisma.empty
}

/**
 * The primary's WAL write position (pg_lsn as text, `16/B374D848`): everything committed so far is
 * at or before it. A read replica that has replayed up to it shows those commits (ADR 0049).
 */
export async function selectWalLsn(db: { $queryRaw: typeof prisma.$queryRaw } = prisma) {
	const [row] = await db.$queryRaw<Array<{ lsn: string }>>`SELECT pg_current_wal_lsn()::text AS lsn`
	return row!.lsn
}

/** Whether a server is a standby, and how far it has replayed the primary's WAL (null on a primary). */
export async function selectReplayState(db: { $queryRaw: typeof prisma.$queryRaw }) {
	const [row] = await db.$queryRaw<Array<{ inRecovery: boolean; replayLsn: string | null }>>`
		SELECT pg_is_in_recovery() AS "inRecovery", pg_last_wal_replay_lsn()::text AS "replayLsn"`
	return row!
}

// One connection per database address, apart from the app's pool: readiness must say whether the
// database answers, not whether a busy moment has every pooled connection in use (that would take
// every replica out of the load balancer at once, at the worst time).
const readinessPools = new Map<string, pg.Pool>()

/**
 * Whether the PostgreSQL at `url` answers `SELECT 1` within `timeoutMs` (the readiness probe,
 * GET /readyz). Resolves true or false, never throws; keeps one idle connection to `url` for the
 * next probe and opens a new one after a failure.
 */
export async function databaseAnswers({ url, timeoutMs }: { url: string; timeoutMs: number }): Promise<boolean> {
	let pool = readinessPools.get(url)
	if (!pool) {
		pool = new pg.Pool({
			connectionString: url,
			max: 1,
			connectionTimeoutMillis: timeoutMs,
			query_timeout: timeoutMs,
			application_name: 'circle-readiness',
			allowExitOnIdle: true,
		})
		// A connection ended by the server while idle (restart, failover) is replaced on the next probe.
		pool.on('error', () => {})
		readinessPools.set(url, pool)
	}
	let timer: NodeJS.Timeout | undefined
	const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
	try {
		return await Promise.race([pool.query('SELECT 1 AS one').then(() => true), late])
	} catch {
		return false
	} finally {
		clearTimeout(timer)
	}
}

/** Closes the readiness probe's connections (at shutdown). */
export async function closeReadinessConnections() {
	const pools = [...readinessPools.values()]
	readinessPools.clear()
	await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)))
}

/**
 * The migrations Prisma has finished applying to the database at `url` (none when it was never
 * migrated). Its own short-lived connection: called at start-up, before anything else connects.
 */
export async function appliedMigrationNames(url: string): Promise<string[]> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows } = await client.query<{ name: string }>(
			`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
		)
		return rows.map((row) => row.name)
	} catch (error) {
		// 42P01: no _prisma_migrations table, so nothing was ever applied.
		if ((error as { code?: string }).code === '42P01') return []
		throw error
	} finally {
		await client.end()
	}
}
