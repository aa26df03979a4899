// How a certificate's facts are written wherever they appear (the PDF, the verification page, the
// JSON twin, the email, the CPD export), so that all of them say exactly the same thing.
import { formatCalendarDay, formatDate } from '#modules/i18n/format.ts'
import type { Language } from '#modules/i18n/languages.ts'

const londonParts = new Intl.DateTimeFormat('en-GB', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: 'Europe/London',
})

/** "21 November 2026": the UK calendar date of an instant (a course finished at 00:30 on 1 April in Manchester was finished on 1 April). */
export function formatUkDate(value: Date, language?: Language) {
	return formatDate(value, language)
}

/**
 * "5 December 2027": a calendar day held in a PostgreSQL `date` column (a certificate's validUntil),
 * which Prisma reads as UTC midnight; formatting it in London time would be right only by luck.
 */
export function formatUkDay(value: Date, language?: Language) {
	return formatCalendarDay(value, language)
}

/** "2026-11-21": the UK calendar date of an instant, as an ISO date. */
export function londonIsoDate(value: Date) {
	const parts = Object.fromEntries(londonParts.formatToParts(value).map((p) => [p.type, p.value]))
	return `${parts.year}-${parts.month}-${parts.day}`
}

/**
 * The UK calendar date of an instant as a Date at UTC midnight: what a PostgreSQL `date` column
 * (CpdEntry.date) should hold, since Prisma writes a Date's UTC day to such a column.
 */
export function londonCalendarDate(value: Date) {
	return new Date(`${londonIsoDate(value)}T00:00:00.000Z`)
}

// A certificate states its CPD hours as every page does (modules/catalog/cpd-hours.ts).
export { cpdHoursNumber as cpdHours, formatCpdHours } from '#modules/catalog/cpd-hours.ts'

/** The public address that checks a certificate (printed on it and encoded in its QR code). */
export function verificationUrl({ baseUrl, code }: { baseUrl: string; code: string }) {
	return `${baseUrl.replace(/\/$/, '')}/verify/${code}`
}
