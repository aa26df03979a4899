// CPD dates are calendar days (a PostgreSQL `date`), handled here as ISO strings ("2026-11-21"),
// which compare correctly as strings and never drift with time zones.

const londonParts = new Intl.DateTimeFormat('en-GB', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: 'Europe/London',
})

const ukLong = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** Today's date in the UK, as "2026-11-21". */
export function londonToday(now: Date = new Date()) {
	const parts = Object.fromEntries(londonParts.formatToParts(now).map((p) => [p.type, p.value]))
	return `${parts.year}-${parts.month}-${parts.day}`
}

/** A `date` column's value (a Date at UTC midnight) as "2026-11-21". */
export function isoDay(value: Date) {
	return value.toISOString().slice(0, 10)
}

/** "2026-11-21" as the Date that Prisma writes to a `date` column as that day. */
export function dateColumn(iso: string) {
	return new Date(`${iso}T00:00:00.000Z`)
}

/** True when `iso` is a real calendar date written YYYY-MM-DD (so not 2026-02-30). */
export function isRealIsoDate(iso: string) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false
	const date = dateColumn(iso)
	return !Number.isNaN(date.getTime()) && isoDay(date) === iso
}

/** `iso` moved by whole years and days (negative to go back), e.g. addToIsoDate('2026-11-21', { years: -3, days: 1 }). */
export function addToIsoDate(iso: string, { years = 0, days = 0 }: { years?: number; days?: number }) {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
	// 29 February minus a year lands on 1 March (Date's overflow rule), which is what a person would say too.
	const date = new Date(Date.UTC(y + years, m - 1, d + days))
	return isoDay(date)
}

/** "21 November 2026" from "2026-11-21". */
export function formatIsoDate(iso: string) {
	return ukLong.format(dateColumn(iso))
}

/** "21/11/2026" from "2026-11-21": the UK short form, for spreadsheets. */
export function ukShortDate(iso: string) {
	const [y, m, d] = iso.split('-')
	return `${d}/${m}/${y}`
}

/** Hours as a plain decimal with at most two places: 150 minutes → "2.5", 60 → "1", 45 → "0.75". */
export function hoursDecimal(minutes: number) {
	return String(Math.round((minutes / 60) * 100) / 100)
}

const hoursNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })

/** "2.5 hours", "1 hour". */
export function formatHours(minutes: number) {
	const hours = Math.round((minutes / 60) * 100) / 100
	return `${hoursNumber.format(hours)} ${hours === 1 ? 'hour' : 'hours'}`
}
