import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'

const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

/** Previous / next links for a paged list, keeping the page's search and filters in the URL. */
export function Pagination({ page, pageCount, label }: { page: number; pageCount: number; label?: string }) {
	const location = useLocation()
	const { t } = useTranslation('ui')
	if (pageCount <= 1) return null
	const hrefFor = (p: number) => {
		const params = new URLSearchParams(location.search)
		params.set('page', String(p))
		return `${location.pathname}?${params}`
	}
	return (
		<nav aria-label={label ?? t('pagination.label')} className="mt-4 flex flex-wrap items-center gap-4">
			{page > 1 ? (
				<Link to={hrefFor(page - 1)} className={linkClasses} rel="prev">
					{t('pagination.previous')}
				</Link>
			) : null}
			<span className="text-stone-700">{t('pagination.pageOf', { page, pageCount })}</span>
			{page < pageCount ? (
				<Link to={hrefFor(page + 1)} className={linkClasses} rel="next">
					{t('pagination.next')}
				</Link>
			) : null}
		</nav>
	)
}
