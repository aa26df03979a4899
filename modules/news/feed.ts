// The Atom feed of news and insights (RFC 4287), for feed readers and the sites that syndicate it.
import { escapeXml } from '#modules/course-io/scorm-manifest.ts'
import type { NewsPostCard } from './posts.ts'

/**
 * The feed's XML: every link absolute (`origin` is the site's own, e.g. https://circle.example.org),
 * each entry's `updated` its last change and `published` its published date, the feed's `updated`
 * the newest of them (or `now` when there are none).
 */
export function buildAtomFeed({
	posts,
	origin,
	now,
	title,
	subtitle,
}: {
	posts: NewsPostCard[]
	origin: string
	now: Date
	title: string
	subtitle: string
}) {
	const updated = posts.reduce(
		(latest, post) => (post.updatedAt > latest ? post.updatedAt : latest),
		posts[0]?.updatedAt ?? now,
	)
	const entries = posts.map((post) => {
		const url = `${origin}/news/${post.slug}`
		const categories = post.sectors.map((sector) => `    <category term="${escapeXml(sector.toLowerCase())}"/>`)
		return [
			'  <entry>',
			`    <title>${escapeXml(post.title)}</title>`,
			`    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
			`    <id>${escapeXml(url)}</id>`,
			`    <published>${post.publishedAt.toISOString()}</published>`,
			`    <updated>${post.updatedAt.toISOString()}</updated>`,
			`    <author><name>${escapeXml(post.authorName ?? 'Circle')}</name></author>`,
			`    <summary>${escapeXml(post.summary)}</summary>`,
			...categories,
			'  </entry>',
		].join('\n')
	})
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <title>${escapeXml(title)}</title>`,
		`  <subtitle>${escapeXml(subtitle)}</subtitle>`,
		`  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}/news/feed.xml`)}"/>`,
		`  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/news`)}"/>`,
		`  <id>${escapeXml(`${origin}/news`)}</id>`,
		`  <updated>${updated.toISOString()}</updated>`,
		...entries,
		'</feed>',
		'',
	].join('\n')
}
