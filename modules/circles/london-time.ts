// Circles are scheduled in UK time (a facilitator types "18:30" meaning 18:30 in London, whether it
// is GMT or BST that day) and stored as instants. These two functions are the only conversions.
import { formatHoursAndMinutes, formatWeekdayDateAtTime } from '#modules/i18n/format.ts'
import type { Language } from '#modules/i18n/languages.ts'

const LONDON = 'Europe/London'

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: LONDON,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
})

/** "2026-12-14T18:30": the London wall-clock time of an instant, as a datetime-local value. */
export function toLondonLocal(instant: Date) {
	const p = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]))
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/**
 * The instant at which London's clocks show `local` ("YYYY-MM-DDTHH:MM"), or null when it is not such
 * a value. In the autumn hour that happens twice the earlier (BST) one is taken; a time skipped in
 * spring (01:30 on the last Sunday of March) becomes the instant an hour later on the clock.
 */
export function fromLondonLocal(local: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
	if (!match) return null
	const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
	const asUtc = Date.UTC(y, mo - 1, d, h, mi)
	const check = new Date(asUtc)
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null
	// London is UTC+0 or UTC+1: try both offsets, earlier instant first.
	for (const offsetHours of [1, 0]) {
		const instant = new Date(asUtc - offsetHours * 3_600_000)
		if (toLondonLocal(instant) === local) return instant
	}
	return new Date(asUtc)
}

/** "Monday 14 December 2026 at 18:30": how every page and email states a circle's start (UK time). */
export function formatCircleStart(instant: Date, language?: Language) {
	return formatWeekdayDateAtTime(instant, language)
}

/** The instant a circle ends. */
export function circleEndsAt(circle: { startsAt: Date; durationMinutes: number }) {
	return new Date(circle.startsAt.getTime() + circle.durationMinutes * 60_000)
}

/** "1 hour 30 minutes", "8 hours", "45 minutes": how long a circle lasts, as pages and emails say it. */
export function formatCircleLength(minutes: number, language?: Language) {
	return formatHoursAndMinutes(minutes, language)
}
