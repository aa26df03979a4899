import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { Prisma, prisma } from '#modules/db/client.ts'
import { REPORT_STATUS_LABELS, type ReportStatus } from './report-status.ts'

export { parseReportStatus, REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from './report-status.ts'

export type ReportFilters = {
	/** A course id of one of the organisation's pools. */
	courseId?: string | null
	status?: ReportStatus | null
	/** Part of a name or email address. */
	search?: string | null
}

export type ReportRow = {
	key: string
	kind: 'invitation' | 'seat'
	invitationId: string | null
	assignmentId: string | null
	poolId: string
	courseId: string
	courseTitle: string
	courseSlug: string
	name: string | null
	email: string
	status: ReportStatus
	invitedAt: Date | null
	startedAt: Date | null
	progressPercent: number
	completedAt: Date | null
	certificateCode: string | null
	lastActiveAt: Date | null
}

type RawRow = Omit<ReportRow, 'progressPercent'> & {
	doneRequired: number
	totalRequired: number
	doneAll: number
	totalAll: number
}

/** Narrows the rows before the filters: after a CSV key, or to some courses (a page's). */
type Keyset = { afterKey?: string | null; courseIds?: string[] }

// The report is built in two stages so that its cost follows the page, not the team's size
// (100,000 seats in a large trust). First the rows are filtered, ordered and limited on what the
// order and the filters need (person, course, key); the status filter probes the seat's enrolment
// and, for "in progress", whether it has any progress row (EXISTS on LessonProgress(enrolmentId)),
// and only when that filter is used. Then, for the page's rows only: the enrolment, certificate and
// invitation, the lesson counts (one pass over the enrolment's progress rows, one over its version's
// lessons) and the status.
function statusFilterSql(status: ReportStatus) {
	const enrolment = (condition: Prisma.Sql) =>
		Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."seatAssignmentId" = r."assignmentId" AND ${condition})`
	const started = Prisma.sql`(e."startedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "LessonProgress" lp WHERE lp."enrolmentId" = e.id))`
	switch (status) {
		case 'invited':
			return Prisma.sql`r.kind = 'invitation'`
		case 'completed':
			return Prisma.sql`r.kind = 'seat' AND ${enrolment(Prisma.sql`e."completedAt" IS NOT NULL`)}`
		case 'in_progress':
			return Prisma.sql`r.kind = 'seat' AND ${enrolment(Prisma.sql`e."completedAt" IS NULL AND ${started}`)}`
		case 'not_started':
			return Prisma.sql`r.kind = 'seat' AND NOT ${enrolment(Prisma.sql`(e."completedAt" IS NOT NULL OR ${started})`)}`
	}
}

function filteredRowsSql(organisationId: string, filters: ReportFilters, keyset?: Keyset) {
	const search = filters.search?.trim()
	const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
	const after = keyset?.afterKey ?? null
	// Keys are 'i:<invitation id>' or 's:<seat id>' compared in "C" order, so every invitation comes
	// before every seat: the keyset condition can be pushed into each branch on its own id column.
	const invitationsAfter =
		after === null
			? Prisma.empty
			: after.startsWith('i:')
				? Prisma.sql`AND i.id COLLATE "C" > ${after.slice(2)}`
				: Prisma.sql`AND false`
	const seatsAfter = after?.startsWith('s:') ? Prisma.sql`AND sa.id COLLATE "C" > ${after.slice(2)}` : Prisma.empty
	return Prisma.sql`
		SELECT r.*, COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug"
		FROM (
			SELECT 'i:' || i.id AS key, 'invitation' AS kind, i.id AS "invitationId", NULL::text AS "assignmentId",
				p.id AS "poolId", p."courseId", u.name, i.email
			FROM "Invitation" i
			JOIN "SeatPool" p ON p.id = i."seatPoolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.email = i.email
			WHERE i."organisationId" = ${organisationId} AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL
				AND i."expiresAt" > now() ${invitationsAfter}
			UNION ALL
			SELECT 's:' || sa.id, 'seat', sa."invitationId", sa.id, p.id, p."courseId", u.name, sa.email
			FROM "SeatAssignment" sa
			JOIN "SeatPool" p ON p.id = sa."poolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.id = sa."userId"
			WHERE sa.status = 'ASSIGNED' ${seatsAfter}
		) r
		JOIN "Course" c ON c.id = r."courseId"
		LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		WHERE true
			${filters.courseId ? Prisma.sql`AND r."courseId" = ${filters.courseId}` : Prisma.empty}
			${keyset?.courseIds ? Prisma.sql`AND r."courseId" = ANY(${keyset.courseIds}::text[])` : Prisma.empty}
			${filters.status ? Prisma.sql`AND ${statusFilterSql(filters.status)}` : Prisma.empty}
			${pattern ? Prisma.sql`AND (r.name ILIKE ${pattern} OR r.email ILIKE ${pattern})` : Prisma.empty}`
}

/** The filtered rows ordered by `orderBy` and cut by `limit`, then their details, counts and status. */
function reportPageSql(
	organisationId: string,
	filters: ReportFilters,
	/** The order, on the columns of the given table alias. */
	orderBy: (t: Prisma.Sql) => Prisma.Sql,
	limit: Prisma.Sql,
	keyset?: Keyset,
) {
	return Prisma.sql`
		SELECT page.key, page.kind, page."invitationId", page."assignmentId", page."poolId", page."courseId",
			page."courseTitle", page."courseSlug", page.name, page.email,
			CASE WHEN page.kind = 'invitation' THEN 'invited'
				WHEN e."completedAt" IS NOT NULL THEN 'completed'
				WHEN e."startedAt" IS NOT NULL OR progress."progressRows" > 0 THEN 'in_progress'
				ELSE 'not_started' END AS status,
			COALESCE(inv."createdAt", sa."assignedAt") AS "invitedAt", e."startedAt", e."completedAt",
			cert.code AS "certificateCode", e."lastActivityAt" AS "lastActiveAt",
			progress."doneRequired", lessons."totalRequired", progress."doneAll", lessons."totalAll"
		FROM (SELECT * FROM (${filteredRowsSql(organisationId, filters, keyset)}) filtered ORDER BY ${orderBy(Prisma.raw('filtered'))} ${limit}) page
		LEFT JOIN "Invitation" inv ON inv.id = page."invitationId"
		LEFT JOIN "SeatAssignment" sa ON sa.id = page."assignmentId"
		LEFT JOIN "Enrolment" e ON e."seatAssignmentId" = page."assignmentId"
		LEFT JOIN "Certificate" cert ON cert."enrolmentId" = e.id AND cert."revokedAt" IS NULL
		CROSS JOIN LATERAL (
			SELECT count(*)::int AS "progressRows",
				(count(*) FILTER (WHERE lp.status = 'COMPLETED' AND l.required))::int AS "doneRequired",
				(count(*) FILTER (WHERE lp.status = 'COMPLETED'))::int AS "doneAll"
			FROM "LessonProgress" lp JOIN "Lesson" l ON l.id = lp."lessonId"
			WHERE lp."enrolmentId" = e.id
		) progress
		CROSS JOIN LATERAL (
			SELECT (count(*) FILTER (WHERE l.required))::int AS "totalRequired", count(*)::int AS "totalAll"
			FROM "Lesson" l WHERE l."versionId" = e."versionId"
		) lessons
		ORDER BY ${orderBy(Prisma.raw('page'))}`
}

function toRow({ doneRequired, totalRequired, doneAll, totalAll, ...row }: RawRow): ReportRow {
	// The same rule as modules/learning/outline.ts progressPercent: required lessons count, or all when none is.
	const [done, total] = totalRequired > 0 ? [doneRequired, totalRequired] : [doneAll, totalAll]
	const progressPercent = row.completedAt ? 100 : total === 0 ? 0 : Math.floor((done / total) * 100)
	return { ...row, progressPercent }
}

export const REPORT_PAGE_LIMIT = 500

/**
 * The team report for an organisation: one row per pending invitation and per held seat, with
 * started, progress, completion, certificate and last activity, filtered and ordered by course and
 * person. At most `limit` rows (the page says when there are more; the CSV has them all). One query.
 */
export async function getTeamReport({
	organisationId,
	filters = {},
	limit = REPORT_PAGE_LIMIT,
	offset = 0,
}: {
	organisationId: string
	filters?: ReportFilters
	limit?: number
	/** Rows to skip, for pages after the first. */
	offset?: number
}) {
	// The order starts with the course title, so a page only ever needs the courses its rows fall in:
	// count the rows per title first (cheap: no sorting, no lesson counts), then sort the rows of
	// those courses alone, 5,000 instead of 100,000 in a large trust.
	const start = Math.max(0, Math.floor(offset))
	const titles = await prisma.$queryRaw<Array<{ rows: number; courseIds: string[] }>>(
		Prisma.sql`SELECT sum(rows)::int AS rows, array_agg("courseId") AS "courseIds"
			FROM (
				SELECT "courseId", "courseTitle", count(*) AS rows
				FROM (${filteredRowsSql(organisationId, filters)}) report_rows
				GROUP BY "courseId", "courseTitle"
			) per_course
			GROUP BY "courseTitle" ORDER BY "courseTitle"`,
	)
	const courseIds: string[] = []
	let before = 0
	let seen = 0
	for (const title of titles) {
		if (seen + title.rows > start && seen <= start + limit) courseIds.push(...title.courseIds)
		else if (seen + title.rows <= start) before += title.rows
		seen += title.rows
	}
	if (courseIds.length === 0) return { rows: [], truncated: false }
	const rows = await prisma.$queryRaw<RawRow[]>(
		reportPageSql(
			organisationId,
			filters,
			(t) => Prisma.sql`${t}."courseTitle", lower(COALESCE(${t}.name, ${t}.email)), ${t}.key`,
			Prisma.sql`LIMIT ${limit + 1} OFFSET ${start - before}`,
			{ courseIds },
		),
	)
	return { rows: rows.slice(0, limit).map(toRow), truncated: rows.length > limit }
}

/** How many rows the team report has with these filters (for the page count). One query. */
export async function countTeamReport({
	organisationId,
	filters = {},
}: {
	organisationId: string
	filters?: ReportFilters
}) {
	const [result] = await prisma.$queryRaw<Array<{ count: number }>>(
		Prisma.sql`SELECT count(*)::int AS count FROM (${filteredRowsSql(organisationId, filters)}) report_rows`,
	)
	return result?.count ?? 0
}

/** One batch of report rows after `afterKey`, in key order (for the CSV export). */
export async function getTeamReportBatch({
	organisationId,
	filters = {},
	afterKey,
	limit,
}: {
	organisationId: string
	filters?: ReportFilters
	afterKey: string | null
	limit: number
}) {
	const rows = await prisma.$queryRaw<RawRow[]>(
		reportPageSql(organisationId, filters, (t) => Prisma.sql`${t}.key COLLATE "C"`, Prisma.sql`LIMIT ${limit}`, {
			afterKey,
		}),
	)
	return rows.map(toRow)
}

export const CSV_COLUMNS = [
	{ key: 'course', header: 'Course' },
	{ key: 'name', header: 'Name' },
	{ key: 'email', header: 'Email' },
	{ key: 'status', header: 'Status' },
	{ key: 'invited', header: 'Invited' },
	{ key: 'started', header: 'Started' },
	{ key: 'progress', header: 'Progress (%)' },
	{ key: 'completed', header: 'Completed' },
	{ key: 'certificate', header: 'Certificate' },
	{ key: 'lastActive', header: 'Last active' },
] as const

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '')

/** A report row as the CSV writes it (ISO dates, so spreadsheets sort them). */
export function csvRecord(row: ReportRow) {
	return {
		course: row.courseTitle,
		name: row.name ?? '',
		email: row.email,
		status: REPORT_STATUS_LABELS[row.status],
		invited: isoDate(row.invitedAt),
		started: isoDate(row.startedAt),
		progress: row.kind === 'invitation' ? '' : String(row.progressPercent),
		completed: isoDate(row.completedAt),
		certificate: row.certificateCode ?? '',
		lastActive: isoDate(row.lastActiveAt),
	}
}

export const CSV_BATCH_SIZE = 1000

/**
 * The whole report as a CSV byte stream. Rows are read in batches of 1,000 by keyset pagination
 * and piped through csv-stringify as the client reads, so memory stays flat at 100,000 rows: the
 * next batch is fetched only when the stream has room for it.
 */
export function streamTeamReportCsv({
	organisationId,
	filters = {},
	batchSize = CSV_BATCH_SIZE,
}: {
	organisationId: string
	filters?: ReportFilters
	batchSize?: number
}): ReadableStream<Uint8Array> {
	async function* records() {
		let afterKey: string | null = null
		for (;;) {
			const batch = await getTeamReportBatch({ organisationId, filters, afterKey, limit: batchSize })
			for (const row of batch) yield csvRecord(row)
			if (batch.length < batchSize) return
			afterKey = batch.at(-1)!.key
		}
	}
	const csv = Readable.from(records()).pipe(
		stringify({ header: true, columns: CSV_COLUMNS.map((c) => ({ key: c.key, header: c.header })), bom: true }),
	)
	return Readable.toWeb(csv) as unknown as ReadableStream<Uint8Array>
}

export const CHART_WEEKS = 12

/**
 * Seat-holders' completions per week (weeks start on Monday) for the last 12 weeks, oldest first,
 * including empty weeks. One query.
 */
export async function getCompletionsByWeek({
	organisationId,
	courseId,
	now = new Date(),
}: {
	organisationId: string
	courseId?: string | null
	now?: Date
}) {
	const thisMonday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
	thisMonday.setUTCDate(thisMonday.getUTCDate() - ((thisMonday.getUTCDay() + 6) % 7))
	const since = new Date(thisMonday)
	since.setUTCDate(since.getUTCDate() - 7 * (CHART_WEEKS - 1))
	const counts = await prisma.$queryRaw<Array<{ week: Date; completions: number }>>`
		SELECT date_trunc('week', e."completedAt") AS week, count(*)::int AS completions
		FROM "Enrolment" e
		JOIN "SeatAssignment" sa ON sa.id = e."seatAssignmentId"
		JOIN "SeatPool" p ON p.id = sa."poolId"
		WHERE p."organisationId" = ${organisationId} AND e."completedAt" >= ${since}
			${courseId ? Prisma.sql`AND p."courseId" = ${courseId}` : Prisma.empty}
		GROUP BY 1`
	const byWeek = new Map(counts.map((c) => [c.week.toISOString().slice(0, 10), c.completions]))
	return Array.from({ length: CHART_WEEKS }, (_, i) => {
		const start = new Date(since)
		start.setUTCDate(start.getUTCDate() + 7 * i)
		const key = start.toISOString().slice(0, 10)
		return { weekStart: key, completions: byWeek.get(key) ?? 0 }
	})
}
