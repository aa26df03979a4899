import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { MarkdownContent } from '#app/components/learn/markdown-content.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { sectorSlug } from '#app/utils/format.ts'
import { useFormat } from '#app/utils/i18n.ts'
import type { Sector } from '#modules/db/generated/enums.ts'

export type PostArticleProps = {
	title: string
	summary: string
	html: string
	sectors: Sector[]
	coverUrl: string | null
	coverAlt: string
	authorName: string | null
	publishedAt: Date | string | null
	/** The language the title, summary and body are in (English unless the post has the reader's translation). */
	contentLanguage?: 'en' | 'cy'
}

/**
 * A post as readers see it, on /news/:slug and in the studio's preview alike. A post is written in
 * English, with a Welsh version beside it when the trainer wrote one (ADR 0043): when the words are
 * not in the page's language they carry their own `lang`, so a screen reader switches voice.
 */
export function PostArticle({ post, linkSectors = true }: { post: PostArticleProps; linkSectors?: boolean }) {
	const { t } = useTranslation('news')
	const format = useFormat()
	const written = post.contentLanguage ?? 'en'
	const contentLang = written === format.language ? undefined : written
	return (
		<article aria-labelledby="post-title">
			<header>
				<h1
					id="post-title"
					lang={contentLang}
					className="text-3xl leading-tight font-bold tracking-tight text-stone-900 sm:text-4xl"
				>
					{post.title}
				</h1>
				<p lang={contentLang} className="mt-4 text-lg leading-relaxed text-stone-700">
					{post.summary}
				</p>
				<p className="mt-4 text-stone-700">
					{t('byline.by', { name: post.authorName ?? t('byline.circle') })}
					{post.publishedAt ? (
						<>
							{' · '}
							<time dateTime={new Date(post.publishedAt).toISOString()}>
								{t('byline.published', { date: format.date(post.publishedAt) })}
							</time>
						</>
					) : null}
				</p>
				{post.sectors.length > 0 ? (
					<div className="mt-4">
						<h2 className="sr-only">{t('public.tags')}</h2>
						<ul className="flex flex-wrap gap-2">
							{post.sectors.map((sector) => (
								<li key={sector}>
									{linkSectors ? (
										<Link to={`/news?sector=${sectorSlug(sector)}`} className="rounded-full">
											<Badge className="underline underline-offset-2">{t(`sectors.${sector}`)}</Badge>
										</Link>
									) : (
										<Badge>{t(`sectors.${sector}`)}</Badge>
									)}
								</li>
							))}
						</ul>
					</div>
				) : null}
			</header>
			{post.coverUrl ? (
				<img
					src={post.coverUrl}
					alt={post.coverAlt}
					lang={contentLang}
					className="mt-8 aspect-[1.91/1] w-full rounded-2xl border border-stone-200 object-cover"
				/>
			) : null}
			{contentLang === 'en' ? <p className="mt-8 text-sm text-stone-600">{t('public.contentInEnglish')}</p> : null}
			<MarkdownContent html={post.html} lang={contentLang} className="mt-8" />
		</article>
	)
}
