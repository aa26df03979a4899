import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { PlayIcon } from '#app/components/ui/icons.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { openGraph } from '#app/utils/open-graph.ts'
import { listPublicVideos } from '#modules/previews/public-videos.ts'
import type { Route } from './+types/watch._index'

export async function loader() {
	return { videos: await listPublicVideos() }
}

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	const title = t('watch.metaTitle', { ns: 'previews' })
	const description = t('watch.metaDescription', { ns: 'previews' })
	return pageMeta(title, description, ...openGraph({ title, description }))
}

export default function WatchIndexRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('previews')
	const { t: tSectors } = useTranslation('sectors')
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-12 sm:py-14">
					<h1 className="text-4xl font-bold tracking-tight text-brand-900">{t('watch.heading')}</h1>
					<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">{t('watch.intro')}</p>
				</Container>
			</div>
			<Container className="py-12">
				{loaderData.videos.length === 0 ? (
					<p className="text-lg text-stone-700">{t('watch.none')}</p>
				) : (
					<ul className="grid gap-6 md:grid-cols-2">
						{loaderData.videos.map((video) => (
							<li key={video.id} className="rounded-2xl border border-stone-200 bg-white p-6 shadow-xs">
								<h2 className="flex items-start gap-3 text-xl font-semibold text-stone-900">
									<PlayIcon className="mt-1 size-5 shrink-0 text-brand-700" />
									<Link to={`/watch/${video.slug}`} className="underline-offset-2 hover:underline">
										{video.title}
									</Link>
								</h2>
								<p className="mt-2 leading-relaxed text-stone-700">{video.summary}</p>
								{video.sectors.length > 0 ? (
									<p className="mt-3 text-sm text-stone-600">
										{video.sectors.map((sector) => tSectors(`label.${sector}`)).join(' · ')}
									</p>
								) : null}
							</li>
						))}
					</ul>
				)}
			</Container>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
