import { normaliseRanges, type Range, resumePosition, subtractRanges } from '#modules/progress/watched-ranges.ts'

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

/**
 * How long the position saved in this tab when a video lesson was left outranks the server's. A
 * reload sends the new page's request before the old page's final report (browsers fire pagehide
 * only once the new page is on its way), so the page that comes back was read before that report
 * was stored. Within this window the tab's own note is the newer; after it, the server has long
 * had the report, and may have a newer one from another tab or device.
 */
export const RESUME_POINT_TTL_MS = 60_000

type ResumeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
const resumeKey = (lessonId: string) => `circle:resume:${lessonId}`

/** Notes where this tab left a video lesson (with the final report sent on leaving). */
export function saveResumePoint(storage: ResumeStorage, lessonId: string, positionSeconds: number, now: number) {
	try {
		storage.setItem(resumeKey(lessonId), JSON.stringify({ positionSeconds, savedAt: now }))
	} catch {
		// Storage full or refused (private browsing): the server's position is used instead.
	}
}

/**
 * Where to resume a video lesson this tab left moments ago, or null to use the server's position.
 * The note is used once: it is removed as it is read.
 */
export function takeResumePoint(
	storage: ResumeStorage,
	lessonId: string,
	durationSeconds: number,
	now: number,
): number | null {
	try {
		const raw = storage.getItem(resumeKey(lessonId))
		if (raw === null) return null
		storage.removeItem(resumeKey(lessonId))
		const note = JSON.parse(raw) as { positionSeconds?: unknown; savedAt?: unknown }
		if (typeof note.positionSeconds !== 'number' || typeof note.savedAt !== 'number') return null
		if (now - note.savedAt > RESUME_POINT_TTL_MS || note.savedAt > now) return null
		return resumePosition(Math.min(note.positionSeconds, durationSeconds), durationSeconds)
	} catch {
		return null
	}
}
