import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

const MuxPlayer = lazy(() => import('@mux/mux-player-react'))

/**
 * The lesson video as learners see it (the same Mux player and settings as the learner view), but
 * with nothing reported: a preview never records progress.
 */
export function PreviewVideo({
	title,
	playbackId,
	sourceUrl,
	captionsUrl,
}: {
	title: string
	playbackId: string | null
	sourceUrl: string | null
	captionsUrl: string | null
}) {
	const { t } = useTranslation('studio')
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	const placeholder = (
		<div className="flex aspect-video w-full items-center justify-center rounded-xl bg-stone-900 text-stone-200">
			<p>{t('previewVideo.loading')}</p>
		</div>
	)
	return (
		<div className="overflow-hidden rounded-xl bg-stone-900 shadow-sm">
			{hydrated ? (
				<Suspense fallback={placeholder}>
					<MuxPlayer
						{...(playbackId ? { playbackId } : { src: sourceUrl ?? undefined })}
						title={title}
						streamType="on-demand"
						accentColor="#0f5257"
						disableCookies
						disableTracking
						playbackRates={[0.75, 1, 1.25, 1.5, 2]}
						className="block aspect-video w-full"
					>
						{captionsUrl ? (
							<track kind="captions" srcLang="en" label={t('previewVideo.captionsLabel')} src={captionsUrl} />
						) : null}
					</MuxPlayer>
				</Suspense>
			) : (
				placeholder
			)}
		</div>
	)
}
