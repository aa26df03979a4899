// Every raw SQL statement of the compliance context (ADR 0018), and the one SQL form of the
// compliance rule that other contexts' queries embed.
import {
	type Certificate,
	type LearnerAssignment,
	type Organisation,
	Prisma,
	type User,
	prisma as prismaClient,
	type Tx,
} from '#modules/db/client.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { membershipInTeamsSql } from '#modules/teams/sql.ts'
import { COMPLIANCE_STATUSES, type ComplianceStatus, DUE_SOON_DAYS } from './status.ts'

type Db = Tx | typeof prismaClient

function alias(name: string) {
	if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Not an SQL alias: ${name}`)
	return Prisma.raw(`"${name}"`)
}

/**
 * The compliance status of the LearnerAssignment aliased `la`, as an SQL expression, for `today`
 * (an ISO UK date). The query must join, by these aliases:
 *   LEFT JOIN "Certificate" <cert>     ON <cert>.id = la."certificateId"
 *   LEFT JOIN "Certificate" <renews>   ON <renews>.id = la."renewsCertificateId"
 *   LEFT JOIN "Enrolment"   <enrolment> ON <enrolment>.id = la."enrolmentId"
 * complianceJoinsSql writes those joins. A revoked certificate does not satisfy a requirement.
 */
export function complianceStatusSql({
	today,
	la = 'la',
	cert = 'la_cert',
	renews = 'la_renews',
	enrolment = 'la_enrolment',
}: {
	today: string
	la?: string
	cert?: string
	renews?: string
	enrolment?: string
}) {
	const [l, c, r, e] = [alias(la), alias(cert), alias(renews), alias(enrolment)]
	return Prisma.sql`circle_compliance_status(
		${l}."dueOn",
		CASE WHEN ${c}."revokedAt" IS NULL THEN ${l}."completedAt" END,
		${c}."validUntil",
		${r}."validUntil",
		${e}."startedAt" IS NOT NULL OR ${e}."completedAt" IS NOT NULL,
		${today}::date,
		${DUE_SOON_DAYS}::int)`
}

/** The joins complianceStatusSql reads, for the LearnerAssignment aliased `la`. */
export function complianceJoinsSql({
	la = 'la',
	cert = 'la_cert',
	renews = 'la_renews',
	enrolment = 'la_enrolment',
}: { la?: string; cert?: string; renews?: string; enrolment?: string } = {}) {
	const [l, c, r, e] = [alias(la), alias(cert), alias(renews), alias(enrolment)]
	return Prisma.sql`
		LEFT JOIN "Certificate" ${c} ON ${c}.id = ${l}."certificateId"
		LEFT JOIN "Certificate" ${r} ON ${r}.id = ${l}."renewsCertificateId"
		LEFT JOIN "Enrolment" ${e} ON ${e}.id = ${l}."enrolmentId"`
}

/** The status of each of the given LearnerAssignments on `today` (ids not found are left out). */
export async function selectComplianceStatuses(
	db: Db,
	{ ids, today }: { ids: string[]; today: string },
): Promise<Map<string, ComplianceStatus>> {
	if (ids.length === 0) return new Map()
	const rows = await db.$queryRaw<Array<{ id: string; status: ComplianceStatus }>>`
		SELECT la.id, ${complianceStatusSql({ today })} AS status
		FROM "LearnerAssignment" la ${complianceJoinsSql()}
		WHERE la.id = ANY(${ids})`
	return new Map(rows.map((row) => [row.id, row.status]))
}

/** For tests of the rule itself: what the SQL function says of one set of facts. */
export async function evaluateComplianceStatus(
	db: Db,
	facts: {
		dueOn: string
		completedAt: Date | null
		validUntil: string | null
		previousValidUntil: string | null
		started: boolean
		today: string
	},
): Promise<ComplianceStatus> {
	const [row] = await db.$queryRaw<Array<{ status: ComplianceStatus }>>`
		SELECT circle_compliance_status(${facts.dueOn}::date, ${facts.completedAt}::timestamp,
			${facts.validUntil}::date, ${facts.previousValidUntil}::date, ${facts.started}, ${facts.today}::date,
			${DUE_SOON_DAYS}::int) AS status`
	return row!.status
}

// ─── The compliance matrix (./matrix.ts) ────────────────────────────────────

/** Whose rows a matrix query reads: the organisation, the actor's scope and the page's filters. */
export type MatrixQuery = {
	organisationId: string
	/** A team manager's teams (and every team beneath them); null for the whole organisation. */
	scopeTeamIds: string[] | null
	/** The team filter: the chosen team and every team beneath it; null for any team. */
	teamIds: string[] | null
	courseId: string | null
	search: string | null
	today: string
}

/**
 * The organisation's people the query covers: active members (a deactivated member has left), in
 * the manager's teams, in the filtered teams, matching the search by name or address.
 */
function matrixPeopleSql(q: MatrixQuery) {
	const search = q.search?.trim()
	const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
	return Prisma.sql`
		SELECT m."userId", lower(COALESCE(u.name, u.email)) AS sort_name
		FROM "Membership" m JOIN "User" u ON u.id = m."userId"
		WHERE m."organisationId" = ${q.organisationId} AND m."deactivatedAt" IS NULL
			${q.scopeTeamIds ? Prisma.sql`AND ${membershipInTeamsSql('m', q.scopeTeamIds)}` : Prisma.empty}
			${q.teamIds ? Prisma.sql`AND ${membershipInTeamsSql('m', q.teamIds)}` : Prisma.empty}
			${pattern ? Prisma.sql`AND (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})` : Prisma.empty}`
}

/**
 * Each cell of the matrix among `people` (a CTE of userIds): the latest requirement per person and
 * course (the highest cycle that is not cancelled) with its status on `today`.
 */
function matrixCellsSql(q: Pick<MatrixQuery, 'organisationId' | 'courseId' | 'today'>, people: Prisma.Sql) {
	return Prisma.sql`
		SELECT DISTINCT ON (la."userId", la."courseId") la."userId", la."courseId", ${complianceStatusSql({ today: q.today })} AS status
		FROM "LearnerAssignment" la ${complianceJoinsSql()}
		WHERE la."organisationId" = ${q.organisationId} AND la."cancelledAt" IS NULL
			AND la."userId" IN (SELECT "userId" FROM ${people})
			${q.courseId ? Prisma.sql`AND la."courseId" = ${q.courseId}` : Prisma.empty}
		ORDER BY la."userId", la."courseId", la.cycle DESC, la."createdAt" DESC`
}

export type MatrixViewRow = {
	/** The matching people's user ids, in row order (name, then id), joined by commas. */
	userIds: string | null
	/** People the filters other than status match. */
	people: number
	/** Cells per status among those people (statuses with none are absent). */
	counts: Partial<Record<ComplianceStatus, number>>
	/** Of those people, how many have a cell overdue or expired today. */
	outOfDatePeople: number
}

/**
 * One statement for a matrix view: the people matching every filter in row order, and the counts
 * the legend shows for the people matching every filter but status (so each count can become the
 * status filter).
 */
export async function selectMatrixView(
	q: MatrixQuery & { statuses: ComplianceStatus[] | null },
	db: ReadDb = prismaClient,
): Promise<MatrixViewRow> {
	const people = Prisma.sql`people`
	const statusFilter = q.statuses
		? Prisma.sql`WHERE EXISTS (SELECT 1 FROM cells c WHERE c."userId" = p."userId" AND c.status = ANY(${q.statuses}::text[]))`
		: Prisma.empty
	const [row] = await db.$queryRaw<MatrixViewRow[]>`
		WITH people AS MATERIALIZED (${matrixPeopleSql(q)}),
		cells AS MATERIALIZED (${matrixCellsSql(q, people)}),
		matched AS (SELECT p."userId", p.sort_name FROM people p ${statusFilter})
		SELECT
			(SELECT string_agg("userId", ',' ORDER BY sort_name, "userId") FROM matched) AS "userIds",
			(SELECT count(*)::int FROM people) AS people,
			(SELECT COALESCE(json_object_agg(status, n), '{}'::json)
				FROM (SELECT status, count(*)::int AS n FROM cells GROUP BY status) s) AS counts,
			(SELECT count(DISTINCT "userId")::int FROM cells WHERE status IN ('OVERDUE', 'EXPIRED')) AS "outOfDatePeople"`
	return row!
}

export type MatrixTeamCountsRow = { teamId: string; people: number; outOfDatePeople: number } & Record<
	ComplianceStatus,
	number
>

/**
 * Counts per team for the scope (the course filter applies; the others do not): each team counts
 * its own members and those of every team beneath it, once each however many of those teams they
 * are in.
 */
export async function selectMatrixTeamCounts(
	q: Pick<MatrixQuery, 'organisationId' | 'scopeTeamIds' | 'courseId' | 'today'>,
	db: ReadDb = prismaClient,
): Promise<MatrixTeamCountsRow[]> {
	const count = (status: ComplianceStatus) =>
		Prisma.sql`(count(c.status) FILTER (WHERE c.status = ${status}))::int AS ${Prisma.raw(`"${status}"`)}`
	return db.$queryRaw<MatrixTeamCountsRow[]>`
		WITH RECURSIVE tree AS (
			SELECT id AS root, id FROM "Team"
			WHERE "organisationId" = ${q.organisationId}
				${q.scopeTeamIds ? Prisma.sql`AND id = ANY(${q.scopeTeamIds}::text[])` : Prisma.empty}
			UNION ALL
			SELECT tree.root, t.id FROM "Team" t JOIN tree ON t."parentId" = tree.id
		),
		team_people AS MATERIALIZED (
			SELECT DISTINCT tree.root, m."userId" FROM tree
			JOIN "TeamMember" tm ON tm."teamId" = tree.id
			JOIN "Membership" m ON m.id = tm."membershipId"
				AND m."organisationId" = ${q.organisationId} AND m."deactivatedAt" IS NULL
		),
		people AS MATERIALIZED (SELECT DISTINCT "userId" FROM team_people),
		cells AS MATERIALIZED (${matrixCellsSql(q, Prisma.sql`people`)})
		SELECT tp.root AS "teamId", count(DISTINCT tp."userId")::int AS people,
			count(DISTINCT tp."userId") FILTER (WHERE c.status IN ('OVERDUE', 'EXPIRED'))::int AS "outOfDatePeople",
			${Prisma.join(COMPLIANCE_STATUSES.map(count), ', ')}
		FROM team_people tp LEFT JOIN cells c ON c."userId" = tp."userId"
		GROUP BY tp.root`
}

/** The courses assigned (and not cancelled) to anyone in the scope: the matrix's columns. */
export async function selectMatrixCourseIds(
	q: Pick<MatrixQuery, 'organisationId' | 'scopeTeamIds'>,
	db: ReadDb = prismaClient,
): Promise<string[]> {
	const rows = await db.$queryRaw<Array<Pick<LearnerAssignment, 'courseId'>>>`
		SELECT DISTINCT la."courseId" FROM "LearnerAssignment" la
		${q.scopeTeamIds ? Prisma.sql`JOIN "Membership" m ON m."organisationId" = la."organisationId" AND m."userId" = la."userId" AND m."deactivatedAt" IS NULL` : Prisma.empty}
		WHERE la."organisationId" = ${q.organisationId} AND la."cancelledAt" IS NULL
			${q.scopeTeamIds ? Prisma.sql`AND ${membershipInTeamsSql('m', q.scopeTeamIds)}` : Prisma.empty}`
	return rows.map((row) => row.courseId)
}

/** One person of a page: user id, name, email, and the ids of the teams they are in. */
export type MatrixPersonTuple = [userId: User['id'], name: User['name'], email: User['email'], teamIds: string[]]

/**
 * One cell of a page: the latest requirement for a person and course, with the certificate that
 * meets it (nulls when revoked), the certificate it renews, and its status. Dates are ISO days;
 * completedOn is the UK calendar day of the completion (worked out here: 500 cells a page made
 * Intl's Europe/London formatting in Node a visible share of the page's CPU time).
 */
export type MatrixCellTuple = [
	userId: LearnerAssignment['userId'],
	courseId: LearnerAssignment['courseId'],
	cycle: LearnerAssignment['cycle'],
	dueOn: string,
	completedOn: string | null,
	waitingForSeat: boolean,
	certificateCode: Certificate['code'] | null,
	validUntil: string | null,
	previousValidUntil: string | null,
	status: ComplianceStatus,
]

/**
 * A page's (or an export batch's) people and their cells, fresh, in one statement. Rows come back
 * as JSON arrays: a page of 25 people has 500 cells, and one JSON value is far cheaper for the
 * driver and Prisma than 500 rows of ten columns.
 */
export async function selectMatrixPage({
	organisationId,
	userIds,
	courseId,
	today,
	db = prismaClient,
}: {
	organisationId: string
	userIds: string[]
	courseId: string | null
	today: string
	db?: ReadDb
}): Promise<{ people: MatrixPersonTuple[]; cells: MatrixCellTuple[] }> {
	if (userIds.length === 0) return { people: [], cells: [] }
	const [row] = await db.$queryRaw<Array<{ people: MatrixPersonTuple[]; cells: MatrixCellTuple[] }>>`
		WITH latest AS MATERIALIZED (
			-- The latest requirement per person and course first, by the (organisationId, userId,
			-- courseId, cycle) index; joined after, on these few hundred rows only. (In one query the
			-- planner's cost for the joins made it pick a parallel scan of every requirement.)
			SELECT DISTINCT ON (la."userId", la."courseId") la.*
			FROM "LearnerAssignment" la
			WHERE la."organisationId" = ${organisationId} AND la."userId" = ANY(${userIds}::text[]) AND la."cancelledAt" IS NULL
				${courseId ? Prisma.sql`AND la."courseId" = ${courseId}` : Prisma.empty}
			ORDER BY la."userId", la."courseId", la.cycle DESC, la."createdAt" DESC
		),
		cells AS (
			SELECT la."userId", la."courseId", la.cycle, la."dueOn",
				CASE WHEN la_cert."revokedAt" IS NULL
					THEN (la."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date END AS "completedOn",
				la."enrolmentId" IS NULL AND la."completedAt" IS NULL AS "waitingForSeat",
				CASE WHEN la_cert."revokedAt" IS NULL THEN la_cert.code END AS "certificateCode",
				CASE WHEN la_cert."revokedAt" IS NULL THEN la_cert."validUntil" END AS "validUntil",
				la_renews."validUntil" AS "previousValidUntil",
				${complianceStatusSql({ today })} AS status
			FROM latest la ${complianceJoinsSql()}
		)
		SELECT
			(SELECT COALESCE(json_agg(json_build_array(m."userId", u.name, u.email,
					ARRAY(SELECT tm."teamId" FROM "TeamMember" tm WHERE tm."membershipId" = m.id))), '[]'::json)
				FROM "Membership" m JOIN "User" u ON u.id = m."userId"
				WHERE m."organisationId" = ${organisationId} AND m."userId" = ANY(${userIds}::text[])) AS people,
			(SELECT COALESCE(json_agg(json_build_array("userId", "courseId", cycle, "dueOn", "completedOn", "waitingForSeat",
					"certificateCode", "validUntil", "previousValidUntil", status)), '[]'::json)
				FROM cells) AS cells`
	return row!
}

/** The organisation's matrix version: bumped by triggers on every change the matrix shows. */
export async function selectMatrixVersion(organisationId: string, db: ReadDb = prismaClient) {
	const [row] = await db.$queryRaw<Array<{ version: Organisation['matrixVersion'] }>>`
		SELECT "matrixVersion" AS version FROM "Organisation" WHERE id = ${organisationId}`
	return row?.version ?? -1
}
