// Plain formatting for analytics, safe to import from browser code (no Prisma).

/** "2 days 4 hours", "5 hours", "under an hour" from seconds (rounded to the hour). */
export function formatTimeToComplete(seconds: number | null) {
	if (seconds == null) return '—'
	const hours = Math.round(seconds / 3600)
	if (hours < 1) return 'under an hour'
	const days = Math.floor(hours / 24)
	const rest = hours % 24
	const parts = []
	if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`)
	if (rest) parts.push(`${rest} ${rest === 1 ? 'hour' : 'hours'}`)
	return parts.join(' ')
}

/** "66.7%" from 0.6667; "—" when there is nothing to divide by. */
export function formatRate(rate: number | null) {
	if (rate == null) return '—'
	return `${(Math.round(rate * 1000) / 10).toLocaleString('en-GB')}%`
}
