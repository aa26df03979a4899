import type MuxPlayerElement from '@mux/mux-player'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PlaybackTracker, saveResumePoint, takeResumePoint } from './playback-tracker.ts'
import { formatClock } from './format.ts'
import { ProgressBar } from './progress-bar.tsx'
import { VideoFacade } from './video-facade.tsx'

/** How often, in seconds of wall clock, a playing video reports what was watched. */
const REPORT_INTERVAL_MS = 10_000
const PROGRESS_URL = '/learn/progress'

type ProgressReply = {
	watchedRanges: Array<[number, number]>
	watchedPercent: number
	completed: boolean
	lessonCompletedNow: boolean
}

/**
 * A video lesson: its poster with a "Play video" button, then the Mux player (with a Mux playback
 * id, or a plain source URL), resuming at the saved position, with captions when the lesson has them. It reports what was actually played
 * every ~10 s while playing, on pause and end, and with a beacon when the page is hidden or left,
 * so closing the tab loses nothing. `onCompleted` runs when a report completes the lesson.
 */
export function VideoPlayer({
	lessonId,
	title,
	playbackId,
	sourceUrl,
	captionsUrl,
	durationSeconds,
	startTime,
	watchedPercent: initialWatchedPercent,
	completed: initiallyCompleted,
	onCompleted,
}: {
	lessonId: string
	title: string
	playbackId: string | null
	sourceUrl: string | null
	captionsUrl: string | null
	durationSeconds: number
	startTime: number
	watchedPercent: number
	completed: boolean
	onCompleted?: () => void
}) {
	const { t } = useTranslation('learn')
	// Null until hydrated: the player only runs in the browser, and only there is the tab's own
	// resume point (a position newer than the server's, just after a reload) to be found.
	const [resumeAt, setResumeAt] = useState<number | null>(null)
	useEffect(() => {
		setResumeAt(takeResumePoint(window.sessionStorage, lessonId, durationSeconds, Date.now()) ?? startTime)
		// Read once, when the player first appears: later the player itself knows where it is.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [])
	const { handlers, watchedPercent, completed, announcement } = useVideoProgress({
		lessonId,
		durationSeconds,
		startTime: resumeAt ?? startTime,
		serverPosition: startTime,
		initialWatchedPercent,
		initiallyCompleted,
		onCompleted,
	})

	// Before hydration the server's position; then this tab's own, if it is newer.
	const resumeFrom = resumeAt ?? startTime
	const details = [
		t('video.length', { time: formatClock(durationSeconds) }),
		resumeFrom >= 1 && !completed ? t('video.resumeFrom', { time: formatClock(resumeFrom) }) : null,
		t('video.watchedPercent', { percent: watchedPercent }),
	]
		.filter(Boolean)
		.join(' · ')

	return (
		<div>
			{/* The player itself clips to the rounded corners: a wrapper with overflow-hidden would cut off
			    its focus ring, which is drawn outside it. */}
			<div className="rounded-xl bg-stone-900 shadow-sm">
				<VideoFacade title={title} playbackId={playbackId} posterTime={startTime} details={details}>
					{(MuxPlayer, playerRef) => (
						<MuxPlayer
							ref={playerRef}
							{...(playbackId ? { playbackId } : { src: sourceUrl ?? undefined })}
							title={title}
							streamType="on-demand"
							startTime={resumeFrom}
							accentColor="#0f5257"
							// No Mux Data cookies: no consent banner needed for watching a lesson.
							disableCookies
							// Mux Data needs a Mux asset; for a plain source file there is nothing to report to.
							disableTracking={!playbackId}
							playbackRates={[0.75, 1, 1.25, 1.5, 2]}
							className="block aspect-video w-full overflow-hidden rounded-xl"
							{...handlers}
						>
							{captionsUrl ? (
								<track kind="captions" srcLang="en" label={t('video.captionsEnglish')} src={captionsUrl} />
							) : null}
						</MuxPlayer>
					)}
				</VideoFacade>
			</div>
			<div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
				<ProgressBar
					className="min-w-48 flex-1"
					label={t('video.watched')}
					value={watchedPercent}
					valueText={t('video.watchedPercent', { percent: watchedPercent })}
				/>
				<p className="text-sm text-stone-700">{completed ? t('video.complete') : t('video.rule')}</p>
			</div>
			<p role="status" aria-live="polite" className="sr-only">
				{announcement}
			</p>
		</div>
	)
}

function useVideoProgress({
	lessonId,
	durationSeconds,
	startTime,
	serverPosition,
	initialWatchedPercent,
	initiallyCompleted,
	onCompleted,
}: {
	lessonId: string
	durationSeconds: number
	/** Where the player starts: the server's position, or this tab's newer one. */
	startTime: number
	/** The position the server has stored. */
	serverPosition: number
	initialWatchedPercent: number
	initiallyCompleted: boolean
	onCompleted?: () => void
}) {
	const { t } = useTranslation('learn')
	const announceText = useRef('')
	announceText.current = t('video.announce')
	const trackerRef = useRef<PlaybackTracker | null>(null)
	trackerRef.current ??= new PlaybackTracker(durationSeconds, startTime)
	// The player element, from its events: read once more when the page is left, since the last
	// timeupdate can be a quarter of a second old.
	const mediaRef = useRef<MuxPlayerElement | null>(null)
	const lastSentPosition = useRef(serverPosition)
	// 'pause' and 'ended' fire together at the end of a video: send the same report only once.
	const lastSentBody = useRef('')
	const onCompletedRef = useRef(onCompleted)
	onCompletedRef.current = onCompleted
	const [watchedPercent, setWatchedPercent] = useState(initialWatchedPercent)
	const [completed, setCompleted] = useState(initiallyCompleted)
	const [announcement, setAnnouncement] = useState('')
	const [playing, setPlaying] = useState(false)

	const send = useCallback(
		async (mode: 'fetch' | 'beacon') => {
			const tracker = trackerRef.current!
			const media = mediaRef.current
			if (mode === 'beacon' && media) tracker.timeUpdate(media.currentTime)
			const report = tracker.report(lessonId)
			// Leaving the lesson (reload, tab closed, another page): note the position in this tab too,
			// since the page that comes back may be read before the server has stored this report.
			if (mode === 'beacon') saveResumePoint(window.sessionStorage, lessonId, report.positionSeconds, Date.now())
			const moved = Math.abs(report.positionSeconds - lastSentPosition.current) >= 1
			if (report.playedRanges.length === 0 && !moved) return
			const body = JSON.stringify(report)
			if (body === lastSentBody.current) return
			lastSentBody.current = body
			const previousPosition = lastSentPosition.current
			lastSentPosition.current = report.positionSeconds
			// A page being hidden or closed may not live to see a fetch finish; a beacon is queued by the
			// browser itself. It is same-origin, so it carries the session cookie and passes the CSRF check.
			// sendBeacon refuses (returns false) when its queue is full: then a keepalive fetch, which
			// also outlives the page.
			if (
				mode === 'beacon' &&
				typeof navigator.sendBeacon === 'function' &&
				navigator.sendBeacon(PROGRESS_URL, new Blob([body], { type: 'text/plain;charset=UTF-8' }))
			) {
				return
			}
			const failed = () => {
				lastSentBody.current = ''
				lastSentPosition.current = previousPosition
			}
			try {
				const response = await fetch(PROGRESS_URL, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
					body,
					keepalive: true,
					credentials: 'same-origin',
				})
				if (!response.ok) {
					failed()
					return
				}
				const reply = (await response.json()) as ProgressReply
				tracker.confirm(reply.watchedRanges)
				setWatchedPercent(reply.watchedPercent)
				if (reply.completed) setCompleted(true)
				if (reply.lessonCompletedNow) {
					setAnnouncement(announceText.current)
					onCompletedRef.current?.()
				}
			} catch {
				// Offline or the server is unreachable: the ranges stay pending and go with the next report.
				failed()
			}
		},
		[lessonId],
	)

	// The start is settled once the page is hydrated (see VideoPlayer): a report sent before the
	// player has produced any event must still carry it, not the server's older position.
	useEffect(() => trackerRef.current!.seeking(startTime), [startTime])

	// Every ~10 s while playing.
	useEffect(() => {
		if (!playing) return
		const timer = window.setInterval(() => void send('fetch'), REPORT_INTERVAL_MS)
		return () => window.clearInterval(timer)
	}, [playing, send])

	// When the tab is hidden or the page is left, and when this lesson is left for another one.
	useEffect(() => {
		const onHidden = () => {
			if (document.visibilityState === 'hidden') void send('beacon')
		}
		const onPageHide = () => void send('beacon')
		document.addEventListener('visibilitychange', onHidden)
		window.addEventListener('pagehide', onPageHide)
		return () => {
			document.removeEventListener('visibilitychange', onHidden)
			window.removeEventListener('pagehide', onPageHide)
			void send('beacon')
		}
	}, [send])

	const currentTimeOf = (event: Event) => {
		const media = event.target as MuxPlayerElement | null
		if (media) mediaRef.current = media
		return media?.currentTime ?? 0
	}
	const handlers = {
		onPlay: (event: Event) => {
			trackerRef.current!.play(currentTimeOf(event))
			setPlaying(true)
		},
		onTimeUpdate: (event: Event) => trackerRef.current!.timeUpdate(currentTimeOf(event)),
		onSeeking: (event: Event) => trackerRef.current!.seeking(currentTimeOf(event)),
		onPause: (event: Event) => {
			trackerRef.current!.pause(currentTimeOf(event))
			setPlaying(false)
			void send('fetch')
		},
		onEnded: (event: Event) => {
			trackerRef.current!.pause(currentTimeOf(event))
			setPlaying(false)
			void send('fetch')
		},
	}
	return { handlers, watchedPercent, completed, announcement }
}
