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
