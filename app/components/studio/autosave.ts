// The lesson editor's autosave as a pure state machine. The hook (use-autosave.ts) turns DOM events,
// the timer and the server's replies into these events, and runs the effects the state asks for:
// a timer while `dirty`, one request whenever `request` changes, leaving once `leave` is 'go'.
import type { FieldErrors, SaveReply } from './lesson-form.ts'

export type AutosaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'invalid' | 'conflict' | 'error'

/** Where leaving the page stands: asked to leave, waiting for a save first, or free to go. */
export type LeaveState = 'none' | 'waiting' | 'ask' | 'go'

export type AutosaveState = {
	status: AutosaveStatus
	/** The revision the next save claims to be based on (optimistic concurrency). */
	revision: number
	/** Counts edits, so each one restarts the autosave timer. */
	edits: number
	/** Requests sent so far. */
	sent: number
	/** The request in flight (a new object for each request sent), or null. */
	request: { id: number; revision: number } | null
	/** The author changed something while a save was in flight: save again when it answers. */
	queued: boolean
	/** The newer revision someone else saved, while in conflict. */
	theirRevision: number | null
	errors: FieldErrors
	message: string | null
	savedAt: string | null
	leave: LeaveState
}

export type AutosaveEvent =
	/** The author changed a field. */
	| { type: 'edit' }
	/** Time to save (the timer, "Save now", or leaving), with the form's problems found in the browser. */
	| { type: 'flush'; errors: FieldErrors }
	/** The server answered the request in flight. */
	| { type: 'reply'; reply: SaveReply }
	/** After a conflict, the author chose to save over the newer version. */
	| { type: 'keep-mine' }
	/** The author asked to leave the page (a link inside the app). */
	| { type: 'leave' }
	/** The author chose to stay after all. */
	| { type: 'stay' }
	/** The author chose to leave without saving. */
	| { type: 'leave-anyway' }

export function initialAutosaveState(revision: number, reply: SaveReply | null = null): AutosaveState {
	const base: AutosaveState = {
		status: 'idle',
		revision,
		edits: 0,
		sent: 0,
		request: null,
		queued: false,
		theirRevision: null,
		errors: {},
		message: null,
		savedAt: null,
		leave: 'none',
	}
	// A reply here came from a save posted without JavaScript; the page shows the saved data.
	if (!reply) return base
	if (reply.status === 'saved') return { ...base, status: 'saved', savedAt: reply.savedAt }
	if (reply.status === 'invalid') return { ...base, status: 'invalid', errors: reply.errors, message: reply.message }
	if (reply.status === 'conflict')
		return { ...base, status: 'conflict', theirRevision: reply.revision, message: reply.message }
	return { ...base, status: 'error', message: reply.message }
}

/** True while something the author typed is not yet safely saved. */
export function hasUnsavedChanges(state: AutosaveState) {
	return state.status !== 'idle' && state.status !== 'saved'
}

/** Once a save has failed for good, leaving needs the author's say-so; while one can succeed, we wait. */
function afterFailure(leave: LeaveState): LeaveState {
	return leave === 'waiting' ? 'ask' : leave
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
	switch (event.type) {
		case 'edit': {
			if (state.status === 'saving') return { ...state, queued: true, edits: state.edits + 1 }
			// Saving would only be refused again: the author first decides between their text and the newer one.
			if (state.status === 'conflict') return { ...state, edits: state.edits + 1 }
			return { ...state, status: 'dirty', edits: state.edits + 1 }
		}
		case 'flush': {
			if (state.status === 'conflict') return state
			if (state.status === 'saving') return { ...state, queued: true }
			if (Object.keys(event.errors).length) {
				return {
					...state,
					status: 'invalid',
					errors: event.errors,
					message: null,
					leave: afterFailure(state.leave),
				}
			}
			return {
				...state,
				status: 'saving',
				errors: {},
				message: null,
				queued: false,
				sent: state.sent + 1,
				request: { id: state.sent + 1, revision: state.revision },
			}
		}
		case 'reply': {
			// Only the request in flight can be answered; anything else is stale.
			if (state.status !== 'saving') return state
			const reply = event.reply
			const settled = { ...state, request: null, queued: false }
			if (reply.status === 'saved') {
				const base = { ...settled, revision: reply.revision, savedAt: reply.savedAt, errors: {}, message: null }
				// Typed while it was saving: those changes still need a save of their own.
				if (state.queued) return { ...base, status: 'dirty' }
				return { ...base, status: 'saved', leave: state.leave === 'waiting' ? 'go' : state.leave }
			}
			if (reply.status === 'conflict') {
				return {
					...settled,
					status: 'conflict',
					theirRevision: reply.revision,
					message: reply.message,
					leave: afterFailure(state.leave),
				}
			}
			if (reply.status === 'invalid') {
				// Later edits may have put the problem right: check again rather than stop here.
				if (state.queued) return { ...settled, status: 'dirty', errors: reply.errors, message: reply.message }
				return {
					...settled,
					status: 'invalid',
					errors: reply.errors,
					message: reply.message,
					leave: afterFailure(state.leave),
				}
			}
			return { ...settled, status: 'error', message: reply.message, leave: afterFailure(state.leave) }
		}
		case 'keep-mine': {
			if (state.status !== 'conflict' || state.theirRevision == null) return state
			return { ...state, status: 'dirty', revision: state.theirRevision, theirRevision: null, message: null }
		}
		case 'leave': {
			if (state.leave !== 'none') return state
			if (!hasUnsavedChanges(state)) return { ...state, leave: 'go' }
			// Changes waiting for the timer are saved at once (the hook flushes while `waiting`).
			if (state.status === 'dirty' || state.status === 'saving') return { ...state, leave: 'waiting' }
			return { ...state, leave: 'ask' }
		}
		case 'stay':
			return { ...state, leave: 'none' }
		case 'leave-anyway':
			return { ...state, leave: 'go' }
	}
}
