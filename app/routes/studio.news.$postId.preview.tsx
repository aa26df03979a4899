import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PostArticle } from '#app/components/news/post-article.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { getStudioPost } from '#modules/news/posts.ts'
import type { Route } from './+types/studio.news.$postId.preview'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.meta.preview', { ns: 'news', title: data?.post.title ?? '' }),
		t('studio.meta.editDescription', { ns: 'news' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const post = await withDomainErrors(() => getStudioPost({ actorId: user.id, postId: params.postId }))
	return {
		post: {
			id: post.id,
			title: post.title,
			summary: post.summary,
			html: post.html,
			sectors: post.sectors,
			coverUrl: post.coverUrl,
			coverAlt: post.coverAlt,
			authorName: post.authorName,
			publishedAt: post.publishedAt,
		},
	}
}

export default function PreviewNewsPostRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	const { post } = loaderData
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to={`/studio/news/${post.id}`} className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.backToEdit')}
				</Link>
			</p>
			<Notice tone="info" title={t('studio.previewHeading')} className="mt-4 mb-8">
				{t('studio.previewNote')}
			</Notice>
			<PostArticle post={post} linkSectors={false} />
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
