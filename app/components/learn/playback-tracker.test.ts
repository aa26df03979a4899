import { describe, expect, test } from 'vitest'
import { PlaybackTracker } from './playback-tracker.ts'

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
})
