/**
 * Time spent learning, as the dashboard shows it: "Under a minute", "12 min",
 * "1 h", "1 h 20 min".
 */
export function formatTimeSpent(seconds: number) {
	if (seconds <= 0) return '0 min'
	if (seconds < 60) return 'Under a minute'
	const minutes = Math.floor(seconds / 60)
	const h = Math.floor(minutes / 60)
	const m = minutes % 60
	if (h === 0) return `${m} min`
	return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/**
 * A position or length in a video, as players show it: "0:07", "4:05", "1:02:09" (whole seconds,
 * rounded down, so a resume point is never ahead of where the learner was).
 */
export function formatClock(seconds: number) {
	const total = Math.max(0, Math.floor(seconds))
	const h = Math.floor(total / 3600)
	const m = Math.floor((total % 3600) / 60)
	const s = String(total % 60).padStart(2, '0')
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}
