import { useCallback, useEffect, useReducer, useRef } from 'react'
import { useBlocker, useFetcher } from 'react-router'
import { autosaveReducer, hasUnsavedChanges, initialAutosaveState } from './autosave.ts'
import { contentFromForm, fieldErrors, type LessonKindName, type SaveReply } from './lesson-form.ts'

export const AUTOSAVE_MS = 1200

/**
 * Autosave for the lesson editor's form: saves `delayMs` after the last edit, one request at a time,
 * with the revision the author started from, and asks before the author leaves with unsaved changes.
 * The rules are in autosaveReducer; this hook only connects them to the DOM, a timer, a fetcher and
 * React Router's blocker. Posts `intent=autosave` to the current route's action.
 */
export function useAutosave({
	kind,
	revision,
	noJsReply,
	delayMs = AUTOSAVE_MS,
}: {
	kind: LessonKindName
	revision: number
	/** The answer to a save posted without JavaScript, if any. */
	noJsReply: SaveReply | null
	delayMs?: number
}) {
	const [state, dispatch] = useReducer(autosaveReducer, null, () => initialAutosaveState(revision, noJsReply))
	const formRef = useRef<HTMLFormElement>(null)
	const { submit, data: reply } = useFetcher<SaveReply>()

	const flush = useCallback(() => {
		const form = formRef.current
		if (!form) return
		dispatch({ type: 'flush', errors: fieldErrors(kind, contentFromForm(kind, new FormData(form))) })
	}, [kind])

	// The timer: restarted by every edit; immediate when the author is waiting to leave.
	const waitingToLeave = state.leave === 'waiting'
	useEffect(() => {
		if (state.status !== 'dirty') return
		const timer = window.setTimeout(flush, waitingToLeave ? 0 : delayMs)
		return () => window.clearTimeout(timer)
	}, [state.status, state.edits, waitingToLeave, flush, delayMs])

	// Each request the machine asks for is sent once, with the form as it is now.
	const request = state.request
	useEffect(() => {
		const form = formRef.current
		if (!request || !form) return
		const formData = new FormData(form)
		formData.set('intent', 'autosave')
		formData.set('revision', String(request.revision))
		void submit(formData, { method: 'post' })
	}, [request, submit])

	// A new reply is a new object, so this runs once per answer.
	useEffect(() => {
		if (reply) dispatch({ type: 'reply', reply })
	}, [reply])

	const unsaved = hasUnsavedChanges(state)

	// Closing the tab or reloading with unsaved changes: the browser asks.
	useEffect(() => {
		if (!unsaved) return
		const warn = (event: BeforeUnloadEvent) => event.preventDefault()
		window.addEventListener('beforeunload', warn)
		return () => window.removeEventListener('beforeunload', warn)
	}, [unsaved])

	// Following a link inside the app: the machine decides between saving first, asking, or going.
	const blocker = useBlocker(
		({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
	)
	const blocked = blocker.state === 'blocked'
	useEffect(() => {
		if (blocked) dispatch({ type: 'leave' })
	}, [blocked])
	useEffect(() => {
		if (state.leave === 'go' && blocker.state === 'blocked') blocker.proceed()
	}, [state.leave, blocker])

	return {
		state,
		unsaved,
		formRef,
		/** True while a link inside the app waits on the author or on a save. */
		blocked,
		edit: useCallback(() => dispatch({ type: 'edit' }), []),
		flush,
		keepMine: useCallback(() => {
			dispatch({ type: 'keep-mine' })
			flush()
		}, [flush]),
		stay: useCallback(() => {
			blocker.reset?.()
			dispatch({ type: 'stay' })
		}, [blocker]),
		leaveAnyway: useCallback(() => dispatch({ type: 'leave-anyway' }), []),
	}
}
