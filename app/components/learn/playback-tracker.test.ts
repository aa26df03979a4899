import { describe, expect, test } from 'vitest'
import { PlaybackTracker, RESUME_POINT_TTL_MS, saveResumePoint, takeResumePoint } from './playback-tracker.ts'

function playThrough(tracker: PlaybackTracker, from: number, to: number, step = 0.25) {
	for (let t = from + step; t <= to + 1e-9; t += step) tracker.timeUpdate(Math.round(t * 100) / 100)
}

describe('PlaybackTracker', () => {
	test('counts continuous playback', () => {
		const tracker = new PlaybackTracker(100)
		tracker.play(0)
		playThrough(tracker, 0, 10)
		expect(tracker.report('l1')).toEqual({ lessonId: 'l1', positionSeconds: 10, playedRanges: [[0, 10]] })
	})

	test('a seek (a jump of more than 2 s) is not counted as watched', () => {
		const tracker = new PlaybackTracker(100)
		tracker.play(0)
		playThrough(tracker, 0, 5)
		tracker.timeUpdate(95) // dragged the scrubber to the end while playing
		playThrough(tracker, 95, 100)
		expect(tracker.report('l1').playedRanges).toEqual([
			[0, 5],
			[95, 100],
		])
	})

	test('nothing counts while paused, and a seeking event starts afresh', () => {
		const tracker = new PlaybackTracker(100)
		tracker.timeUpdate(1)
		tracker.timeUpdate(2)
		expect(tracker.report('l1').playedRanges).toEqual([])
		tracker.play(2)
		tracker.seeking(50)
		tracker.timeUpdate(51.5) // the first update after a seek only sets where we are
		tracker.timeUpdate(51.75)
		expect(tracker.report('l1').playedRanges).toEqual([[51.5, 51.75]])
	})

	test('what the server has confirmed is not sent again', () => {
		const tracker = new PlaybackTracker(100)
		tracker.play(0)
		playThrough(tracker, 0, 20)
		tracker.confirm([[0, 12]])
		expect(tracker.report('l1').playedRanges).toEqual([[12, 20]])
	})

	test('the final report, read when the page is left, carries the seconds since the last one', () => {
		const tracker = new PlaybackTracker(100, 30)
		tracker.play(30)
		playThrough(tracker, 30, 40)
		tracker.confirm([[30, 40]]) // the last ~10 s report
		playThrough(tracker, 40, 43.5)
		tracker.timeUpdate(43.6) // read from the player as the page is hidden
		expect(tracker.report('l1')).toEqual({ lessonId: 'l1', positionSeconds: 43.6, playedRanges: [[40, 43.6]] })
	})

	test('a start settled after the first render (a resume point) is the position until the player moves', () => {
		const tracker = new PlaybackTracker(100, 12)
		tracker.seeking(47)
		expect(tracker.report('l1')).toEqual({ lessonId: 'l1', positionSeconds: 47, playedRanges: [] })
	})
})

describe('resume points', () => {
	function memoryStorage() {
		const items = new Map<string, string>()
		return {
			items,
			getItem: (key: string) => items.get(key) ?? null,
			setItem: (key: string, value: string) => void items.set(key, value),
			removeItem: (key: string) => void items.delete(key),
		}
	}
	const now = Date.UTC(2026, 11, 5, 12)

	test('a position noted as the page was left is where a reload resumes, once', () => {
		const storage = memoryStorage()
		saveResumePoint(storage, 'l1', 43.6, now)
		expect(takeResumePoint(storage, 'l1', 100, now + 2_000)).toBe(43.6)
		expect(takeResumePoint(storage, 'l1', 100, now + 3_000)).toBeNull()
		expect(storage.items.size).toBe(0)
	})

	test('an old note gives way to the server position, as does one for another lesson', () => {
		const storage = memoryStorage()
		saveResumePoint(storage, 'l1', 43.6, now)
		expect(takeResumePoint(storage, 'l2', 100, now + 1_000)).toBeNull()
		expect(takeResumePoint(storage, 'l1', 100, now + RESUME_POINT_TTL_MS + 1)).toBeNull()
	})

	test('a video left at its end starts again from the beginning, as from the server', () => {
		const storage = memoryStorage()
		saveResumePoint(storage, 'l1', 99.5, now)
		expect(takeResumePoint(storage, 'l1', 100, now + 1_000)).toBe(0)
	})

	test('a garbled note, or storage that refuses, is ignored', () => {
		const storage = memoryStorage()
		storage.items.set('circle:resume:l1', '{not json')
		expect(takeResumePoint(storage, 'l1', 100, now)).toBeNull()
		const refusing = {
			getItem: () => {
				throw new Error('SecurityError')
			},
			setItem: () => {
				throw new Error('QuotaExceededError')
			},
			removeItem: () => {},
		}
		expect(() => saveResumePoint(refusing, 'l1', 10, now)).not.toThrow()
		expect(takeResumePoint(refusing, 'l1', 100, now)).toBeNull()
	})
})
