// Every raw SQL statement of the reminders context (ADR 0018). Which requirement is due, overdue or
// expired is never decided here: the candidates' statuses come from complianceStatusSql, the one rule.
import crypto from 'node:crypto'
import { Prisma, type prisma, type Tx } from '#modules/db/client.ts'
import { type ScanScope, scanScopeSql } from '#modules/db/sql.ts'
import { complianceJoinsSql, complianceStatusSql } from '#modules/compliance/sql.ts'
import type { ComplianceStatus } from '#modules/compliance/status.ts'
import { enrolmentStartedSql } from '#modules/enrolment/started.ts'
import { membershipInTeamsSql } from '#modules/teams/sql.ts'

type Db = Tx | typeof prisma

/** How many days after a missed date (or an expiry, or a nudge's day) a late scan still sends it. */
export const CATCH_UP_DAYS = 7

// A timestamp column (stored in UTC) as its UK calendar day.
function ukDateSql(column: Prisma.Sql) {
	return Prisma.sql`((${column}) AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date`
}

// A course's title as learners see it: its published version's (else its newest version's).
function courseTitleSql(course: string) {
	const c = Prisma.raw(`"${course}"`)
	return Prisma.sql`COALESCE((SELECT v.title FROM "CourseVersion" v WHERE v."courseId" = ${c}.id
		ORDER BY (v.id = ${c}."publishedVersionId") DESC, v.number DESC LIMIT 1), ${c}.slug)`
}

export type DueCandidateRow = {
	learnerAssignmentId: string
	userId: string
	email: string
	name: string
	organisationId: string
	organisationName: string
	reminderDueDays: number[]
	courseTitle: string
	courseSlug: string
	dueOn: Date
	status: ComplianceStatus
}

/**
 * First-time requirements (not renewals: their certificate's expiry reminders cover them) that are
 * open, whose person has a place to learn (not waiting for a seat) and is still an active member,
 * due within `aheadDays` of `today` or missed at most CATCH_UP_DAYS ago.
 */
export async function selectDueCandidates(
	db: Db,
	{ today, aheadDays, scope }: { today: string; aheadDays: number; scope?: ScanScope },
) {
	return db.$queryRaw<DueCandidateRow[]>`
		SELECT la.id AS "learnerAssignmentId", u.id AS "userId", u.email, u.name,
			o.id AS "organisationId", o.name AS "organisationName", o."reminderDueDays",
			${courseTitleSql('c')} AS "courseTitle", c.slug AS "courseSlug", la."dueOn",
			${complianceStatusSql({ today })} AS status
		FROM "LearnerAssignment" la ${complianceJoinsSql()}
		JOIN "User" u ON u.id = la."userId" AND u."disabledAt" IS NULL
		JOIN "Organisation" o ON o.id = la."organisationId"
		JOIN "Membership" m ON m."organisationId" = la."organisationId" AND m."userId" = la."userId" AND m."deactivatedAt" IS NULL
		JOIN "Course" c ON c.id = COALESCE(la."refresherCourseId", la."courseId")
		WHERE la."completedAt" IS NULL AND la."cancelledAt" IS NULL AND la."renewsCertificateId" IS NULL
			AND la."enrolmentId" IS NOT NULL ${scanScopeSql(Prisma.sql`u.id`, scope)}
			AND la."dueOn" BETWEEN ${today}::date - ${CATCH_UP_DAYS}::int AND ${today}::date + ${aheadDays}::int
			-- Only rows inside the organisation's first interval (or missed): the rest have nothing due yet.
			AND la."dueOn" - ${today}::date <= COALESCE((SELECT max(d) FROM unnest(o."reminderDueDays") d), 0)
		ORDER BY la.id`
}

export type ExpiryCandidateRow = {
	certificateId: string
	userId: string
	email: string
	name: string
	courseTitle: string
	validUntil: Date
	/** The organisation that requires it (the first, when several do), or null. */
	organisationId: string | null
	organisationName: string | null
	reminderExpiryDays: number[] | null
	/** Where to renew: an open renewal's course (maybe a refresher), else the course itself. */
	renewTitle: string
	renewSlug: string
}

/**
 * Certificates that expire within `aheadDays` of `today` (or expired at most CATCH_UP_DAYS ago),
 * are not revoked, and have not been renewed: no later certificate on the same enrolment and no
 * completed renewal of them. Each comes with the organisation that requires it, when one does.
 */
export async function selectExpiryCandidates(
	db: Db,
	{ today, aheadDays, scope }: { today: string; aheadDays: number; scope?: ScanScope },
) {
	return db.$queryRaw<ExpiryCandidateRow[]>`
		SELECT cert.id AS "certificateId", u.id AS "userId", u.email, u.name, cert."courseTitle",
			cert."validUntil", req."organisationId", req."organisationName", req."reminderExpiryDays",
			COALESCE(renew_course.title, cert."courseTitle") AS "renewTitle", COALESCE(renew_course.slug, c.slug) AS "renewSlug"
		FROM "Certificate" cert
		JOIN "Enrolment" e ON e.id = cert."enrolmentId"
		JOIN "Course" c ON c.id = e."courseId"
		JOIN "User" u ON u.id = e."userId" AND u."disabledAt" IS NULL
		LEFT JOIN LATERAL (
			SELECT o.id AS "organisationId", o.name AS "organisationName", o."reminderExpiryDays"
			FROM "LearnerAssignment" la
			JOIN "Organisation" o ON o.id = la."organisationId"
			JOIN "Membership" m ON m."organisationId" = o.id AND m."userId" = la."userId" AND m."deactivatedAt" IS NULL
			WHERE la."certificateId" = cert.id AND la."cancelledAt" IS NULL
			ORDER BY la."createdAt", la.id LIMIT 1
		) req ON true
		LEFT JOIN LATERAL (
			SELECT ${courseTitleSql('rc')} AS title, rc.slug FROM "LearnerAssignment" renewal
			JOIN "Course" rc ON rc.id = COALESCE(renewal."refresherCourseId", renewal."courseId")
			WHERE renewal."renewsCertificateId" = cert.id AND renewal."cancelledAt" IS NULL
			ORDER BY renewal."createdAt" LIMIT 1
		) renew_course ON true
		WHERE cert."revokedAt" IS NULL AND cert."validUntil" IS NOT NULL ${scanScopeSql(Prisma.sql`u.id`, scope)}
			AND cert."validUntil" BETWEEN ${today}::date - ${CATCH_UP_DAYS}::int AND ${today}::date + ${aheadDays}::int
			AND NOT EXISTS (SELECT 1 FROM "Certificate" later
				WHERE later."enrolmentId" = cert."enrolmentId" AND later.cycle > cert.cycle AND later."revokedAt" IS NULL)
			AND NOT EXISTS (SELECT 1 FROM "LearnerAssignment" renewed
				WHERE renewed."renewsCertificateId" = cert.id AND renewed."completedAt" IS NOT NULL)
		ORDER BY cert.id`
}

export type NudgeCandidateRow = {
	enrolmentId: string
	userId: string
	email: string
	name: string
	courseTitle: string
	courseSlug: string
	/** The UK day of the learner's last activity in the course. */
	lastActiveOn: Date
}

/**
 * Started, unfinished, active enrolments whose learner was last active between `fromDays` and
 * `toDays` days before `today`. Courses an organisation requires of them are left out: an open
 * requirement has its own due-date reminders, and one email stream per course is enough.
 */
export async function selectNudgeCandidates(
	db: Db,
	{ today, fromDays, toDays, scope }: { today: string; fromDays: number; toDays: number; scope?: ScanScope },
) {
	const lastActiveOn = ukDateSql(Prisma.sql`COALESCE(e."lastActivityAt", e."startedAt", e."createdAt")`)
	return db.$queryRaw<NudgeCandidateRow[]>`
		SELECT e.id AS "enrolmentId", u.id AS "userId", u.email, u.name, ev.title AS "courseTitle", c.slug AS "courseSlug",
			${lastActiveOn} AS "lastActiveOn"
		FROM "Enrolment" e
		JOIN "User" u ON u.id = e."userId" AND u."disabledAt" IS NULL
		JOIN "Course" c ON c.id = e."courseId"
		JOIN "CourseVersion" ev ON ev.id = e."versionId"
		WHERE e.status = 'ACTIVE' AND e."completedAt" IS NULL AND ${enrolmentStartedSql('e')}
			${scanScopeSql(Prisma.sql`u.id`, scope)}
			AND ${lastActiveOn} BETWEEN ${today}::date - ${toDays}::int AND ${today}::date - ${fromDays}::int
			AND NOT EXISTS (SELECT 1 FROM "LearnerAssignment" la
				WHERE la."enrolmentId" = e.id AND la."completedAt" IS NULL AND la."cancelledAt" IS NULL)
		ORDER BY e.id`
}

export type DigestRecipientRow = {
	organisationId: string
	organisationSlug: string
	organisationName: string
	userId: string
	email: string
	name: string
	/** True for an owner or administrator (who sees everyone), false for a team manager. */
	isAdmin: boolean
}

/**
 * Who gets the weekly digest: every organisation's active owners and administrators who have not
 * switched it off, and every active team manager. One row per person and organisation.
 */
export async function selectDigestRecipients(db: Db, { scope }: { scope?: ScanScope } = {}) {
	return db.$queryRaw<DigestRecipientRow[]>`
		SELECT o.id AS "organisationId", o.slug AS "organisationSlug", o.name AS "organisationName",
			u.id AS "userId", u.email, u.name, m.role IN ('OWNER', 'ADMIN') AS "isAdmin"
		FROM "Membership" m
		JOIN "Organisation" o ON o.id = m."organisationId"
		JOIN "User" u ON u.id = m."userId" AND u."disabledAt" IS NULL
		WHERE m."deactivatedAt" IS NULL ${scanScopeSql(Prisma.sql`u.id`, scope)}
			AND ((m.role IN ('OWNER', 'ADMIN') AND NOT m."digestOff")
				OR (m.role NOT IN ('OWNER', 'ADMIN') AND EXISTS (
					SELECT 1 FROM "TeamMember" tm WHERE tm."membershipId" = m.id AND tm."isManager")))
			AND EXISTS (SELECT 1 FROM "LearnerAssignment" any_la WHERE any_la."organisationId" = o.id)
		ORDER BY o.id, u.id`
}

export type DigestRow = {
	personName: string
	courseTitle: string
	status: ComplianceStatus
	dueOn: Date
	/** On a renewal: the last valid day of the certificate it renews. */
	previousValidUntil: Date | null
	validUntil: Date | null
}

/**
 * The people in an organisation (or, given `teamIds`, in those teams) whose latest requirement for
 * a course (highest cycle, not cancelled) is overdue, expired or due soon on `today`, worst first.
 */
export async function selectDigestRows(
	db: Db,
	{ organisationId, teamIds, today }: { organisationId: string; teamIds: string[] | null; today: string },
) {
	const scope = teamIds ? Prisma.sql`AND ${membershipInTeamsSql('m', teamIds)}` : Prisma.empty
	return db.$queryRaw<DigestRow[]>`
		WITH latest AS (
			SELECT DISTINCT ON (la."userId", la."courseId") la.*
			FROM "LearnerAssignment" la
			JOIN "Membership" m ON m."organisationId" = la."organisationId" AND m."userId" = la."userId" AND m."deactivatedAt" IS NULL
			WHERE la."organisationId" = ${organisationId} AND la."cancelledAt" IS NULL ${scope}
			ORDER BY la."userId", la."courseId", la.cycle DESC
		), rated AS (
			SELECT la."userId", la."courseId", la."dueOn", la_cert."validUntil", la_renews."validUntil" AS "previousValidUntil",
				${complianceStatusSql({ today })} AS status
			FROM latest la ${complianceJoinsSql()}
		)
		SELECT u.name AS "personName", ${courseTitleSql('c')} AS "courseTitle", r.status, r."dueOn", r."previousValidUntil", r."validUntil"
		FROM rated r
		JOIN "User" u ON u.id = r."userId"
		JOIN "Course" c ON c.id = r."courseId"
		WHERE r.status IN ('OVERDUE', 'EXPIRED', 'DUE_SOON')
		ORDER BY CASE r.status WHEN 'EXPIRED' THEN 0 WHEN 'OVERDUE' THEN 1 ELSE 2 END, r."dueOn", u.name, "courseTitle"`
}

/** The keys among `keys` that are already used up (sent, or suppressed by a preference). */
export async function selectUsedEventKeys(db: Db, { keys }: { keys: string[] }) {
	if (keys.length === 0) return new Set<string>()
	const rows = await db.$queryRaw<Array<{ key: string }>>`SELECT key FROM "ReminderEvent" WHERE key = ANY(${keys})`
	return new Set(rows.map((row) => row.key))
}

/**
 * Claims one event for its email: true when this transaction inserted the key, false when it was
 * already there. A concurrent claim of the same key waits on the primary key until this
 * transaction ends, then finds it (the whole exactly-once guard, with the caller's rollback).
 */
export async function claimReminderEvent(
	tx: Tx,
	event: { key: string; kind: string; userId: string; organisationId: string | null },
) {
	const inserted = await tx.$executeRaw`
		INSERT INTO "ReminderEvent" (key, kind, "userId", "organisationId")
		VALUES (${event.key}, ${event.kind}, ${event.userId}, ${event.organisationId})
		ON CONFLICT (key) DO NOTHING`
	return inserted === 1
}

/**
 * A person's reminder preference, made on first use with a fresh unsubscribe token (concurrent
 * callers get the same row).
 */
export async function upsertReminderPreference(db: Db, { userId }: { userId: string }) {
	const token = crypto.randomBytes(24).toString('base64url')
	const [row] = await db.$queryRaw<Array<{ optionalOff: boolean; unsubscribeToken: string }>>`
		INSERT INTO "ReminderPreference" ("userId", "unsubscribeToken", "updatedAt") VALUES (${userId}, ${token}, now())
		ON CONFLICT ("userId") DO UPDATE SET "userId" = EXCLUDED."userId"
		RETURNING "optionalOff", "unsubscribeToken"`
	return row!
}
