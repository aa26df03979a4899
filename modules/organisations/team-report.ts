import { createMemoCache } from '#modules/cache/memo-cache.ts'
import { Prisma, prisma } from '#modules/db/client.ts'
import { streamCsv } from '#modules/spreadsheets/csv.ts'
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

/** Narrows the rows before the filters: after a CSV key, or to the given row keys (a page's). */
type Keyset = { afterKey?: string | null; keys?: string[] }

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
	// A page's rows by primary key, each branch given its own ids.
	const idsOf = (prefix: string) => keyset?.keys?.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2)) ?? []
	const invitationKeys = keyset?.keys ? Prisma.sql`AND i.id = ANY(${idsOf('i:')}::text[])` : Prisma.empty
	const seatKeys = keyset?.keys ? Prisma.sql`AND sa.id = ANY(${idsOf('s:')}::text[])` : Prisma.empty
	return Prisma.sql`
		SELECT r.*, COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug"
		FROM (
			SELECT 'i:' || i.id AS key, 'invitation' AS kind, i.id AS "invitationId", NULL::text AS "assignmentId",
				p.id AS "poolId", p."courseId", u.name, i.email
			FROM "Invitation" i
			JOIN "SeatPool" p ON p.id = i."seatPoolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.email = i.email
			WHERE i."organisationId" = ${organisationId} AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL
				AND i."expiresAt" > now() ${invitationsAfter} ${invitationKeys}
			UNION ALL
			SELECT 's:' || sa.id, 'seat', sa."invitationId", sa.id, p.id, p."courseId", u.name, sa.email
			FROM "SeatAssignment" sa
			JOIN "SeatPool" p ON p.id = sa."poolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.id = sa."userId"
			WHERE sa.status = 'ASSIGNED' ${seatsAfter} ${seatKeys}
		) r
		JOIN "Course" c ON c.id = r."courseId"
		LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		WHERE true
			${filters.courseId ? Prisma.sql`AND r."courseId" = ${filters.courseId}` : Prisma.empty}
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

// A large trust's report has 100,000 rows (5,000 staff, 20 courses): filtering and ordering them
// all costs ~100 ms of database time, too much to repeat for every page view and every manager.
// So the order itself (the row keys, ~30 bytes each) is cached per organisation and filters, and
// stamped with Organisation.reportVersion, which database triggers bump in the same transaction as
// any change to seats, invitations, a holder's start or completion, names or course titles
// (prisma/migrations/*_team_report_version; ADR 0016). A page then reads only its own 50 rows by
// primary key, with their progress fresh. The time limit catches what no write marks: invitations
// passing their expiry date.
export const REPORT_CACHE_TTL_MS = 60_000
const orderCache = createMemoCache<string[]>({ ttlMs: REPORT_CACHE_TTL_MS, maxEntries: 32 })
const chartCache = createMemoCache<Array<{ weekStart: string; completions: number }>>({
	ttlMs: REPORT_CACHE_TTL_MS,
	maxEntries: 256,
})

/** The organisation's report version (see above); -1 when there is no such organisation. */
async function reportVersion(organisationId: string) {
	const [row] = await prisma.$queryRaw<Array<{ version: number }>>`
		SELECT "reportVersion" AS version FROM "Organisation" WHERE id = ${organisationId}`
	return row?.version ?? -1
}

/** Every report row's key with these filters, in report order (course title, person, key). */
async function reportOrder(organisationId: string, filters: ReportFilters, knownVersion?: number) {
	const version = knownVersion ?? (await reportVersion(organisationId))
	const cacheKey = [
		organisationId,
		filters.courseId ?? '',
		filters.status ?? '',
		filters.search?.trim().toLowerCase() ?? '',
	].join('\n')
	return orderCache.get(
		cacheKey,
		async () => {
			// One string rather than 100,000 rows: the driver and Prisma handle one value far faster.
			const [row] = await prisma.$queryRaw<Array<{ keys: string | null }>>(
				Prisma.sql`SELECT string_agg(key, ',' ORDER BY "courseTitle", lower(COALESCE(name, email)), key) AS keys
					FROM (${filteredRowsSql(organisationId, filters)}) report_rows`,
			)
			return row?.keys ? row.keys.split(',') : []
		},
		{ stamp: version },
	)
}

/**
 * The team report for an organisation: one row per pending invitation and per held seat, with
 * started, progress, completion, certificate and last activity, filtered and ordered by course and
 * person. At most `limit` rows from `offset` (`total` says how many there are; the CSV has them all).
 */
export async function getTeamReport({
	organisationId,
	filters = {},
	limit = REPORT_PAGE_LIMIT,
	offset = 0,
	reportVersion: knownVersion,
}: {
	organisationId: string
	filters?: ReportFilters
	limit?: number
	/** Rows to skip, for pages after the first. */
	offset?: number
	/** The organisation's report version when the caller has just read it (getTeamReportPage). */
	reportVersion?: number
}) {
	const keys = await reportOrder(organisationId, filters, knownVersion)
	const start = Math.max(0, Math.floor(offset))
	const window = keys.slice(start, start + limit)
	const truncated = keys.length > start + limit
	if (window.length === 0) return { rows: [], truncated, total: keys.length }
	const rows = await prisma.$queryRaw<RawRow[]>(
		reportPageSql(organisationId, {}, (t) => Prisma.sql`${t}.key`, Prisma.empty, { keys: window }),
	)
	const position = new Map(window.map((key, i) => [key, i]))
	rows.sort((a, b) => position.get(a.key)! - position.get(b.key)!)
	return { rows: rows.map(toRow), truncated, total: keys.length }
}

/**
 * What the team report page shows: a page of rows with the total, and the weekly completions chart
 * for the course filter, reading the organisation's report version once for both.
 */
export async function getTeamReportPage({
	organisationId,
	filters = {},
	limit,
	offset,
}: {
	organisationId: string
	filters?: ReportFilters
	limit: number
	offset: number
}) {
	const version = await reportVersion(organisationId)
	const [report, weeks] = await Promise.all([
		getTeamReport({ organisationId, filters, limit, offset, reportVersion: version }),
		getCompletionsByWeek({ organisationId, courseId: filters.courseId, reportVersion: version }),
	])
	return { ...report, weeks }
}

/** How many rows the team report has with these filters (for the page count). */
export async function countTeamReport({
	organisationId,
	filters = {},
}: {
	organisationId: string
	filters?: ReportFilters
}) {
	return (await reportOrder(organisationId, filters)).length
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
 * as the client reads, so memory stays flat at 100,000 rows: the next batch is fetched only when
 * the stream has room for it. A database error part-way ends the download (see streamCsv).
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
	async function* batches() {
		let afterKey: string | null = null
		for (;;) {
			const batch = await getTeamReportBatch({ organisationId, filters, afterKey, limit: batchSize })
			yield batch.map(csvRecord)
			if (batch.length < batchSize) return
			afterKey = batch.at(-1)!.key
		}
	}
	return streamCsv({ label: 'team report CSV', columns: CSV_COLUMNS, batches: batches() })
}

export const CHART_WEEKS = 12

/**
 * Seat-holders' completions per week (weeks start on Monday) for the last 12 weeks, oldest first,
 * including empty weeks. Cached per report version like the report's order: a completion bumps it.
 */
export async function getCompletionsByWeek({
	organisationId,
	courseId,
	now = new Date(),
	reportVersion: knownVersion,
}: {
	organisationId: string
	courseId?: string | null
	now?: Date
	/** As for getTeamReport. */
	reportVersion?: number
}) {
	const thisMonday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
	thisMonday.setUTCDate(thisMonday.getUTCDate() - ((thisMonday.getUTCDay() + 6) % 7))
	const since = new Date(thisMonday)
	since.setUTCDate(since.getUTCDate() - 7 * (CHART_WEEKS - 1))
	const version = knownVersion ?? (await reportVersion(organisationId))
	const cacheKey = [organisationId, courseId ?? '', since.toISOString()].join('\n')
	return chartCache.get(cacheKey, () => countCompletionsByWeek({ organisationId, courseId, since }), { stamp: version })
}

async function countCompletionsByWeek({
	organisationId,
	courseId,
	since,
}: {
	organisationId: string
	courseId?: string | null
	since: Date
}) {
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
