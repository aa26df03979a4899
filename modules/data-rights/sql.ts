// Every raw SQL statement of the data-rights context (ADR 0018): retention (ADR 0037) and erasure
// (ADR 0038); retention.test.ts and erasure.test.ts run each one.
import { Prisma, type prisma, type Tx, type User } from '#modules/db/client.ts'

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
			AND u."erasedAt" IS NULL
			AND a.last < ${activeBefore}
			AND NOT EXISTS (SELECT 1 FROM "RetentionEvent" e WHERE e.key = 'inactive-erasure:' || u.id)
		ORDER BY u.id`
}

/** The user's row, locked for the rest of the transaction: two erasures of one person run one after the other. */
export async function lockUserForErasure(tx: Tx, userId: string) {
	const [row] = await tx.$queryRaw<
		Array<Pick<User, 'id' | 'email' | 'name' | 'personalEmail' | 'role' | 'erasedAt' | 'passwordHash'>>
	>`SELECT id, email, name, "personalEmail", role::text AS role, "erasedAt", "passwordHash"
		FROM "User" WHERE id = ${userId} FOR UPDATE`
	return row ?? null
}

/**
 * Tells the audit log's append-only trigger that this transaction is an erasure, so it may rewrite
 * rows' details (to take a person's name and addresses out); nothing else about a row may change,
 * and rows still cannot be deleted. `true`: only until the transaction ends.
 */
export async function markTransactionAsErasure(tx: Tx) {
	await tx.$queryRaw`SELECT set_config('circle.erasure', 'on', true)`
}

/** Every network address Circle recorded for the person (sessions, sign-in challenges, their audit rows). */
export async function selectUserIpAddresses(tx: Tx, userId: string) {
	const rows = await tx.$queryRaw<Array<{ ip: string }>>`
		SELECT DISTINCT ip FROM (
			SELECT "ipAddress" AS ip FROM "Session" WHERE "userId" = ${userId}
			UNION SELECT "ipAddress" FROM "SignInChallenge" WHERE "userId" = ${userId}
			UNION SELECT "ipAddress" FROM "AuditLog" WHERE "actorId" = ${userId}
				OR ("targetType" = 'User' AND "targetId" = ${userId})
		) AS ips WHERE ip IS NOT NULL`
	return rows.map((r) => r.ip)
}

/**
 * Deletes throttle counters keyed on any of `keys` (an address, an IP address, the user's id):
 * rate-limiter-flexible stores them as `<throttle name>:<key>`.
 */
export async function deleteThrottleRowsFor(tx: Tx, keys: string[]) {
	if (keys.length === 0) return 0
	const patterns = keys.map((k) => `%:${k.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}`)
	return tx.$executeRaw`DELETE FROM "throttle" WHERE lower(key) LIKE ANY(${patterns}::text[])`
}

/** The audit rows that are about the person: theirs, or about their account. */
export async function clearAuditNetworkDetails(tx: Tx, userId: string) {
	return tx.$executeRaw`
		UPDATE "AuditLog" SET "ipAddress" = NULL, "userAgent" = NULL
		WHERE ("actorId" = ${userId} OR ("targetType" = 'User' AND "targetId" = ${userId}))
			AND ("ipAddress" IS NOT NULL OR "userAgent" IS NOT NULL)`
}

/**
 * Free text that may name a person although it is not theirs: other people's emails, audit details,
 * a partner's attestation, a manager's comment, a revocation reason. Erasure finds the rows that
 * mention the person (case-insensitively) and rewrites those words. Identifiers are fixed here, never input.
 */
export const TEXT_MENTIONS = [
	{ table: 'EmailMessage', columns: ['subject', 'html', 'text'], json: false },
	{ table: 'AuditLog', columns: ['details'], json: true },
	{ table: 'Confirmation', columns: ['email'], json: false },
	{ table: 'Confirmation', columns: ['attestation'], json: true },
	{ table: 'FollowUpResponse', columns: ['managerComment', 'sentActionPlan', 'sentReflection'], json: false },
	{ table: 'Certificate', columns: ['revokedReason'], json: false },
	{ table: 'ProgrammeCertificate', columns: ['revokedReason'], json: false },
	{ table: 'Enrolment', columns: ['revokedReason'], json: false },
	{ table: 'Invitation', columns: ['email'], json: false },
	{ table: 'SeatAssignment', columns: ['email'], json: false },
	{ table: 'Enquiry', columns: ['name', 'email', 'message', 'organisationName'], json: false },
] as const

export type TextMentionTarget = (typeof TEXT_MENTIONS)[number]
type MentionRow = { id: string } & Record<string, unknown>

function likePatterns(terms: string[]) {
	return terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
}

/** The rows of one target whose columns mention any of `terms`, with those columns' values. */
export async function selectMentions(tx: Tx, target: TextMentionTarget, terms: string[]): Promise<MentionRow[]> {
	if (terms.length === 0) return []
	const patterns = likePatterns(terms)
	const table = Prisma.raw(`"${target.table}"`)
	const columns = Prisma.raw(target.columns.map((c) => `"${c}"`).join(', '))
	const where = Prisma.join(
		target.columns.map((c) => Prisma.sql`${Prisma.raw(`"${c}"`)}::text ILIKE ANY(${patterns}::text[])`),
		' OR ',
	)
	return tx.$queryRaw<MentionRow[]>`SELECT id, ${columns} FROM ${table} WHERE ${where}`
}

/** Writes one row's rewritten columns back (JSON columns as jsonb). */
export async function updateMention(tx: Tx, target: TextMentionTarget, id: string, values: Record<string, unknown>) {
	const sets = target.columns.map((c) => {
		const column = Prisma.raw(`"${c}"`)
		const value = values[c]
		if (target.json) return Prisma.sql`${column} = ${value === null ? null : JSON.stringify(value)}::jsonb`
		return Prisma.sql`${column} = ${value as string | null}`
	})
	await tx.$executeRaw`UPDATE ${Prisma.raw(`"${target.table}"`)} SET ${Prisma.join(sets, ', ')} WHERE id = ${id}`
}
