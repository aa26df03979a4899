import { parseReportStatus, type ReportStatus } from './report-status.ts'

/**
 * Reads the team report's filters from a URL (`?course=<course slug>&status=&q=&page=`), shared by
 * the report page and its CSV twin so both show the same rows. A course that is not one of the
 * organisation's pools, or an unknown status, means "any"; the search is trimmed to 200 characters.
 */
export function readReportFilters(params: URLSearchParams, pools: Array<{ courseId: string; courseSlug: string }>) {
	const pool = pools.find((p) => p.courseSlug === params.get('course'))
	const status: ReportStatus | null = parseReportStatus(params.get('status'))
	const q = params.get('q')?.trim().slice(0, 200) ?? ''
	const page = Math.max(1, Math.min(100_000, Math.floor(Number(params.get('page') ?? 1)) || 1))
	return {
		filters: { courseId: pool?.courseId ?? null, status, search: q || null },
		page,
		query: { course: pool?.courseSlug ?? '', status: status ?? '', q },
	}
}
