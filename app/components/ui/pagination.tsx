import { Link, useLocation } from 'react-router'

const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

/** Previous / next links for a paged list, keeping the page's search and filters in the URL. */
export function Pagination({ page, pageCount, label = 'Pages' }: { page: number; pageCount: number; label?: string }) {
	const location = useLocation()
	if (pageCount <= 1) return null
	const hrefFor = (p: number) => {
		const params = new URLSearchParams(location.search)
		params.set('page', String(p))
		return `${location.pathname}?${params}`
	}
	return (
		<nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-4">
			{page > 1 ? (
				<Link to={hrefFor(page - 1)} className={linkClasses} rel="prev">
					Previous page
				</Link>
			) : null}
			<span className="text-stone-700">
				Page {page} of {pageCount}
			</span>
			{page < pageCount ? (
				<Link to={hrefFor(page + 1)} className={linkClasses} rel="next">
					Next page
				</Link>
			) : null}
		</nav>
	)
}
