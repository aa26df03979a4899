import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { listStudioPosts } from '#modules/news/posts.ts'
import type { Route } from './+types/studio.news._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('studio.meta.list', { ns: 'news' }), t('studio.meta.listDescription', { ns: 'news' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const posts = await withDomainErrors(() => listStudioPosts({ actorId: user.id }))
	return { posts }
}

export default function StudioNewsRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	const format = useFormat()
	const { posts } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.studio')}
				</Link>
			</p>
			<div className="mt-4 flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('studio.heading')}</h1>
					<p className="mt-2 max-w-3xl text-lg text-stone-700">{t('studio.lead')}</p>
				</div>
				<ButtonLink to="/studio/news/new">{t('studio.newPost')}</ButtonLink>
			</div>
			{posts.length === 0 ? (
				<p className="mt-10 text-stone-700">{t('studio.empty')}</p>
			) : (
				<div className="relative mt-8 overflow-x-auto rounded-xl border border-stone-200 bg-white">
					<table className="w-full text-left">
						<caption className="sr-only">{t('studio.table.caption')}</caption>
						<thead className="bg-stone-100 text-sm text-stone-800">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.table.title')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.table.status')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.table.published')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.table.updated')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.table.author')}
								</th>
							</tr>
						</thead>
						<tbody>
							{posts.map((post) => (
								<tr key={post.id} className="border-t border-stone-200">
									<th scope="row" className="px-4 py-3 font-medium" lang="en">
										<Link to={`/studio/news/${post.id}`} className="text-brand-800 underline underline-offset-2">
											{post.title}
										</Link>
									</th>
									<td className="px-4 py-3">
										<Badge tone={post.status === 'PUBLISHED' ? 'success' : 'neutral'}>
											{t(`studio.status.${post.status}`)}
										</Badge>
									</td>
									<td className="px-4 py-3 text-stone-700">
										{post.publishedAt && post.status === 'PUBLISHED'
											? format.date(post.publishedAt)
											: t('studio.table.notYet')}
									</td>
									<td className="px-4 py-3 text-stone-700">{format.date(post.updatedAt)}</td>
									<td className="px-4 py-3 text-stone-700">{post.author?.name ?? t('byline.circle')}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
