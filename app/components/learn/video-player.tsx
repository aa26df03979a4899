import type MuxPlayerElement from '@mux/mux-player'
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { PlaybackTracker } from './playback-tracker.ts'
import { ProgressBar } from './progress-bar.tsx'

// Loaded only when a video lesson is on screen (and only in the browser), so pages without video
// never download the player.
const MuxPlayer = lazy(() => import('@mux/mux-player-react'))

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
 * A video lesson: the Mux player (with a Mux playback id, or a plain source URL), resuming at the
 * saved position, with captions when the lesson has them. It reports what was actually played
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
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	const { handlers, watchedPercent, completed, announcement } = useVideoProgress({
		lessonId,
		durationSeconds,
		startTime,
		initialWatchedPercent,
		initiallyCompleted,
		onCompleted,
	})

	const placeholder = (
		<div className="flex aspect-video w-full items-center justify-center rounded-xl bg-stone-900 text-stone-200">
			<p>Loading the video player…</p>
		</div>
	)

	return (
		<div>
			<div className="overflow-hidden rounded-xl bg-stone-900 shadow-sm">
				{hydrated ? (
					<Suspense fallback={placeholder}>
						<MuxPlayer
							{...(playbackId ? { playbackId } : { src: sourceUrl ?? undefined })}
							title={title}
							streamType="on-demand"
							startTime={startTime}
							accentColor="#0f5257"
							// No Mux Data cookies: no consent banner needed for watching a lesson.
							disableCookies
							// Mux Data needs a Mux asset; for a plain source file there is nothing to report to.
							disableTracking={!playbackId}
							playbackRates={[0.75, 1, 1.25, 1.5, 2]}
							className="block aspect-video w-full"
							{...handlers}
						>
							{captionsUrl ? <track kind="captions" srcLang="en" label="English" src={captionsUrl} /> : null}
						</MuxPlayer>
					</Suspense>
				) : (
					placeholder
				)}
			</div>
			<div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
				<ProgressBar
					className="min-w-48 flex-1"
					label="Watched"
					value={watchedPercent}
					valueText={`${watchedPercent}% watched`}
				/>
				<p className="text-sm text-stone-700">
					{completed
						? 'Watched: this lesson is complete.'
						: 'A video counts as watched once you have played 90% of it.'}
				</p>
			</div>
			<p role="status" aria-live="polite" className="sr-only">
				{announcement}
			</p>
		</div>
	)
}

function currentTimeOf(event: Event) {
	return (event.target as MuxPlayerElement | null)?.currentTime ?? 0
}

function useVideoProgress({
	lessonId,
	durationSeconds,
	startTime,
	initialWatchedPercent,
	initiallyCompleted,
	onCompleted,
}: {
	lessonId: string
	durationSeconds: number
	startTime: number
	initialWatchedPercent: number
	initiallyCompleted: boolean
	onCompleted?: () => void
}) {
	const trackerRef = useRef<PlaybackTracker | null>(null)
	trackerRef.current ??= new PlaybackTracker(durationSeconds, startTime)
	const lastSentPosition = useRef(startTime)
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
			const report = tracker.report(lessonId)
			const moved = Math.abs(report.positionSeconds - lastSentPosition.current) >= 1
			if (report.playedRanges.length === 0 && !moved) return
			const body = JSON.stringify(report)
			if (body === lastSentBody.current) return
			lastSentBody.current = body
			lastSentPosition.current = report.positionSeconds
			// A page being hidden or closed may not live to see a fetch finish; a beacon is queued by the
			// browser itself. It is same-origin, so it carries the session cookie and passes the CSRF check.
			if (mode === 'beacon' && typeof navigator.sendBeacon === 'function') {
				navigator.sendBeacon(PROGRESS_URL, new Blob([body], { type: 'text/plain;charset=UTF-8' }))
				return
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
					lastSentBody.current = ''
					return
				}
				const reply = (await response.json()) as ProgressReply
				tracker.confirm(reply.watchedRanges)
				setWatchedPercent(reply.watchedPercent)
				if (reply.completed) setCompleted(true)
				if (reply.lessonCompletedNow) {
					setAnnouncement('Video watched: this lesson is complete.')
					onCompletedRef.current?.()
				}
			} catch {
				// Offline or the server is unreachable: the ranges stay pending and go with the next report.
				lastSentBody.current = ''
			}
		},
		[lessonId],
	)

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
