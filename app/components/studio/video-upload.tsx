import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'

/** Mux accepts larger files, but a CPD lesson video over 5 GB is almost certainly a mistake. */
export const MAX_VIDEO_BYTES = 5 * 1024 ** 3

type Phase =
	| { kind: 'idle' }
	| { kind: 'starting' }
	| { kind: 'uploading'; percent: number }
	| { kind: 'processing'; status: string }
	| { kind: 'ready' }
	| { kind: 'error'; message: string }

const POLL_MS = 3000

/**
 * Uploads a video file straight to Mux for one lesson: asks Circle for a signed upload URL, PUTs
 * the file there with a real progress bar, then polls Circle until Mux's webhook has marked the
 * video ready. The lesson itself is filled in by the webhook, so the trainer reloads to see it.
 */
export function VideoUpload({ lessonId, onReady }: { lessonId: string; onReady?: () => void }) {
	const { t } = useTranslation('studio')
	const id = useId()
	const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
	const xhrRef = useRef<XMLHttpRequest | null>(null)
	const pollRef = useRef<ReturnType<typeof setTimeout> | null>(null)
	const endpoint = `/studio/lessons/${encodeURIComponent(lessonId)}/video-upload`

	useEffect(
		() => () => {
			xhrRef.current?.abort()
			if (pollRef.current) clearTimeout(pollRef.current)
		},
		[],
	)

	async function poll(uploadId: string) {
		try {
			const response = await fetch(`${endpoint}?uploadId=${encodeURIComponent(uploadId)}`, {
				headers: { Accept: 'application/json' },
			})
			const body = (await response.json()) as { status?: string; error?: string | null; message?: string }
			if (!response.ok) throw new Error(body.message ?? t('upload.checkFailed'))
			if (body.status === 'READY') {
				setPhase({ kind: 'ready' })
				onReady?.()
				return
			}
			if (body.status === 'ERRORED' || body.status === 'CANCELLED') {
				setPhase({ kind: 'error', message: body.error ?? t('upload.processingFailed') })
				return
			}
			setPhase({ kind: 'processing', status: body.status ?? 'WAITING' })
		} catch (error) {
			// A dropped poll is not fatal: Mux keeps processing; try again shortly.
			console.warn('[video-upload] poll failed', error)
		}
		pollRef.current = setTimeout(() => void poll(uploadId), POLL_MS)
	}

	async function start(file: File) {
		if (file.size > MAX_VIDEO_BYTES) {
			setPhase({ kind: 'error', message: t('upload.tooLarge') })
			return
		}
		if (file.type && !file.type.startsWith('video/')) {
			setPhase({ kind: 'error', message: t('upload.notVideo') })
			return
		}
		setPhase({ kind: 'starting' })
		let target: { uploadUrl: string; uploadId: string }
		try {
			const response = await fetch(endpoint, { method: 'POST', headers: { Accept: 'application/json' } })
			const body = (await response.json()) as { uploadUrl?: string; uploadId?: string; message?: string }
			if (!response.ok || !body.uploadUrl || !body.uploadId)
				throw new Error(body.message ?? t('upload.startFailed'))
			target = { uploadUrl: body.uploadUrl, uploadId: body.uploadId }
		} catch (error) {
			setPhase({ kind: 'error', message: (error as Error).message })
			return
		}
		setPhase({ kind: 'uploading', percent: 0 })
		const xhr = new XMLHttpRequest()
		xhrRef.current = xhr
		xhr.open('PUT', target.uploadUrl)
		xhr.upload.onprogress = (event) => {
			if (event.lengthComputable)
				setPhase({ kind: 'uploading', percent: Math.floor((event.loaded / event.total) * 100) })
		}
		xhr.onload = () => {
			if (xhr.status >= 200 && xhr.status < 300) {
				setPhase({ kind: 'processing', status: 'WAITING' })
				void poll(target.uploadId)
			} else {
				setPhase({ kind: 'error', message: t('upload.failed', { status: xhr.status }) })
			}
		}
		xhr.onerror = () => setPhase({ kind: 'error', message: t('upload.interrupted') })
		xhr.onabort = () => setPhase({ kind: 'idle' })
		xhr.send(file)
	}

	const busy = phase.kind === 'starting' || phase.kind === 'uploading' || phase.kind === 'processing'
	return (
		<div className="space-y-3">
			<div>
				<label htmlFor={`${id}-file`} className="block font-semibold text-stone-900">
					{t('upload.label')}
				</label>
				<p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
					{t('upload.hint')}
				</p>
				<input
					id={`${id}-file`}
					type="file"
					accept="video/*"
					disabled={busy}
					aria-describedby={`${id}-hint`}
					className="mt-2 block min-h-11 w-full text-base text-stone-900 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-brand-700 file:bg-white file:px-4 file:font-semibold file:text-brand-700"
					onChange={(event) => {
						const file = event.currentTarget.files?.[0]
						if (file) void start(file)
					}}
				/>
			</div>

			{phase.kind === 'uploading' ? (
				<div>
					<label htmlFor={`${id}-progress`} className="block text-sm font-semibold text-stone-900">
						{t('upload.uploading')}
					</label>
					<progress id={`${id}-progress`} max={100} value={phase.percent} className="mt-1 h-3 w-full accent-brand-700">
						{phase.percent}%
					</progress>
					<div className="mt-1 flex items-center justify-between gap-3">
						<p aria-live="polite" className="text-sm text-stone-700">
							{t('upload.uploaded', { percent: phase.percent })}
						</p>
						<Button variant="ghost" size="sm" onClick={() => xhrRef.current?.abort()}>
							{t('upload.cancel')}
						</Button>
					</div>
				</div>
			) : null}

			<div aria-live="polite">
				{phase.kind === 'starting' ? <p className="text-sm text-stone-700">{t('upload.starting')}</p> : null}
				{phase.kind === 'processing' ? (
					<p className="text-sm text-stone-700">{t('upload.processing')}</p>
				) : null}
				{phase.kind === 'ready' ? (
					<Notice tone="success" title={t('upload.readyTitle')}>
						{t('upload.readyBody')}
					</Notice>
				) : null}
			</div>
			{phase.kind === 'error' ? (
				<Notice tone="error" role="alert" title={t('upload.errorTitle')}>
					{phase.message}
				</Notice>
			) : null}
		</div>
	)
}
