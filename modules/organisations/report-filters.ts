import { parseReportStatus, type ReportStatus } from './report-status.ts'
import { searchTerm } from '#modules/validation/text.ts'

/** Rows per page the team report offers; the first is the default. */
export const REPORT_PAGE_SIZES = [25, 50, 100] as const

/**
 * Reads the team report's filters from a URL (`?course=<course slug>&status=&q=&page=&per=`), shared
 * by the report page and its CSV twin so both show the same rows. A course that is not one of the
 * organisation's pools, or an unknown status, means "any"; the search is trimmed to 200 characters;
 * a page size that is not offered means the default.
 */
export function readReportFilters(params: URLSearchParams, pools: Array<{ courseId: string; courseSlug: string }>) {
	const pool = pools.find((p) => p.courseSlug === params.get('course'))
	const status: ReportStatus | null = parseReportStatus(params.get('status'))
	const q = searchTerm(params.get('q'))
	const page = Math.max(1, Math.min(100_000, Math.floor(Number(params.get('page') ?? 1)) || 1))
	const perPage = REPORT_PAGE_SIZES.find((size) => String(size) === params.get('per')) ?? REPORT_PAGE_SIZES[0]
	return {
		filters: { courseId: pool?.courseId ?? null, status, search: q || null },
		page,
		perPage,
		query: { course: pool?.courseSlug ?? '', status: status ?? '', q },
	}
}
