// Every raw SQL statement of the newsletter context (ADR 0018, docs/decisions/0042-newsletter.md).
import { Prisma, type prisma, type Tx } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'

type Db = Tx | typeof prisma

// Who an issue goes to: confirmed subscribers only (never pending or unsubscribed ones, nor any the
// mail provider reported as bouncing or complaining: ADR 0046), and when the issue names sectors,
// those interested in one of them or in everything (no sectors chosen).
function recipientsWhereSql(issueSectors: Sector[]) {
	const sectorRule = issueSectors.length
		? Prisma.sql`AND (cardinality(s.sectors) = 0 OR s.sectors && ${issueSectors}::"Sector"[])`
		: Prisma.empty
	return Prisma.sql`s.status = 'CONFIRMED' AND s."suppressedAt" IS NULL ${sectorRule}`
}

export type RecipientRow = {
	id: string
	email: string
	name: string | null
	language: string | null
	unsubscribeToken: string
}

/** Up to `limit` recipients of an issue who have no delivery row for it yet, in a stable order. */
export async function selectUndeliveredRecipients(
	db: Db,
	{ issueId, sectors, limit }: { issueId: string; sectors: Sector[]; limit: number },
) {
	return db.$queryRaw<RecipientRow[]>`
		SELECT s.id, s.email, s.name, s.language, s."unsubscribeToken"
		FROM "NewsletterSubscriber" s
		WHERE ${recipientsWhereSql(sectors)}
			AND NOT EXISTS (SELECT 1 FROM "NewsletterDelivery" d WHERE d."issueId" = ${issueId} AND d."subscriberId" = s.id)
		ORDER BY s.id
		LIMIT ${limit}`
}

/** How many recipients of an issue have no delivery row yet ("to send"). */
export async function countUndeliveredRecipients(db: Db, { issueId, sectors }: { issueId: string; sectors: Sector[] }) {
	const [row] = await db.$queryRaw<[{ count: bigint }]>`
		SELECT count(*) AS count FROM "NewsletterSubscriber" s
		WHERE ${recipientsWhereSql(sectors)}
			AND NOT EXISTS (SELECT 1 FROM "NewsletterDelivery" d WHERE d."issueId" = ${issueId} AND d."subscriberId" = s.id)`
	return Number(row.count)
}

/**
 * Claims one (issue, subscriber) pair: inserts its delivery row only while the subscriber is still
 * confirmed, and only if no row exists. The primary key is the race guard: a second worker's insert
 * waits for the first transaction and then does nothing, so each subscriber gets an issue once.
 * True when this caller claimed it (and must queue the email in the same transaction).
 */
export async function claimDelivery(tx: Tx, { issueId, subscriberId }: { issueId: string; subscriberId: string }) {
	const rows = await tx.$queryRaw<{ subscriberId: string }[]>`
		INSERT INTO "NewsletterDelivery" ("issueId", "subscriberId", status, "createdAt")
		SELECT ${issueId}, s.id, 'SENT', now() FROM "NewsletterSubscriber" s
		WHERE s.id = ${subscriberId} AND s.status = 'CONFIRMED' AND s."suppressedAt" IS NULL
		ON CONFLICT ("issueId", "subscriberId") DO NOTHING
		RETURNING "subscriberId"`
	return rows.length === 1
}

export type IssueProgress = { sent: number; failed: number; bounced: number; complained: number; toSend: number }

/**
 * An issue's progress: delivered to the mail queue and not failed since (sent), failed when queued or
 * refused by the mail server after every retry (failed), reported by the provider as a hard bounce
 * (bounced) or as spam (complained) (ADR 0046), and confirmed recipients not reached yet (to send).
 */
export async function selectIssueProgress(db: Db, { issueId, sectors }: { issueId: string; sectors: Sector[] }) {
	const [row] = await db.$queryRaw<[{ sent: bigint; failed: bigint; bounced: bigint; complained: bigint }]>`
		SELECT
			count(*) FILTER (WHERE d.status = 'SENT' AND (m.status IS NULL OR m.status <> 'FAILED')) AS sent,
			count(*) FILTER (WHERE d.status = 'FAILED' OR (d.status = 'SENT' AND m.status = 'FAILED')) AS failed,
			count(*) FILTER (WHERE d.status = 'BOUNCED') AS bounced,
			count(*) FILTER (WHERE d.status = 'COMPLAINED') AS complained
		FROM "NewsletterDelivery" d LEFT JOIN "EmailMessage" m ON m.id = d."emailMessageId"
		WHERE d."issueId" = ${issueId}`
	return {
		sent: Number(row.sent),
		failed: Number(row.failed),
		bounced: Number(row.bounced),
		complained: Number(row.complained),
		toSend: await countUndeliveredRecipients(db, { issueId, sectors }),
	} satisfies IssueProgress
}
