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

// One SQL statement for every row of the report, whatever the team's size: pending invitations and
// held seats, each seat with its enrolment, certificate and lesson counts (correlated subqueries on
// indexed columns), so that the page and the CSV cost a fixed number of queries.
function reportSql(organisationId: string, filters: ReportFilters, tail: Prisma.Sql) {
	const search = filters.search?.trim()
	const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
	return Prisma.sql`
		WITH rows AS (
			SELECT 'i:' || i.id AS key, 'invitation' AS kind, i.id AS "invitationId", NULL::text AS "assignmentId",
				p.id AS "poolId", p."courseId", u.name, i.email, i."createdAt" AS "invitedAt",
				NULL::timestamp AS "startedAt", NULL::timestamp AS "completedAt", NULL::timestamp AS "lastActiveAt",
				NULL::text AS "certificateCode", 0 AS "progressRows",
				0 AS "doneRequired", 0 AS "totalRequired", 0 AS "doneAll", 0 AS "totalAll"
			FROM "Invitation" i
			JOIN "SeatPool" p ON p.id = i."seatPoolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.email = i.email
			WHERE i."organisationId" = ${organisationId} AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL
				AND i."expiresAt" > now()
			UNION ALL
			SELECT 's:' || sa.id, 'seat', sa."invitationId", sa.id, p.id, p."courseId", u.name, sa.email,
				COALESCE(inv."createdAt", sa."assignedAt"), e."startedAt", e."completedAt", e."lastActivityAt", cert.code,
				(SELECT count(*) FROM "LessonProgress" lp WHERE lp."enrolmentId" = e.id)::int,
				(SELECT count(*) FROM "LessonProgress" lp JOIN "Lesson" l ON l.id = lp."lessonId"
					WHERE lp."enrolmentId" = e.id AND lp.status = 'COMPLETED' AND l.required)::int,
				(SELECT count(*) FROM "Lesson" l WHERE l."versionId" = e."versionId" AND l.required)::int,
				(SELECT count(*) FROM "LessonProgress" lp WHERE lp."enrolmentId" = e.id AND lp.status = 'COMPLETED')::int,
				(SELECT count(*) FROM "Lesson" l WHERE l."versionId" = e."versionId")::int
			FROM "SeatAssignment" sa
			JOIN "SeatPool" p ON p.id = sa."poolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.id = sa."userId"
			LEFT JOIN "Invitation" inv ON inv.id = sa."invitationId"
			LEFT JOIN "Enrolment" e ON e."seatAssignmentId" = sa.id
			LEFT JOIN "Certificate" cert ON cert."enrolmentId" = e.id AND cert."revokedAt" IS NULL
			WHERE sa.status = 'ASSIGNED'
		), report AS (
			SELECT r.*, COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug",
				CASE WHEN r.kind = 'invitation' THEN 'invited'
					WHEN r."completedAt" IS NOT NULL THEN 'completed'
					WHEN r."startedAt" IS NOT NULL OR r."progressRows" > 0 THEN 'in_progress'
					ELSE 'not_started' END AS status
			FROM rows r
			JOIN "Course" c ON c.id = r."courseId"
			LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		)
		SELECT key, kind, "invitationId", "assignmentId", "poolId", "courseId", "courseTitle", "courseSlug", name, email,
			status, "invitedAt", "startedAt", "completedAt", "certificateCode", "lastActiveAt",
			"doneRequired", "totalRequired", "doneAll", "totalAll"
		FROM report
		WHERE true
			${filters.courseId ? Prisma.sql`AND "courseId" = ${filters.courseId}` : Prisma.empty}
			${filters.status ? Prisma.sql`AND status = ${filters.status}` : Prisma.empty}
			${pattern ? Prisma.sql`AND (name ILIKE ${pattern} OR email ILIKE ${pattern})` : Prisma.empty}
		${tail}`
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
	const rows = await prisma.$queryRaw<RawRow[]>(
		reportSql(
			organisationId,
			filters,
			Prisma.sql`ORDER BY "courseTitle", lower(COALESCE(name, email)), key LIMIT ${limit + 1} OFFSET ${Math.max(0, Math.floor(offset))}`,
		),
	)
	return { rows: rows.slice(0, limit).map(toRow), truncated: rows.length > limit }
}

/** How many rows the team report has with these filters (for the page count). One query. */
export async function countTeamReport({ organisationId, filters = {} }: { organisationId: string; filters?: ReportFilters }) {
	const [result] = await prisma.$queryRaw<Array<{ count: number }>>(
		Prisma.sql`SELECT count(*)::int AS count FROM (${reportSql(organisationId, filters, Prisma.empty)}) report_rows`,
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
		reportSql(
			organisationId,
			filters,
			Prisma.sql`${afterKey ? Prisma.sql`AND key COLLATE "C" > ${afterKey}` : Prisma.empty} ORDER BY key COLLATE "C" LIMIT ${limit}`,
		),
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
