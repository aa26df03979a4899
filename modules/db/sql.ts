// The raw SQL every context shares (ADR 0018): a row lock by primary key and the health check.
// Each context keeps its own statements in its own sql.ts.
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
 * at or before it. A read replica that has replayed up to it shows those commits (ADR 0052).
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
