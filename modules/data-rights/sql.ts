// Every raw SQL statement of the data-rights context's retention (ADR 0037).
import type { prisma, Tx } from '#modules/db/client.ts'

type Db = Tx | typeof prisma

/**
 * Claims one retention event by its key: true when this transaction inserted it, false when it was
 * already there. A concurrent claim of the same key waits on the primary key until this transaction
 * ends, then finds it: the whole exactly-once guard, with the caller's rollback.
 */
export async function claimRetentionEvent(
	tx: Db,
	event: { key: string; kind: string; userId?: string | null; deleted?: number; at: Date },
) {
	const inserted = await tx.$executeRaw`
		INSERT INTO "RetentionEvent" (key, kind, "userId", deleted, "createdAt")
		VALUES (${event.key}, ${event.kind}, ${event.userId ?? null}, ${event.deleted ?? 0}, ${event.at})
		ON CONFLICT (key) DO NOTHING`
	return inserted === 1
}

/** Records how many rows a claimed daily step deleted. */
export async function setRetentionEventCount(tx: Db, { key, deleted }: { key: string; deleted: number }) {
	await tx.$executeRaw`UPDATE "RetentionEvent" SET deleted = ${deleted} WHERE key = ${key}`
}

/**
 * Copies each person's latest session activity onto User.lastActiveAt (only ever forwards), so that
 * deleting old sessions never makes an active person look inactive.
 */
export async function rollUpLastActive(tx: Db) {
	return tx.$executeRaw`
		UPDATE "User" u SET "lastActiveAt" = s.last
		FROM (SELECT "userId", max("lastSeenAt") AS last FROM "Session" GROUP BY "userId") s
		WHERE u.id = s."userId" AND (u."lastActiveAt" IS NULL OR u."lastActiveAt" < s.last)`
}

/**
 * Deletes audit entries written before `before`. The append-only trigger refuses every delete unless
 * this transaction has set circle.audit_retention_before (transaction-local: set_config's third
 * argument) and the row is older than it, so no other code path can delete audit rows.
 */
export async function deleteAuditEntriesBefore(tx: Tx, { before }: { before: Date }) {
	const instant = before.toISOString().replace('T', ' ').replace('Z', '')
	await tx.$queryRaw`SELECT set_config('circle.audit_retention_before', ${instant}, true)`
	return tx.$executeRaw`DELETE FROM "AuditLog" WHERE "createdAt" < ${before}`
}

export type InactiveAccountRow = { id: string; name: string; email: string; lastActiveAt: Date }

/**
 * Accounts whose last activity (sign-up, User.lastActiveAt, or a session still on file) is before
 * `activeBefore`, that are not platform admins and have not been erased by retention already.
 */
export async function selectInactiveAccounts(db: Db, { activeBefore }: { activeBefore: Date }) {
	return db.$queryRaw<InactiveAccountRow[]>`
		SELECT u.id, u.name, u.email, a.last AS "lastActiveAt"
		FROM "User" u
		CROSS JOIN LATERAL (
			SELECT greatest(u."createdAt", u."lastActiveAt",
				(SELECT max(s."lastSeenAt") FROM "Session" s WHERE s."userId" = u.id)) AS last
		) a
		WHERE u.role <> 'ADMIN'
			AND a.last < ${activeBefore}
			AND NOT EXISTS (SELECT 1 FROM "RetentionEvent" e WHERE e.key = 'inactive-erasure:' || u.id)
		ORDER BY u.id`
}
