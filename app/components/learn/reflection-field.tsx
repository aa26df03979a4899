import { createContext, useCallback, useContext, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '#app/components/forms.tsx'
import { cx } from '#app/components/ui/cx.ts'

const DRAFT_URL = '/learn/reflection'
const DEBOUNCE_MS = 1000
export const REFLECTION_MAX_LENGTH = 5000

type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error'

/**
 * True inside a trainer's preview (studio): reflections can be typed but are never sent or kept on
 * the device, since the previewer is not enrolled and the questions may not be published.
 */
export const ReflectionPreviewContext = createContext(false)

/**
 * What this device keeps of a reflection that the server may not have yet: the text, and the
 * server's updatedAt as it was when the text was typed (the "base"). On reload the device's copy is
 * used only if the server has not been written since that base, so a newer save from another tab or
 * device wins, and no comparison between the two machines' clocks is needed.
 */
type LocalDraft = { text: string; baseUpdatedAt: string | null; editedAt: number }

function storageKey(questionId: string) {
	return `circle:reflection:${questionId}`
}

function readLocal(questionId: string): LocalDraft | null {
	try {
		const raw = window.localStorage.getItem(storageKey(questionId))
		if (!raw) return null
		const value = JSON.parse(raw) as Partial<LocalDraft>
		return typeof value.text === 'string' ? (value as LocalDraft) : null
	} catch {
		return null
	}
}

function writeLocal(questionId: string, draft: LocalDraft | null) {
	try {
		if (draft) window.localStorage.setItem(storageKey(questionId), JSON.stringify(draft))
		else window.localStorage.removeItem(storageKey(questionId))
	} catch {
		// Private browsing or a full quota: the server copy is still saved.
	}
}

const STATUS_KEYS = {
	saving: 'reflection.saving',
	saved: 'reflection.saved',
	offline: 'reflection.offline',
	error: 'reflection.error',
} as const

/**
 * A reflection textarea that is never lost: it saves to the server a second after typing stops
 * and when it loses focus, keeps a copy in localStorage until the server has it (so a dropped
 * connection or a closed tab loses nothing), retries when the browser comes back online, and says
 * what it is doing in an aria-live status. It starts from the saved reflection (`saved`), and takes
 * a newer server copy (from another tab, refetched on focus) when the learner is not editing.
 */
export function ReflectionField({
	questionId,
	name,
	label,
	hint,
	saved,
	errors,
	number,
	contentLang,
}: {
	questionId: string
	name: string
	label: string
	hint?: string | null
	saved?: { text: string; updatedAt: Date | string } | null
	errors?: string[]
	number: string
	/** The question's language when it is not the page's. */
	contentLang?: string
}) {
	const { t, i18n } = useTranslation('learn')
	const id = useId()
	const preview = useContext(ReflectionPreviewContext)
	const serverUpdatedAt = saved ? new Date(saved.updatedAt).toISOString() : null
	const [text, setText] = useState(saved?.text ?? '')
	const [state, setState] = useState<SaveState>('idle')
	const [saveError, setSaveError] = useState<string | null>(null)
	const base = useRef<string | null>(serverUpdatedAt)
	const dirty = useRef(false)
	const editing = useRef(false)
	const timer = useRef<number | undefined>(undefined)
	const latest = useRef(text)
	latest.current = text

	const save = useCallback(async () => {
		window.clearTimeout(timer.current)
		if (!dirty.current || preview) return
		const body = latest.current
		if (body.length > REFLECTION_MAX_LENGTH) {
			setState('error')
			setSaveError(t('reflection.tooLong', { length: body.length.toLocaleString(i18n.language) }))
			return
		}
		setState('saving')
		try {
			const response = await fetch(DRAFT_URL, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({ questionId, text: body }),
				credentials: 'same-origin',
			})
			const reply = (await response.json().catch(() => null)) as { updatedAt?: string; message?: string } | null
			if (!response.ok) {
				setState('error')
				setSaveError(reply?.message ?? t('reflection.notSaved'))
				return
			}
			base.current = reply?.updatedAt ?? base.current
			// Only clear the local copy if nothing was typed while the save was on its way.
			if (latest.current === body) {
				dirty.current = false
				writeLocal(questionId, null)
			}
			setSaveError(null)
			setState('saved')
		} catch {
			setState('offline')
		}
	}, [questionId, preview, t, i18n.language])

	// On first render in the browser: recover a copy this device has not yet saved, unless the server
	// has been written since (another tab or device saved something newer).
	useEffect(() => {
		if (preview) return
		const local = readLocal(questionId)
		if (!local) return
		if (local.baseUpdatedAt === serverUpdatedAt && local.text !== (saved?.text ?? '')) {
			setText(local.text)
			latest.current = local.text
			dirty.current = true
			setState('offline')
			void save()
		} else {
			writeLocal(questionId, null)
		}
		// Only on mount: later server updates are handled below.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [])

	// A newer server copy (the page was refetched on focus) replaces the text if the learner is not
	// in the middle of editing it.
	useEffect(() => {
		if (!saved || serverUpdatedAt === base.current) return
		if (dirty.current || editing.current) return
		base.current = serverUpdatedAt
		setText(saved.text)
	}, [saved, serverUpdatedAt])

	useEffect(() => {
		const retry = () => void save()
		window.addEventListener('online', retry)
		return () => {
			window.removeEventListener('online', retry)
			window.clearTimeout(timer.current)
		}
	}, [save])

	const hintId = `${id}-hint`
	const errorId = `${id}-error`
	const statusId = `${id}-status`
	const allErrors = [...(errors ?? []), ...(saveError ? [saveError] : [])]
	const invalid = allErrors.length > 0

	return (
		<div>
			<label htmlFor={id} className="block font-semibold text-stone-900">
				<span className="block text-sm font-medium text-stone-600">{number}</span>
				<span lang={contentLang}>{label}</span>
			</label>
			{hint ? (
				<p id={hintId} lang={contentLang} className="mt-1 text-sm text-stone-700">
					{hint}
				</p>
			) : null}
			<textarea
				id={id}
				name={name}
				rows={6}
				value={text}
				maxLength={REFLECTION_MAX_LENGTH}
				aria-invalid={invalid || undefined}
				aria-describedby={[hint ? hintId : null, invalid ? errorId : null, statusId].filter(Boolean).join(' ')}
				onFocus={() => (editing.current = true)}
				onChange={(event) => {
					const value = event.target.value
					setText(value)
					dirty.current = true
					if (preview) return
					writeLocal(questionId, { text: value, baseUpdatedAt: base.current, editedAt: Date.now() })
					window.clearTimeout(timer.current)
					timer.current = window.setTimeout(() => void save(), DEBOUNCE_MS)
				}}
				onBlur={() => {
					editing.current = false
					void save()
				}}
				className={cx(
					'mt-2 block min-h-40 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base leading-relaxed text-stone-900 shadow-xs',
					'aria-invalid:border-2 aria-invalid:border-red-700',
				)}
			/>
			<div className="mt-1 flex flex-wrap justify-between gap-2 text-sm text-stone-700">
				<p id={statusId} role="status" aria-live="polite" className="min-h-5">
					{preview ? t('reflection.preview') : state === 'idle' ? '' : t(STATUS_KEYS[state])}
				</p>
				<p aria-hidden="true">
					{text.length.toLocaleString(i18n.language)} / {REFLECTION_MAX_LENGTH.toLocaleString(i18n.language)}
				</p>
			</div>
			<ErrorList id={invalid ? errorId : undefined} errors={allErrors} />
		</div>
	)
}
