import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PostArticle } from '#app/components/news/post-article.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { appUrl } from '#modules/env/env.ts'
import { getPublishedPost } from '#modules/news/posts.ts'
import type { Route } from './+types/news.$slug'

export async function loader({ params, request }: Route.LoaderArgs) {
	// In the reader's language when the post has a Welsh version, else in English (ADR 0041).
	const post = await getPublishedPost({ slug: params.slug, language: await getLanguage(request) })
	// A draft is as unknown to the public as a post that never existed.
	if (!post) throw new Response('Not found', { status: 404 })
	return {
		post: {
			slug: post.slug,
			title: post.title,
			summary: post.summary,
			html: post.html,
			sectors: post.sectors,
			coverUrl: post.coverUrl,
			coverAlt: post.coverAlt,
			authorName: post.authorName,
			publishedAt: post.publishedAt,
			updatedAt: post.updatedAt,
			contentLanguage: post.contentLanguage,
		},
		origin: appUrl(),
	}
}

/** Open Graph and Twitter card tags, so a shared link shows the post's title, summary and cover. */
export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	if (!data) return pageMeta(t('public.meta.title', { ns: 'news' }), t('public.meta.description', { ns: 'news' }))
	const { post, origin } = data
	const url = `${origin}/news/${post.slug}`
	const image = post.coverUrl ? `${origin}${post.coverUrl}` : null
	return pageMeta(
		t('public.meta.postTitle', { ns: 'news', title: post.title }),
		post.summary,
		{ tagName: 'link', rel: 'canonical', href: url },
		{ property: 'og:type', content: 'article' },
		{ property: 'og:site_name', content: 'Circle' },
		{ property: 'og:title', content: post.title },
		{ property: 'og:description', content: post.summary },
		{ property: 'og:url', content: url },
		{ property: 'og:locale', content: post.contentLanguage === 'cy' ? 'cy_GB' : 'en_GB' },
		...(image
			? [
					{ property: 'og:image', content: image },
					{ property: 'og:image:alt', content: post.coverAlt },
				]
			: []),
		{ property: 'article:published_time', content: new Date(post.publishedAt).toISOString() },
		{ property: 'article:modified_time', content: new Date(post.updatedAt).toISOString() },
		...post.sectors.map((sector) => ({
			property: 'article:tag',
			content: t(`sectors.${sector}`, { ns: 'news', lng: 'en' }),
		})),
		{ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
		{ name: 'twitter:title', content: post.title },
		{ name: 'twitter:description', content: post.summary },
		...(image
			? [
					{ name: 'twitter:image', content: image },
					{ name: 'twitter:image:alt', content: post.coverAlt },
				]
			: []),
	)
}

export default function NewsPostRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<p className="mb-6">
				<Link to="/news" className="font-medium text-brand-700 underline underline-offset-2">
					{t('public.back')}
				</Link>
			</p>
			<PostArticle post={loaderData.post} />
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
