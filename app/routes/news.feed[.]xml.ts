import { appUrl } from '#modules/env/env.ts'
import { buildAtomFeed } from '#modules/news/feed.ts'
import { listPublishedPosts } from '#modules/news/posts.ts'
import { translator } from '#modules/i18n/translate.ts'
import type { Route } from './+types/news.feed[.]xml'

/**
 * The twenty newest published posts as an Atom feed (drafts never appear). In English, like the posts
 * themselves, so one cached copy serves every reader.
 */
export async function loader(_: Route.LoaderArgs) {
	const t = translator('en')
	const { posts } = await listPublishedPosts({ limit: 20 })
	const xml = buildAtomFeed({
		posts,
		origin: appUrl(),
		now: new Date(),
		title: t('public.feedTitle', { ns: 'news' }),
		subtitle: t('public.meta.description', { ns: 'news' }),
	})
	return new Response(xml, {
		headers: {
			'Content-Type': 'application/atom+xml; charset=utf-8',
			'Cache-Control': 'public, max-age=300',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
