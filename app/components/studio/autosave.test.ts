import { describe, expect, test } from 'vitest'
import {
	type AutosaveEvent,
	autosaveReducer,
	type AutosaveState,
	hasUnsavedChanges,
	initialAutosaveState,
} from './autosave.ts'
import type { SaveReply } from './lesson-form.ts'

const SAVED_AT = '2026-12-05T10:00:00.000Z'
const saved = (revision: number): SaveReply => ({ status: 'saved', revision, savedAt: SAVED_AT })
const conflict = (revision: number): SaveReply => ({ status: 'conflict', revision, message: 'Someone else saved' })
const failed: SaveReply = { status: 'error', message: 'Something went wrong' }
const invalid: SaveReply = { status: 'invalid', errors: { title: ['Enter a lesson title'] }, message: 'Not saved yet' }
const ok = { type: 'flush', errors: {} } as const

function run(events: AutosaveEvent[], from: AutosaveState = initialAutosaveState(3)) {
	return events.reduce(autosaveReducer, from)
}

describe('autosave: the happy path', () => {
	test('starts idle, with nothing unsaved', () => {
		const state = initialAutosaveState(3)
		expect(state).toMatchObject({ status: 'idle', revision: 3, request: null, leave: 'none' })
		expect(hasUnsavedChanges(state)).toBe(false)
	})

	test('an edit makes it dirty, and each edit counts (restarting the timer)', () => {
		const once = run([{ type: 'edit' }])
		const twice = run([{ type: 'edit' }], once)
		expect(once.status).toBe('dirty')
		expect(hasUnsavedChanges(once)).toBe(true)
		expect(twice.edits).toBe(once.edits + 1)
	})

	test('a flush sends one request from the current revision; the reply saves and moves to its revision', () => {
		const saving = run([{ type: 'edit' }, ok])
		expect(saving.status).toBe('saving')
		expect(saving.request).toEqual({ id: 1, revision: 3 })
		const done = run([{ type: 'reply', reply: saved(4) }], saving)
		expect(done).toMatchObject({ status: 'saved', revision: 4, savedAt: SAVED_AT, request: null })
		expect(hasUnsavedChanges(done)).toBe(false)
		// The next save claims the new revision.
		expect(run([{ type: 'edit' }, ok], done).request).toEqual({ id: 2, revision: 4 })
	})

	test('"Save now" with no edits still saves', () => {
		expect(run([ok]).status).toBe('saving')
	})

	test('starts saved or invalid after a save posted without JavaScript', () => {
		expect(initialAutosaveState(3, saved(3))).toMatchObject({ status: 'saved', savedAt: SAVED_AT })
		expect(initialAutosaveState(3, invalid)).toMatchObject({ status: 'invalid', errors: invalid.errors })
		expect(initialAutosaveState(3, conflict(5))).toMatchObject({ status: 'conflict', theirRevision: 5 })
		expect(initialAutosaveState(3, failed)).toMatchObject({ status: 'error', message: 'Something went wrong' })
	})
})

describe('autosave: typing while saving', () => {
	test('an edit during a save queues another; the reply leaves it dirty with the new revision, not saved', () => {
		const saving = run([{ type: 'edit' }, ok, { type: 'edit' }])
		expect(saving).toMatchObject({ status: 'saving', queued: true })
		expect(hasUnsavedChanges(saving)).toBe(true)
		const after = run([{ type: 'reply', reply: saved(4) }], saving)
		expect(after).toMatchObject({ status: 'dirty', revision: 4, queued: false, request: null })
		// The queued changes go out from the revision just saved.
		expect(run([ok], after).request).toEqual({ id: 2, revision: 4 })
	})

	test('a flush during a save sends nothing more yet, and queues', () => {
		const saving = run([{ type: 'edit' }, ok])
		const again = run([ok], saving)
		expect(again.request).toBe(saving.request)
		expect(again.queued).toBe(true)
	})

	test('a reply when nothing is in flight is ignored', () => {
		const dirty = run([{ type: 'edit' }])
		expect(run([{ type: 'reply', reply: saved(9) }], dirty)).toBe(dirty)
	})
})

describe('autosave: problems in the form', () => {
	test('problems found in the browser: invalid, nothing sent; the next edit tries again', () => {
		const state = run([{ type: 'edit' }, { type: 'flush', errors: { title: ['Enter a lesson title'] } }])
		expect(state).toMatchObject({ status: 'invalid', request: null, errors: { title: ['Enter a lesson title'] } })
		expect(hasUnsavedChanges(state)).toBe(true)
		const fixed = run([{ type: 'edit' }, ok], state)
		expect(fixed).toMatchObject({ status: 'saving', errors: {} })
	})

	test('problems found by the server: invalid with its errors', () => {
		const state = run([{ type: 'edit' }, ok, { type: 'reply', reply: invalid }])
		expect(state).toMatchObject({ status: 'invalid', errors: invalid.errors, message: 'Not saved yet' })
	})

	test('problems found by the server after more typing: dirty, so the new text is checked again', () => {
		const state = run([{ type: 'edit' }, ok, { type: 'edit' }, { type: 'reply', reply: invalid }])
		expect(state).toMatchObject({ status: 'dirty', errors: invalid.errors })
	})
})

describe('autosave: a save failing', () => {
	test('an error reply: error, unsaved; the next edit makes it dirty and it retries', () => {
		const state = run([{ type: 'edit' }, ok, { type: 'reply', reply: failed }])
		expect(state).toMatchObject({ status: 'error', message: 'Something went wrong', request: null })
		expect(hasUnsavedChanges(state)).toBe(true)
		expect(run([{ type: 'edit' }], state).status).toBe('dirty')
		expect(run([ok], state)).toMatchObject({ status: 'saving', request: { id: 2, revision: 3 } })
	})

	test('an error reply drops a queued save (the author retries with "Save now" or another edit)', () => {
		const state = run([{ type: 'edit' }, ok, { type: 'edit' }, { type: 'reply', reply: failed }])
		expect(state).toMatchObject({ status: 'error', queued: false })
	})
})

describe('autosave: a conflict with a newer version', () => {
	const inConflict = run([{ type: 'edit' }, ok, { type: 'reply', reply: conflict(7) }])

	test('a newer revision saved elsewhere: conflict, with their revision, and the author’s text unsaved', () => {
		expect(inConflict).toMatchObject({ status: 'conflict', theirRevision: 7, revision: 3, request: null })
		expect(hasUnsavedChanges(inConflict)).toBe(true)
	})

	test('in conflict, edits and flushes send nothing: the author decides first', () => {
		const state = run([{ type: 'edit' }, ok], inConflict)
		expect(state.status).toBe('conflict')
		expect(state.request).toBeNull()
	})

	test('"keep mine" saves over theirs, claiming their revision', () => {
		const state = run([{ type: 'keep-mine' }, ok], inConflict)
		expect(state).toMatchObject({ status: 'saving', theirRevision: null, request: { id: 2, revision: 7 } })
		expect(run([{ type: 'reply', reply: saved(8) }], state)).toMatchObject({ status: 'saved', revision: 8 })
	})

	test('"keep mine" outside a conflict does nothing', () => {
		const dirty = run([{ type: 'edit' }])
		expect(run([{ type: 'keep-mine' }], dirty)).toBe(dirty)
	})

	test('a conflict while changes were queued drops the queue', () => {
		const state = run([{ type: 'edit' }, ok, { type: 'edit' }, { type: 'reply', reply: conflict(7) }])
		expect(state).toMatchObject({ status: 'conflict', queued: false })
	})
})

describe('autosave: leaving the page', () => {
	test('nothing unsaved: go', () => {
		expect(run([{ type: 'leave' }]).leave).toBe('go')
		expect(run([{ type: 'edit' }, ok, { type: 'reply', reply: saved(4) }, { type: 'leave' }]).leave).toBe('go')
	})

	test('changes waiting for the timer: wait, save, then go', () => {
		const waiting = run([{ type: 'edit' }, { type: 'leave' }])
		expect(waiting).toMatchObject({ status: 'dirty', leave: 'waiting' })
		const saving = run([ok], waiting)
		expect(saving.leave).toBe('waiting')
		expect(run([{ type: 'reply', reply: saved(4) }], saving).leave).toBe('go')
	})

	test('a save in flight: wait for it, then go', () => {
		const state = run([{ type: 'edit' }, ok, { type: 'leave' }])
		expect(state.leave).toBe('waiting')
		expect(run([{ type: 'reply', reply: saved(4) }], state)).toMatchObject({ status: 'saved', leave: 'go' })
	})

	test('typed during the save in flight: still waiting, until the queued changes are saved too', () => {
		const state = run([{ type: 'edit' }, ok, { type: 'edit' }, { type: 'leave' }, { type: 'reply', reply: saved(4) }])
		expect(state).toMatchObject({ status: 'dirty', leave: 'waiting' })
		expect(run([ok, { type: 'reply', reply: saved(5) }], state)).toMatchObject({ status: 'saved', leave: 'go' })
	})

	test('the save before leaving fails, conflicts or is invalid: ask the author', () => {
		const waiting = run([{ type: 'edit' }, { type: 'leave' }, ok])
		expect(run([{ type: 'reply', reply: failed }], waiting).leave).toBe('ask')
		expect(run([{ type: 'reply', reply: conflict(7) }], waiting).leave).toBe('ask')
		expect(run([{ type: 'reply', reply: invalid }], waiting).leave).toBe('ask')
		const problems = run([{ type: 'edit' }, { type: 'leave' }, { type: 'flush', errors: { title: ['Enter a title'] } }])
		expect(problems).toMatchObject({ status: 'invalid', leave: 'ask' })
	})

	test('already in trouble (invalid, conflict, error): ask at once', () => {
		expect(run([{ type: 'edit' }, { type: 'flush', errors: { title: ['x'] } }, { type: 'leave' }]).leave).toBe('ask')
		expect(run([{ type: 'edit' }, ok, { type: 'reply', reply: conflict(7) }, { type: 'leave' }]).leave).toBe('ask')
		expect(run([{ type: 'edit' }, ok, { type: 'reply', reply: failed }, { type: 'leave' }]).leave).toBe('ask')
	})

	test('asked: stay keeps the changes and the page; leave anyway goes without saving', () => {
		const asked = run([{ type: 'edit' }, ok, { type: 'reply', reply: failed }, { type: 'leave' }])
		expect(run([{ type: 'stay' }], asked)).toMatchObject({ leave: 'none', status: 'error' })
		expect(run([{ type: 'leave-anyway' }], asked)).toMatchObject({ leave: 'go', status: 'error' })
	})

	test('a second leave while one is being handled changes nothing', () => {
		const waiting = run([{ type: 'edit' }, { type: 'leave' }])
		expect(run([{ type: 'leave' }], waiting)).toBe(waiting)
	})
})
