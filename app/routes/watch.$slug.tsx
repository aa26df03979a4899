import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link } from 'react-router'
import { ErrorPage, errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { PublicPlayer, PublicTranscript } from '#app/components/watch/public-player.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { openGraph } from '#app/utils/open-graph.ts'
import { sectorPageSlug } from '#modules/sectors/sectors.ts'
import { getPublicVideo } from '#modules/previews/public-videos.ts'
import type { Route } from './+types/watch.$slug'
import { Trans } from '#app/utils/trans.tsx'

export async function loader({ params }: Route.LoaderArgs) {
	return { video: await withDomainErrors(() => getPublicVideo({ slug: params.slug })) }
}

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404
				? t('watch.notFoundMetaTitle', { ns: 'previews' })
				: errorTitle(error),
			t('watch.metaDescription', { ns: 'previews' }),
		)
	}
	const title = t('watch.videoMetaTitle', { ns: 'previews', title: loaderData.video.title })
	const description = loaderData.video.summary
	return pageMeta(title, description, ...openGraph({ title, description, type: 'video.other' }))
}

export default function WatchVideoRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('previews')
	const { t: tSectors } = useTranslation('sectors')
	const { video } = loaderData
	const sectorLinks = video.sectors.flatMap((sector) => {
		const slug = sectorPageSlug(sector)
		return slug ? [{ sector, slug }] : []
	})
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/watch" className="font-medium text-brand-700 underline underline-offset-2">
					{t('watch.back')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{video.title}</h1>
			<p className="mt-3 text-lg leading-relaxed text-stone-700">{video.summary}</p>
			<div className="mt-8 space-y-8">
				<PublicPlayer
					title={video.title}
					playbackId={video.playbackId}
					sourceUrl={video.sourceUrl}
					captionsUrl={video.captionsUrl}
				/>
				<PublicTranscript transcript={video.transcript} />
				{sectorLinks.length > 0 ? (
					<nav aria-labelledby="video-sectors-heading">
						<h2 id="video-sectors-heading" className="text-xl font-semibold text-stone-900">
							{t('watch.moreFor')}
						</h2>
						<ul className="mt-3 flex flex-wrap gap-3">
							{sectorLinks.map(({ sector, slug }) => (
								<li key={sector}>
									<Link to={`/sectors/${slug}`} className="font-semibold text-brand-700 underline underline-offset-2">
										{tSectors(`label.${sector}`)}
									</Link>
								</li>
							))}
						</ul>
					</nav>
				) : null}
			</div>
		</Container>
	)
}

function VideoNotFound() {
	const { t } = useTranslation('previews')
	return (
		<ErrorPage code={404} title={t('watch.notFoundTitle')}>
			<p>
				<Trans t={t} i18nKey="watch.notFoundText" components={{ a: <Link to="/watch" /> }} />
			</p>
		</ErrorPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary statusHandlers={{ 404: () => <VideoNotFound /> }} />
}
