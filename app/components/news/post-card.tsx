import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '#app/utils/i18n.ts'
import type { Sector } from '#modules/db/generated/enums.ts'

export type PostCardData = {
	slug: string
	title: string
	summary: string
	sectors: Sector[]
	coverUrl: string | null
	coverAlt: string
	publishedAt: Date | string
	/** The language the title and summary are in (English unless the post has the reader's translation). */
	contentLanguage?: 'en' | 'cy'
}

/** A published post in a list (/news, the home page, a sector page): the whole card is one link. */
export function PostCard({ post, headingLevel = 'h2' }: { post: PostCardData; headingLevel?: 'h2' | 'h3' }) {
	const { t } = useTranslation('news')
	const format = useFormat()
	const Heading = headingLevel
	const written = post.contentLanguage ?? 'en'
	// Words in another language than the page's carry their own lang, so a screen reader switches voice.
	const contentLang = written === format.language ? undefined : written
	return (
		<article className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-xs transition-colors focus-within:border-brand-400 hover:border-brand-400">
			{post.coverUrl ? (
				// The card's link carries the title; the image is decorative here (its description is on the post).
				<img src={post.coverUrl} alt="" className="aspect-[1.91/1] w-full object-cover" loading="lazy" />
			) : null}
			<div className="flex flex-1 flex-col p-6">
				<p className="text-sm text-stone-600">
					<time dateTime={new Date(post.publishedAt).toISOString()}>{format.date(post.publishedAt)}</time>
					{post.sectors.length > 0 ? ` · ${post.sectors.map((sector) => t(`sectors.${sector}`)).join(', ')}` : null}
				</p>
				<Heading className="mt-2 text-xl font-semibold text-stone-900" lang={contentLang}>
					<Link
						to={`/news/${post.slug}`}
						className="rounded-sm after:absolute after:inset-0 after:rounded-2xl after:content-[''] group-hover:underline"
					>
						{post.title}
					</Link>
				</Heading>
				<p className="mt-2 flex-1 leading-relaxed text-stone-700" lang={contentLang}>
					{post.summary}
				</p>
			</div>
		</article>
	)
}
