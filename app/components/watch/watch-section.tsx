import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { PlayIcon } from '#app/components/ui/icons.tsx'

export type WatchCard = { id: string; slug: string; title: string; summary: string }

/**
 * A short "watch" section of free public videos (up to three), for the home page or a sector page.
 * Renders nothing when there are no videos. The caller loads them with listPublicVideos({ limit: 3 }).
 */
export function WatchSection({ videos, headingLevel = 2 }: { videos: WatchCard[]; headingLevel?: 2 | 3 }) {
	const { t } = useTranslation('previews')
	if (videos.length === 0) return null
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	return (
		<section aria-labelledby="watch-heading" className="bg-white py-12 sm:py-16">
			<Container>
				<div className="flex flex-wrap items-baseline justify-between gap-3">
					<Heading id="watch-heading" className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
						{t('section.heading')}
					</Heading>
					<Link to="/watch" className="font-semibold text-brand-700 underline underline-offset-2">
						{t('section.all')}
					</Link>
				</div>
				<p className="mt-3 max-w-3xl text-lg leading-relaxed text-stone-700">{t('section.intro')}</p>
				<ul className="mt-8 grid gap-6 md:grid-cols-3">
					{videos.slice(0, 3).map((video) => (
						<li key={video.id} className="rounded-2xl border border-stone-200 bg-stone-50 p-6">
							<span className="grid size-10 place-items-center rounded-full bg-brand-700 text-white">
								<PlayIcon className="size-5" />
							</span>
							<p className="mt-4 text-lg font-semibold text-stone-900">
								<Link to={`/watch/${video.slug}`} className="underline-offset-2 hover:underline">
									{video.title}
								</Link>
							</p>
							<p className="mt-2 leading-relaxed text-stone-700">{video.summary}</p>
						</li>
					))}
				</ul>
			</Container>
		</section>
	)
}
