import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { StudioListPage, StudioTable } from '#app/components/studio/studio-list.tsx'
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
		<StudioListPage
			back={{ to: '/studio', label: t('studio.studio') }}
			heading={t('studio.heading')}
			intro={t('studio.lead')}
			introClassName="max-w-3xl"
			actions={<ButtonLink to="/studio/news/new">{t('studio.newPost')}</ButtonLink>}
			isEmpty={posts.length === 0}
			empty={t('studio.empty')}
		>
			<StudioTable
				caption={t('studio.table.caption')}
				columns={[
					{ label: t('studio.table.title') },
					{ label: t('studio.table.status') },
					{ label: t('studio.table.published') },
					{ label: t('studio.table.updated') },
					{ label: t('studio.table.author') },
				]}
			>
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
			</StudioTable>
		</StudioListPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
