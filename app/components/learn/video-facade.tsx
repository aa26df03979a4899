import type MuxPlayerElement from '@mux/mux-player'
import type MuxPlayerReact from '@mux/mux-player-react'
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export type MuxPlayerComponent = typeof MuxPlayerReact

let loading: Promise<MuxPlayerComponent> | null = null

/**
 * Imports Mux Player (about 320 KB of gzip JavaScript) once, for every video on the page. Called when
 * a learner asks to play, and earlier as a hint when the pointer or focus reaches the play button.
 * A failed import is forgotten, so "Try again" imports afresh.
 */
export function loadMuxPlayer(): Promise<MuxPlayerComponent> {
	loading ??= import('@mux/mux-player-react').then(
		(player) => {
			disableCasting()
			return player.default
		},
		(error: unknown) => {
			loading = null
			throw error
		},
	)
	return loading
}

/**
 * Turns Chromecast off. Mux Player has no option for it: its media element loads Google's cast
 * sender script from gstatic.com (which Circle's Content-Security-Policy refuses) unless the element
 * has `disableRemotePlayback` set, and the player does not pass that attribute on to its inner
 * <mux-video>. Declaring it on the element's class covers every player, before any is created.
 */
function disableCasting() {
	const MuxVideo = customElements.get('mux-video')
	if (!MuxVideo || Object.hasOwn(MuxVideo.prototype, 'disableRemotePlayback')) return
	Object.defineProperty(MuxVideo.prototype, 'disableRemotePlayback', {
		configurable: true,
		get: () => true,
		set: () => {},
	})
}

/** Mux's still of a video at a point (the learner's resume point), as the poster. */
export function posterUrl(playbackId: string, seconds: number, width: number) {
	return `https://image.mux.com/${encodeURIComponent(playbackId)}/thumbnail.webp?time=${Math.max(0, Math.floor(seconds))}&width=${width}`
}

type State =
	{ status: 'idle' } | { status: 'loading' } | { status: 'ready'; Player: MuxPlayerComponent } | { status: 'error' }

/**
 * A video behind its poster (ADR 0055): the poster, the title, what `details` says (length, resume
 * point) and a "Play video" button, the same size as the player, so a page with a video downloads
 * no player until the learner asks for one. Pressing the button imports the player, mounts it
 * (`children`, given the component and a ref for the player element), starts it and moves
 * focus into it; a failed import shows an error with "Try again". Loading and failure are announced
 * politely. A plain source file (the demo video) has no Mux still: a dark poster with the title.
 */
export function VideoFacade({
	title,
	playbackId,
	posterTime = 0,
	details,
	children,
}: {
	title: string
	playbackId: string | null
	/** The point in the video the poster shows, in seconds. */
	posterTime?: number
	details?: ReactNode
	children: (Player: MuxPlayerComponent, playerRef: (element: MuxPlayerElement | null) => void) => ReactNode
}) {
	const { t } = useTranslation('learn')
	const [state, setState] = useState<State>({ status: 'idle' })
	// Until the page is hydrated the button cannot do anything: it is disabled, not silently dead.
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	const mounted = useRef(true)
	useEffect(() => {
		mounted.current = true
		return () => {
			mounted.current = false
		}
	}, [])
	const frameRef = useRef<HTMLDivElement>(null)
	const retryRef = useRef<HTMLButtonElement>(null)
	const detailsId = useId()

	const play = useCallback(() => {
		setState((current) => (current.status === 'loading' ? current : { status: 'loading' }))
		loadMuxPlayer().then(
			(Player) => mounted.current && setState({ status: 'ready', Player }),
			() => mounted.current && setState({ status: 'error' }),
		)
	}, [])
	const prefetch = () => void loadMuxPlayer().catch(() => {})

	useEffect(() => {
		if (state.status === 'error') retryRef.current?.focus()
	}, [state.status])

	// Focus follows the learner into the player they asked for, so Space pauses it and Tab reaches its
	// controls: first to the frame (the play button has just gone), then to the player's own keyboard
	// target once it has drawn its controls.
	const playerRef = useCallback((element: MuxPlayerElement | null) => {
		if (!element) return
		frameRef.current?.focus({ preventScroll: true })
		if (frameRef.current) void focusWithin(element, frameRef.current)
		void startWhenSettled(element)
	}, [])

	const status = state.status === 'loading' ? t('video.loading') : state.status === 'error' ? t('video.loadFailed') : ''

	return (
		<div
			ref={frameRef}
			tabIndex={-1}
			role={state.status === 'ready' ? 'group' : undefined}
			aria-label={state.status === 'ready' ? title : undefined}
			className="rounded-xl outline-none"
		>
			{state.status === 'ready' ? (
				children(state.Player, playerRef)
			) : (
				<div className="relative isolate flex aspect-video w-full flex-col justify-end overflow-hidden rounded-xl bg-stone-900 text-white">
					{playbackId ? (
						<img
							src={posterUrl(playbackId, posterTime, 960)}
							srcSet={`${posterUrl(playbackId, posterTime, 640)} 640w, ${posterUrl(playbackId, posterTime, 960)} 960w, ${posterUrl(playbackId, posterTime, 1920)} 1920w`}
							sizes="(min-width: 56rem) 56rem, 100vw"
							alt=""
							decoding="async"
							fetchPriority="high"
							className="absolute inset-0 -z-10 h-full w-full object-cover"
						/>
					) : null}
					<div className="absolute inset-0 flex items-center justify-center">
						{state.status === 'error' ? (
							<div className="mx-4 rounded-lg bg-stone-950/85 p-4 text-center">
								<p>{t('video.loadFailed')}</p>
								<button
									ref={retryRef}
									type="button"
									onClick={play}
									className="mt-3 rounded-full bg-white px-5 py-2 font-semibold text-stone-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-white"
								>
									{t('video.retry')}
								</button>
							</div>
						) : (
							<button
								type="button"
								disabled={!hydrated}
								aria-disabled={state.status === 'loading' || undefined}
								aria-describedby={detailsId}
								onClick={state.status === 'loading' ? undefined : play}
								onPointerEnter={prefetch}
								onFocus={prefetch}
								className="flex min-h-12 items-center gap-3 rounded-full bg-white px-6 py-3 text-lg font-semibold text-stone-900 shadow-lg hover:bg-brand-50 focus-visible:outline-3 focus-visible:outline-offset-4 focus-visible:outline-white disabled:cursor-wait aria-disabled:cursor-wait"
							>
								<svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 fill-current">
									{state.status === 'loading' ? (
										<circle
											cx="12"
											cy="12"
											r="9"
											fill="none"
											stroke="currentColor"
											strokeWidth="3"
											strokeDasharray="14 40"
											className="origin-center animate-spin motion-reduce:animate-none"
										/>
									) : (
										<path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5Z" />
									)}
								</svg>
								{state.status === 'loading' ? t('video.loading') : t('video.play')}
							</button>
						)}
					</div>
					<div id={detailsId} className="bg-linear-to-t from-stone-950/90 to-transparent px-4 pt-10 pb-3 sm:px-5">
						<p className="font-semibold">{title}</p>
						{details ? <p className="text-sm text-stone-100">{details}</p> : null}
					</div>
				</div>
			)}
			<p role="status" aria-live="polite" className="sr-only">
				{status}
			</p>
		</div>
	)
}

/**
 * Starts the player the learner asked for, once it can play and the browser has finished setting it
 * up. Starting at once (the `autoPlay` attribute) meant playing through the seconds in which a slow
 * device is still building the player's controls: timeupdate events then come more than 2 s apart,
 * which the watched-time tracker rightly reads as a skip, and the learner could lose the first seconds of
 * credit. If the browser refuses to play (no user activation left), the player shows its own play
 * button, which has focus.
 */
async function startWhenSettled(element: MuxPlayerElement) {
	const media = element as unknown as HTMLMediaElement
	if (media.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) {
		await new Promise((resolve) => media.addEventListener('canplay', resolve, { once: true }))
	}
	await new Promise((resolve) =>
		'requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 1_000 }) : setTimeout(resolve, 50),
	)
	if (media.paused && media.isConnected) await media.play().catch(() => {})
}

/**
 * Moves focus to the first keyboard stop inside a player's (open) shadow roots, where its keyboard
 * shortcuts listen, retrying for a second while the player draws its controls. If there is none,
 * focus stays on the player's frame; if the learner has moved focus meanwhile, it is left alone.
 */
async function focusWithin(element: HTMLElement, frame: HTMLElement) {
	for (let attempt = 0; attempt < 20; attempt++) {
		if (document.activeElement !== frame) return
		const target = firstTabStop(element)
		if (target) {
			target.focus({ preventScroll: true })
			return
		}
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
}

function firstTabStop(host: Element): HTMLElement | null {
	for (const child of host.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? []) {
		if (child.hasAttribute('tabindex') && child.tabIndex >= 0) return child
		const inner = firstTabStop(child)
		if (inner) return inner
	}
	return null
}
