import { normaliseRanges, type Range, subtractRanges } from '#modules/progress/watched-ranges.ts'

/** A jump larger than this between two timeupdate events is a seek, not playback. */
export const MAX_PLAYBACK_STEP_SECONDS = 2
/** The server accepts at most this many ranges per report. */
export const MAX_RANGES_PER_REPORT = 50

/**
 * Works out which parts of a video were actually played, from the media element's events. Only
 * small forward steps between consecutive `timeupdate` events while playing count (≤ 2 s: even at
 * double speed events come every ~250 ms); a larger jump, a jump backwards or a `seeking` event
 * starts afresh from the new position. Everything played on this visit is kept as a union, minus
 * what the server has confirmed, and re-sent until it is confirmed: a report the server clamped, or
 * one lost while offline, is made good by the next.
 */
export class PlaybackTracker {
	private played: Range[] = []
	private confirmed: Range[] = []
	private lastTime: number | null = null
	private playing = false
	position = 0

	constructor(
		private readonly durationSeconds: number,
		startPosition = 0,
	) {
		this.position = startPosition
	}

	play(currentTime: number) {
		this.playing = true
		this.lastTime = currentTime
		this.position = currentTime
	}

	pause(currentTime: number) {
		this.timeUpdate(currentTime)
		this.playing = false
		this.lastTime = null
	}

	seeking(currentTime: number) {
		this.lastTime = null
		this.position = currentTime
	}

	timeUpdate(currentTime: number) {
		this.position = currentTime
		if (!this.playing) return
		const last = this.lastTime
		this.lastTime = currentTime
		if (last === null) return
		const step = currentTime - last
		if (step <= 0 || step > MAX_PLAYBACK_STEP_SECONDS) return
		this.played = normaliseRanges([...this.played, [last, currentTime]], this.durationSeconds)
	}

	/** Played ranges the server has not confirmed yet (at most 50, the longest first if more). */
	pending(): Range[] {
		const unconfirmed = subtractRanges(this.played, this.confirmed).filter(([a, b]) => b - a >= 0.05)
		if (unconfirmed.length <= MAX_RANGES_PER_REPORT) return unconfirmed
		return [...unconfirmed]
			.sort((a, b) => b[1] - b[0] - (a[1] - a[0]))
			.slice(0, MAX_RANGES_PER_REPORT)
			.sort((a, b) => a[0] - b[0])
	}

	/** Records the union the server has stored (from its reply). */
	confirm(stored: Range[]) {
		this.confirmed = normaliseRanges(stored, this.durationSeconds)
	}

	report(lessonId: string) {
		return {
			lessonId,
			positionSeconds: Math.max(0, Math.min(this.position, this.durationSeconds)),
			playedRanges: this.pending()
				.map(([a, b]): Range => [round(a), round(b)])
				.filter(([a, b]) => b > a),
		}
	}
}

function round(n: number) {
	return Math.round(n * 100) / 100
}
