import { searchTerm } from '#modules/validation/text.ts'

/** The page sizes an admin list offers. */
export const PAGE_SIZES = [25, 50] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export type PageRequest = { page?: number; pageSize?: number }

/**
 * A safe page and page size from whatever the URL said: page is a whole number from 1, page size one
 * of PAGE_SIZES (25 unless 50 was asked for). Never throws, so a hand-edited URL still shows a page.
 */
export function normalisePage({ page, pageSize }: PageRequest) {
	const size: PageSize = pageSize === 50 ? 50 : 25
	const p = Number.isFinite(page) && page && page >= 1 ? Math.min(Math.floor(page), 100_000) : 1
	return { page: p, pageSize: size, skip: (p - 1) * size, take: size }
}

/** The page-count summary every list returns beside its rows. */
export function pageInfo({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
	return { page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

export type PageInfo = ReturnType<typeof pageInfo>

/** Trims a search term and caps its length (a very long term is never useful and costs a scan). */
export function normaliseQuery(query: string | null | undefined) {
	return searchTerm(query)
}
