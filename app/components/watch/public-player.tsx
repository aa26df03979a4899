import { useTranslation } from 'react-i18next'
import { VideoFacade } from '#app/components/learn/video-facade.tsx'

/**
 * A video watched without keeping progress: a course's free preview or a standalone public video
 * (a visitor has none to keep), and a trainer's preview of a lesson in the studio (a preview never
 * records progress). The same poster and Mux Player as lessons, with captions. `tracking` (default on) lets Mux
 * Data count plays of a Mux video, without cookies; the studio's preview turns it off.
 */
export function PublicPlayer({
	title,
	playbackId,
	sourceUrl,
	captionsUrl,
	tracking = true,
}: {
	title: string
	playbackId: string | null
	sourceUrl: string | null
	captionsUrl: string | null
	tracking?: boolean
}) {
	const { t } = useTranslation('previews')
	if (!playbackId && !sourceUrl) {
		return (
			<div className="flex aspect-video w-full items-center justify-center rounded-xl bg-stone-900 p-6 text-center text-stone-200">
				<p>{t('player.notReady')}</p>
			</div>
		)
	}
	return (
		<div className="rounded-xl bg-stone-900 shadow-sm">
			<VideoFacade title={title} playbackId={playbackId}>
				{(MuxPlayer, playerRef) => (
					<MuxPlayer
						ref={playerRef}
						{...(playbackId ? { playbackId } : { src: sourceUrl ?? undefined })}
						title={title}
						streamType="on-demand"
						accentColor="#0f5257"
						// No Mux Data cookies: no consent banner needed to watch a taster.
						disableCookies
						disableTracking={!tracking || !playbackId}
						playbackRates={[0.75, 1, 1.25, 1.5, 2]}
						className="block aspect-video w-full overflow-hidden rounded-xl"
					>
						{captionsUrl ? (
							<track kind="captions" srcLang="en" label={t('player.captionsEnglish')} src={captionsUrl} />
						) : null}
					</MuxPlayer>
				)}
			</VideoFacade>
		</div>
	)
}

/** The words of a video, in full under the player (not folded away: on a taster they are the point). */
export function PublicTranscript({ transcript, lang }: { transcript: string | null; lang?: string }) {
	const { t } = useTranslation('previews')
	if (!transcript) return null
	return (
		<section aria-labelledby="transcript-heading" className="rounded-xl border border-stone-200 bg-white p-5 sm:p-6">
			<h2 id="transcript-heading" className="text-xl font-semibold text-stone-900">
				{t('player.transcript')}
			</h2>
			<div lang={lang} className="mt-3 leading-relaxed whitespace-pre-line text-stone-800">
				{transcript}
			</div>
		</section>
	)
}
