// How one matrix cell is described, in words, on the page and in both exports. Plain values only
// (no database client), so the page's browser code can import it. The status itself always comes
// from the SQL rule (circle_compliance_status); this file only picks the dates that explain it.
import { addDays } from './status.ts'
import { type ComplianceStatus, COMPLIANCE_STATUS_LABELS } from './status.ts'

/** A cell's facts, dates as ISO UK calendar days. */
export type MatrixCell = {
	status: ComplianceStatus
	/** The last day to finish by. */
	dueOn: string
	/** The UK day the requirement was met (by a certificate not revoked), or null. */
	completedOn: string | null
	/** The last valid day of the certificate that meets it, or null (none, or it does not expire). */
	validUntil: string | null
	/** On a renewal: the last valid day of the certificate being renewed. */
	previousValidUntil: string | null
	certificateCode: string | null
	cycle: number
	waitingForSeat: boolean
}

/**
 * The day a cell went out of date, for an inspector's "since when": overdue from the day after its
 * due date; expired from the day after the last valid day of the certificate that met it (or, for a
 * renewal not yet done, of the certificate being renewed). Null when the cell is not out of date.
 */
export function outOfDateSince(
	cell: Pick<MatrixCell, 'status' | 'dueOn' | 'completedOn' | 'validUntil' | 'previousValidUntil'>,
) {
	if (cell.status === 'OVERDUE') return addDays(cell.dueOn, 1)
	if (cell.status === 'EXPIRED') {
		const lastValid = cell.completedOn ? cell.validUntil : cell.previousValidUntil
		return lastValid ? addDays(lastValid, 1) : null
	}
	return null
}

/** The day a cell in date stays in date to (null: it does not expire, or it is not in date). */
export function inDateUntil(cell: Pick<MatrixCell, 'status' | 'completedOn' | 'validUntil' | 'previousValidUntil'>) {
	if (cell.status !== 'IN_DATE') return null
	return cell.completedOn ? cell.validUntil : cell.previousValidUntil
}

const longDates = {
	en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
	cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

// A matrix page formats about a thousand dates, mostly the same few dozen: each is formatted once.
const formattedDays = { en: new Map<string, string>(), cy: new Map<string, string>() }

/**
 * "31 January 2027" (or "31 Ionawr 2027" in Welsh) from an ISO calendar day (read as that day,
 * whatever the time zone).
 */
export function formatCalendarDay(isoDate: string, language: 'en' | 'cy' = 'en') {
	const cache = formattedDays[language] ?? formattedDays.en
	let formatted = cache.get(isoDate)
	if (formatted === undefined) {
		formatted = (longDates[language] ?? longDates.en).format(new Date(`${isoDate}T00:00:00Z`))
		// Bounded: a long-running process sees a new day each day.
		if (cache.size >= 5_000) cache.clear()
		cache.set(isoDate, formatted)
	}
	return formatted
}

/** What explains a cell, without words: which date it is and the date (ISO), for the page to put into words. */
export type CellDetailKind = 'since' | 'until' | 'none' | 'due'

/** The kind of date that explains a cell and that date (null for an in-date cell that does not expire). */
export function cellDetailParts(cell: MatrixCell): { kind: CellDetailKind; date: string | null } {
	const since = outOfDateSince(cell)
	if (since) return { kind: 'since', date: since }
	if (cell.status === 'IN_DATE') {
		const until = inDateUntil(cell)
		return until ? { kind: 'until', date: until } : { kind: 'none', date: null }
	}
	return { kind: 'due', date: cell.dueOn }
}

/**
 * The date that explains a cell: "since 1 February 2027" (overdue or expired), "until 5 December
 * 2027" or "no expiry" (in date), otherwise "due 31 January 2027".
 */
export function cellDetail(cell: MatrixCell) {
	const since = outOfDateSince(cell)
	if (since) return `since ${formatCalendarDay(since)}`
	if (cell.status === 'IN_DATE') {
		const until = inDateUntil(cell)
		return until ? `until ${formatCalendarDay(until)}` : 'no expiry'
	}
	return `due ${formatCalendarDay(cell.dueOn)}`
}

/**
 * A cell in words, for a screen reader, a CSV and a spreadsheet alike: "Overdue since 1 February
 * 2027", "Expired since 6 December 2026", "In date until 5 December 2027", "In date, no expiry",
 * "Due soon, due 31 January 2027", "Not started, due …", "In progress, due …".
 */
export function describeCell(cell: MatrixCell) {
	return cellWords(cell.status, cellDetail(cell))
}

/**
 * A cell in words from its status and its detail (cellDetail): the matrix page sends only the detail
 * and puts the words together where it renders, the same way as here.
 */
export function cellWords(status: ComplianceStatus, detail: string) {
	const label = COMPLIANCE_STATUS_LABELS[status]
	return detail.startsWith('since') || detail.startsWith('until') ? `${label} ${detail}` : `${label}, ${detail}`
}
