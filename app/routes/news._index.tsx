import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PostCard } from '#app/components/news/post-card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { SECTORS, sectorSlug } from '#app/utils/format.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import { appUrl } from '#modules/env/env.ts'
import { listPublishedPosts } from '#modules/news/posts.ts'
import { NEWS_PAGE_SIZE, NewsListQuerySchema } from '#modules/news/schemas.ts'
import type { Route } from './+types/news._index'

export async function loader({ request }: Route.LoaderArgs) {
	const params = new URL(request.url).searchParams
	const query = NewsListQuerySchema.parse({
		sector: params.get('sector') ?? undefined,
		page: params.get('page') ?? undefined,
	})
	const sector = query.sector ?? null
	const { posts, total } = await listPublishedPosts({
		sector,
		limit: NEWS_PAGE_SIZE,
		offset: (query.page - 1) * NEWS_PAGE_SIZE,
		// A Welsh reader sees each post's Welsh version where it has one (ADR 0041).
		language: await getLanguage(request),
	})
	const pages = Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE))
	return { posts, sector, page: query.page, pages, origin: appUrl() }
}

function listHref(sector: Sector | null, page = 1) {
	const params = new URLSearchParams()
	if (sector) params.set('sector', sectorSlug(sector))
	if (page > 1) params.set('page', String(page))
	const search = params.toString()
	return search ? `/news?${search}` : '/news'
}

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const title = data?.sector
		? t('public.meta.titleFiltered', { ns: 'news', sector: t(`sectors.${data.sector}`, { ns: 'news' }) })
		: data && data.page > 1
			? t('public.meta.titlePage', { ns: 'news', page: data.page })
			: t('public.meta.title', { ns: 'news' })
	const origin = data?.origin ?? ''
	return pageMeta(
		title,
		data?.sector
			? t('public.meta.descriptionFiltered', { ns: 'news', sector: t(`sectors.${data.sector}`, { ns: 'news' }) })
			: t('public.meta.description', { ns: 'news' }),
		{ tagName: 'link', rel: 'canonical', href: `${origin}${listHref(data?.sector ?? null, data?.page ?? 1)}` },
		{
			tagName: 'link',
			rel: 'alternate',
			type: 'application/atom+xml',
			title: t('public.feedTitle', { ns: 'news' }),
			href: `${origin}/news/feed.xml`,
		},
	)
}

export default function NewsRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	const { posts, sector, page, pages } = loaderData
	const filters: Array<{ sector: Sector | null; label: string }> = [
		{ sector: null, label: t('public.allSectors') },
		...SECTORS.map((s) => ({ sector: s, label: t(`sectors.${s}`) })),
	]
	return (
		<Container className="py-12 sm:py-16">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('public.eyebrow')}</p>
			<h1 className="mt-2 text-4xl font-bold tracking-tight text-stone-900">
				{sector ? t(`sectors.${sector}`) : t('public.heading')}
			</h1>
			<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">{t('public.lead')}</p>

			<nav aria-labelledby="news-filter-label" className="mt-8">
				<p id="news-filter-label" className="font-semibold text-stone-900">
					{t('public.filterLabel')}
				</p>
				<ul className="mt-3 flex flex-wrap gap-2">
					{filters.map((filter) => {
						const current = filter.sector === sector
						return (
							<li key={filter.sector ?? 'all'}>
								<Link
									to={listHref(filter.sector)}
									aria-current={current ? 'page' : undefined}
									className={cx(
										'inline-flex min-h-11 items-center rounded-full border px-4 font-medium no-underline',
										current
											? 'border-brand-700 bg-brand-700 text-white'
											: 'border-stone-300 bg-white text-stone-800 hover:border-brand-500 hover:bg-brand-50',
									)}
								>
									{filter.label}
								</Link>
							</li>
						)
					})}
				</ul>
			</nav>

			{posts.length === 0 ? (
				<div className="mt-10">
					<p className="text-stone-700">{sector ? t('public.emptyFiltered') : t('public.empty')}</p>
					{sector ? (
						<p className="mt-2">
							<Link to="/news" className="font-medium text-brand-700 underline underline-offset-2">
								{t('public.showAll')}
							</Link>
						</p>
					) : null}
				</div>
			) : (
				<ul className="mt-10 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
					{posts.map((post) => (
						<li key={post.id}>
							<PostCard post={post} />
						</li>
					))}
				</ul>
			)}

			{pages > 1 ? (
				<nav aria-label={t('public.pagination')} className="mt-10 flex flex-wrap items-center gap-4">
					{page > 1 ? (
						<Link
							to={listHref(sector, page - 1)}
							rel="prev"
							className="font-medium text-brand-700 underline underline-offset-2"
						>
							{t('public.newer')}
						</Link>
					) : null}
					<span className="text-stone-700">{t('public.pageOf', { page, pages })}</span>
					{page < pages ? (
						<Link
							to={listHref(sector, page + 1)}
							rel="next"
							className="font-medium text-brand-700 underline underline-offset-2"
						>
							{t('public.older')}
						</Link>
					) : null}
				</nav>
			) : null}

			<p className="mt-10">
				<a href="/news/feed.xml" className="font-medium text-brand-700 underline underline-offset-2">
					{t('public.feed')}
				</a>
			</p>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
