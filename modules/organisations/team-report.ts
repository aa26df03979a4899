import { createMemoCache } from '#modules/cache/memo-cache.ts'
import { prisma } from '#modules/db/client.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { streamCsv } from '#modules/spreadsheets/csv.ts'
import { REPORT_STATUS_LABELS } from './report-status.ts'
import {
	type ReportFilters,
	type ReportRawRow,
	selectCompletionsByWeek,
	selectReportBatch,
	selectReportOrder,
	selectReportRowsByKey,
	selectReportVersion,
} from './sql.ts'

export { parseReportStatus, REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from './report-status.ts'

export type { ReportFilters } from './sql.ts'

type ProgressCounts = 'doneRequired' | 'totalRequired' | 'doneAll' | 'totalAll'

export type ReportRow = Omit<ReportRawRow, ProgressCounts> & { progressPercent: number }

function toRow({ doneRequired, totalRequired, doneAll, totalAll, ...row }: ReportRawRow): ReportRow {
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

const reportVersion = selectReportVersion

/** Every report row's key with these filters, in report order (course title, person, key). */
async function reportOrder(organisationId: string, filters: ReportFilters, knownVersion: number | undefined, db: ReadDb) {
	const version = knownVersion ?? (await reportVersion(organisationId, db))
	const cacheKey = [
		organisationId,
		filters.courseId ?? '',
		filters.status ?? '',
		filters.search?.trim().toLowerCase() ?? '',
	].join('\n')
	return orderCache.get(cacheKey, () => selectReportOrder({ organisationId, filters, db }), { stamp: version })
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
	db = prisma,
}: {
	organisationId: string
	filters?: ReportFilters
	/** Where to read: readDb(request) for a page (the replica when it is safe), else the primary. */
	db?: ReadDb
	limit?: number
	/** Rows to skip, for pages after the first. */
	offset?: number
	/** The organisation's report version when the caller has just read it (getTeamReportPage). */
	reportVersion?: number
}) {
	const keys = await reportOrder(organisationId, filters, knownVersion, db)
	const start = Math.max(0, Math.floor(offset))
	const window = keys.slice(start, start + limit)
	const truncated = keys.length > start + limit
	if (window.length === 0) return { rows: [], truncated, total: keys.length }
	const rows = await selectReportRowsByKey({ organisationId, keys: window, db })
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
	db = prisma,
}: {
	organisationId: string
	filters?: ReportFilters
	limit: number
	offset: number
	/** As for getTeamReport. */
	db?: ReadDb
}) {
	const version = await reportVersion(organisationId, db)
	const [report, weeks] = await Promise.all([
		getTeamReport({ organisationId, filters, limit, offset, reportVersion: version, db }),
		getCompletionsByWeek({ organisationId, courseId: filters.courseId, reportVersion: version, db }),
	])
	return { ...report, weeks }
}

/** How many rows the team report has with these filters (for the page count). */
export async function countTeamReport({
	organisationId,
	filters = {},
	db = prisma,
}: {
	organisationId: string
	filters?: ReportFilters
	db?: ReadDb
}) {
	return (await reportOrder(organisationId, filters, undefined, db)).length
}

/** One batch of report rows after `afterKey`, in key order (for the CSV export). */
export async function getTeamReportBatch({
	organisationId,
	filters = {},
	afterKey,
	limit,
	db = prisma,
}: {
	organisationId: string
	filters?: ReportFilters
	afterKey: string | null
	limit: number
	db?: ReadDb
}) {
	const rows = await selectReportBatch({ organisationId, filters, afterKey, limit, db })
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
	db = prisma,
}: {
	organisationId: string
	filters?: ReportFilters
	batchSize?: number
	/** As for getTeamReport. */
	db?: ReadDb
}): ReadableStream<Uint8Array> {
	async function* batches() {
		let afterKey: string | null = null
		for (;;) {
			const batch = await getTeamReportBatch({ organisationId, filters, afterKey, limit: batchSize, db })
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
	db = prisma,
}: {
	organisationId: string
	courseId?: string | null
	db?: ReadDb
	now?: Date
	/** As for getTeamReport. */
	reportVersion?: number
}) {
	const thisMonday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
	thisMonday.setUTCDate(thisMonday.getUTCDate() - ((thisMonday.getUTCDay() + 6) % 7))
	const since = new Date(thisMonday)
	since.setUTCDate(since.getUTCDate() - 7 * (CHART_WEEKS - 1))
	const version = knownVersion ?? (await reportVersion(organisationId, db))
	const cacheKey = [organisationId, courseId ?? '', since.toISOString()].join('\n')
	return chartCache.get(cacheKey, () => countCompletionsByWeek({ organisationId, courseId, since, db }), {
		stamp: version,
	})
}

async function countCompletionsByWeek({
	organisationId,
	courseId,
	since,
	db,
}: {
	organisationId: string
	courseId?: string | null
	since: Date
	db: ReadDb
}) {
	const counts = await selectCompletionsByWeek({ organisationId, courseId, since, db })
	const byWeek = new Map(counts.map((c) => [c.week.toISOString().slice(0, 10), c.completions]))
	return Array.from({ length: CHART_WEEKS }, (_, i) => {
		const start = new Date(since)
		start.setUTCDate(start.getUTCDate() + 7 * i)
		const key = start.toISOString().slice(0, 10)
		return { weekStart: key, completions: byWeek.get(key) ?? 0 }
	})
}
