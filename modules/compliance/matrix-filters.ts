import { searchTerm } from '#modules/validation/text.ts'
import { COMPLIANCE_STATUS_LABELS, COMPLIANCE_STATUSES, type ComplianceStatus } from './status.ts'

/** Rows (people) per page the matrix offers; the first is the default. */
export const MATRIX_PAGE_SIZES = [25, 50, 100] as const

/** The inspector's question, "who is out of date today": overdue or expired. */
export const OUT_OF_DATE_STATUSES: ComplianceStatus[] = ['OVERDUE', 'EXPIRED']

/** The status filter: one status, or "out of date today" (overdue and expired together). */
export type MatrixStatusFilter = ComplianceStatus | 'OUT_OF_DATE'

/** In URLs: ?status=out-of-date, ?status=due-soon, … */
export function statusFilterParam(status: MatrixStatusFilter) {
	return status.toLowerCase().replace(/_/g, '-')
}

export function parseStatusFilter(value: string | null | undefined): MatrixStatusFilter | null {
	const upper = (value ?? '').trim().toUpperCase().replace(/-/g, '_')
	if (upper === 'OUT_OF_DATE') return 'OUT_OF_DATE'
	return (COMPLIANCE_STATUSES as readonly string[]).includes(upper) ? (upper as ComplianceStatus) : null
}

export const STATUS_FILTER_LABELS: Record<MatrixStatusFilter, string> = {
	OUT_OF_DATE: 'Out of date today (overdue or expired)',
	...COMPLIANCE_STATUS_LABELS,
}

/** The statuses a status filter stands for. */
export function statusesOf(filter: MatrixStatusFilter | null): ComplianceStatus[] | null {
	if (filter === null) return null
	return filter === 'OUT_OF_DATE' ? OUT_OF_DATE_STATUSES : [filter]
}

export type MatrixFilters = {
	/** A team in scope: its members and those of every team beneath it. */
	teamId: string | null
	courseId: string | null
	status: MatrixStatusFilter | null
	search: string | null
}

/**
 * Reads the matrix's filters from a URL (`?team=<team id>&course=<course slug>&status=&q=&page=&per=`),
 * shared by the page and both exports so all three show the same people. A team outside the actor's
 * scope or a course that is not a column means "any", as does an unknown status; the search is
 * trimmed to 200 characters; a page size that is not offered means the default. Never throws.
 */
export function readMatrixFilters(
	params: URLSearchParams,
	{ teams, columns }: { teams: Array<{ id: string }>; columns: Array<{ id: string; slug: string }> },
) {
	const team = teams.find((t) => t.id === params.get('team'))
	const course = columns.find((c) => c.slug === params.get('course'))
	const status = parseStatusFilter(params.get('status'))
	const q = searchTerm(params.get('q'))
	const page = Math.max(1, Math.min(100_000, Math.floor(Number(params.get('page') ?? 1)) || 1))
	const perPage = MATRIX_PAGE_SIZES.find((size) => String(size) === params.get('per')) ?? MATRIX_PAGE_SIZES[0]
	const filters: MatrixFilters = {
		teamId: team?.id ?? null,
		courseId: course?.id ?? null,
		status,
		search: q || null,
	}
	return {
		filters,
		page,
		perPage,
		query: {
			team: team?.id ?? '',
			course: course?.slug ?? '',
			status: status ? statusFilterParam(status) : '',
			q,
		},
	}
}

/** The query string of a filtered view (empty values left out), for links and the exports. */
export function matrixSearch(query: { team: string; course: string; status: string; q: string }) {
	return new URLSearchParams(Object.entries(query).filter(([, v]) => v) as Array<[string, string]>).toString()
}
