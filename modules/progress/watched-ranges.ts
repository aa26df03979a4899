// Arithmetic on [from, to] second ranges of a video. Pure functions, shared by the progress
// writer and its tests; no I/O.

export type Range = [from: number, to: number]

// Reports from consecutive timeupdate events meet end to end; a hair's gap between two of them
// (float rounding, a dropped frame) should not leave a "hole" that blocks the 90 % threshold.
const JOIN_TOLERANCE_SECONDS = 0.5

/** Rounds to hundredths so stored ranges stay short and compare predictably. */
function round(n: number) {
	return Math.round(n * 100) / 100
}

/**
 * Sorts, clamps to [0, max] and merges overlapping (or nearly touching) ranges into a union.
 * Empty and inverted ranges are dropped.
 */
export function normaliseRanges(ranges: readonly Range[], max: number): Range[] {
	const clamped = ranges
		.map(([from, to]): Range => [round(Math.max(0, Math.min(from, max))), round(Math.max(0, Math.min(to, max)))])
		.filter(([from, to]) => to > from)
		.sort((a, b) => a[0] - b[0])
	const merged: Range[] = []
	for (const [from, to] of clamped) {
		const last = merged[merged.length - 1]
		if (last && from <= last[1] + JOIN_TOLERANCE_SECONDS) last[1] = Math.max(last[1], to)
		else merged.push([from, to])
	}
	return merged
}

/** Total seconds covered by a normalised union of ranges. */
export function totalSeconds(ranges: readonly Range[]) {
	return round(ranges.reduce((sum, [from, to]) => sum + (to - from), 0))
}

/** The parts of `ranges` (normalised) not already covered by `covered` (normalised). */
export function subtractRanges(ranges: readonly Range[], covered: readonly Range[]): Range[] {
	const out: Range[] = []
	for (const [from, to] of ranges) {
		let start = from
		for (const [cFrom, cTo] of covered) {
			if (cTo <= start) continue
			if (cFrom >= to) break
			if (cFrom > start) out.push([start, cFrom])
			start = Math.max(start, cTo)
			if (start >= to) break
		}
		if (start < to) out.push([start, to])
	}
	return out.filter(([a, b]) => b - a > 0)
}

/** The earliest `seconds` seconds of a normalised list of ranges (used to clamp a report). */
export function takeFirstSeconds(ranges: readonly Range[], seconds: number): Range[] {
	const out: Range[] = []
	let left = Math.max(0, seconds)
	for (const [from, to] of ranges) {
		if (left <= 0) break
		const length = to - from
		if (length <= left) {
			out.push([from, to])
			left -= length
		} else {
			out.push([from, round(from + left)])
			left = 0
		}
	}
	return out
}

/** Reads ranges stored as JSON, tolerating anything malformed by ignoring it. */
export function parseStoredRanges(value: unknown): Range[] {
	if (!Array.isArray(value)) return []
	return value.filter(
		(r): r is Range =>
			Array.isArray(r) && r.length === 2 && typeof r[0] === 'number' && typeof r[1] === 'number' && r[1] > r[0],
	)
}

/**
 * Where a video resumes from a saved position: there, unless that is the very end, in which case a
 * learner who finished it starts again from the beginning rather than at the credits.
 */
export function resumePosition(positionSeconds: number, durationSeconds: number | null) {
	return durationSeconds && positionSeconds >= durationSeconds - 2 ? 0 : Math.max(0, positionSeconds)
}
