// Dates, times, prices and CPD figures in the reader's language (ADR 0041): one implementation for
// pages (re-exported by app/utils/format.ts), emails and documents. UK calendar, Europe/London time,
// GBP. Shared by server and browser code, so it imports only plain values.
import { languageTag, type Language } from './languages.ts'

// Each formatter is built once per language (building an Intl formatter costs far more than using it).
function perLanguage<F>(build: (tag: string) => F) {
	const cache = new Map<Language, F>()
	return (language: Language = 'en') => {
		let formatter = cache.get(language)
		if (!formatter) cache.set(language, (formatter = build(languageTag(language))))
		return formatter
	}
}

// Welsh dates are written from the British English formatter's parts with Welsh names, not by Intl
// with 'cy-GB': browsers ship only some locales' data (Chromium has no Welsh, and falls back to US
// English, "December 6, 2026"), so a Welsh page rendered "6 Rhagfyr 2026" on the server would
// hydrate to a different, English date. Parts from 'en-GB' are the same everywhere.
const WELSH = {
	month: {
		long: [
			'Ionawr',
			'Chwefror',
			'Mawrth',
			'Ebrill',
			'Mai',
			'Mehefin',
			'Gorffennaf',
			'Awst',
			'Medi',
			'Hydref',
			'Tachwedd',
			'Rhagfyr',
		],
		short: ['Ion', 'Chw', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gor', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'],
	},
	// Sunday first, as Date.getUTCDay counts.
	weekday: {
		long: ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'],
		short: ['Sul', 'Llun', 'Maw', 'Mer', 'Iau', 'Gwen', 'Sad'],
	},
}

/** The English names Intl writes for each month and weekday, to look up their Welsh. */
function englishNames(options: Intl.DateTimeFormatOptions, count: number, date: (index: number) => Date) {
	const format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' })
	return new Map(Array.from({ length: count }, (_, index) => [format.format(date(index)), index]))
}
let welshLookup: Record<'long' | 'short' | 'weekday' | 'shortWeekday', Map<string, number>> | null = null
function welshNames() {
	welshLookup ??= {
		long: englishNames({ month: 'long' }, 12, (m) => new Date(Date.UTC(2026, m, 15))),
		short: englishNames({ month: 'short' }, 12, (m) => new Date(Date.UTC(2026, m, 15))),
		// 2026-11-29 was a Sunday.
		weekday: englishNames({ weekday: 'long' }, 7, (d) => new Date(Date.UTC(2026, 10, 29 + d))),
		shortWeekday: englishNames({ weekday: 'short' }, 7, (d) => new Date(Date.UTC(2026, 10, 29 + d))),
	}
	return welshLookup
}

type DateFormatter = Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'>

/** A date formatter for `tag`; for Welsh, British English's parts with the Welsh names put in. */
function dateFormatter(tag: string, options: Intl.DateTimeFormatOptions): DateFormatter {
	if (!tag.startsWith('cy')) return new Intl.DateTimeFormat(tag, options)
	const english = new Intl.DateTimeFormat('en-GB', options)
	const formatToParts = (date?: Date | number) => {
		const names = welshNames()
		return english.formatToParts(date).map((part) => {
			const value =
				part.type === 'month' && options.month === 'long'
					? WELSH.month.long[names.long.get(part.value)!]
					: part.type === 'month' && options.month === 'short'
						? WELSH.month.short[names.short.get(part.value)!]
						: part.type === 'weekday' && options.weekday === 'long'
							? WELSH.weekday.long[names.weekday.get(part.value)!]
							: part.type === 'weekday' && options.weekday === 'short'
								? WELSH.weekday.short[names.shortWeekday.get(part.value)!]
								: part.type === 'literal' && part.value === ' at '
									? ' am '
									: part.value
			return { ...part, value: value ?? part.value }
		})
	}
	return {
		formatToParts,
		format: (date?: Date | number) =>
			formatToParts(date)
				.map((part) => part.value)
				.join(''),
	}
}

/**
 * `new Intl.DateTimeFormat` for a language, Welsh included in browsers that have no Welsh data (see
 * above): for components that need a format of their own (a chart's axis, a month heading).
 */
export function dateTimeFormat(language: Language | undefined, options: Intl.DateTimeFormatOptions): DateFormatter {
	return dateFormatter(languageTag(language ?? 'en'), options)
}

const LONDON = 'Europe/London'
const gbp = perLanguage((tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'GBP' }))
const decimal = perLanguage((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }))
const longDate = perLanguage(
	// Dates are shown as a UK reader would see them, whatever time zone the server runs in.
	(tag) => dateFormatter(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON }),
)
const calendarDay = perLanguage((tag) =>
	dateFormatter(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
)
const shortDate = perLanguage((tag) =>
	dateFormatter(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: LONDON }),
)
const dateTimeSeconds = perLanguage((tag) =>
	dateFormatter(tag, {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hour12: false,
		timeZone: LONDON,
	}),
)
const dateAtTime = perLanguage((tag) =>
	dateFormatter(tag, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: LONDON,
	}),
)
/** The weekday, date and 24-hour time in UK time, per language (formatToParts for a page's own layout). */
export const weekdayDateAtTime = perLanguage((tag) =>
	dateFormatter(tag, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: LONDON,
	}),
)

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value))

/** "£49.00" from 4900 pence. Zero is "£0.00". */
export function formatPrice(pence: number, language?: Language) {
	return gbp(language).format(pence / 100)
}

/** "21 November 2026" ("21 Tachwedd 2026"): the UK calendar date of an instant. */
export function formatDate(value: Date | string | number, language?: Language) {
	return longDate(language).format(toDate(value))
}

/**
 * "5 December 2027": a calendar day held in a PostgreSQL `date` column (a certificate's validUntil),
 * which Prisma reads as UTC midnight; formatting it in London time would be right only by luck.
 */
export function formatCalendarDay(value: Date | string | number, language?: Language) {
	return calendarDay(language).format(toDate(value))
}

/** "21 Nov 2026": for tables with several date columns. */
export function formatShortDate(value: Date | string | number, language?: Language) {
	return shortDate(language).format(toDate(value))
}

/** "5 Dec 2026, 21:46:03", UK time: for logs, where the time of day matters. */
export function formatDateTime(value: Date | string | number, language?: Language) {
	return dateTimeSeconds(language).format(toDate(value))
}

/** "5 December 2026 at 21:46" ("5 Rhagfyr 2026 am 21:46"), UK time. */
export function formatDateAtTime(value: Date | string | number, language?: Language) {
	return dateAtTime(language).format(toDate(value))
}

/** "Monday 14 December 2026 at 18:30" ("Dydd Llun 14 Rhagfyr 2026 am 18:30"), UK time: a circle's start. */
export function formatWeekdayDateAtTime(value: Date | string | number, language?: Language) {
	// Intl puts a comma after the weekday; British usage (and Welsh) reads without it.
	return weekdayDateAtTime(language)
		.format(toDate(value))
		.replace(/^([^,\d]+),\s/, '$1 ')
}

/** Hours from minutes, to two decimal places at most (1 hr 45 min is 1.75). */
export function cpdHoursNumber(minutes: number) {
	return Math.round((minutes / 60) * 100) / 100
}

/**
 * "1.75 CPD hours", "1 CPD hour" ("1.75 awr DPP": Welsh keeps "awr" singular after a number): how
 * every page, certificate and email states a CPD figure.
 */
export function formatCpdHours(minutes: number, language?: Language) {
	const hours = cpdHoursNumber(minutes)
	const figure = decimal(language).format(hours)
	if (language === 'cy') return `${figure} awr DPP`
	return `${figure} CPD ${hours === 1 ? 'hour' : 'hours'}`
}

/** A learner-facing duration: "45 min", "1 hr", "1 hr 38 min" ("45 mun", "1 awr", "1 awr 38 mun"). */
export function formatDuration(minutes: number, language?: Language) {
	const whole = Math.max(0, Math.round(minutes))
	const h = Math.floor(whole / 60)
	const m = whole % 60
	const [hr, min] = language === 'cy' ? ['awr', 'mun'] : ['hr', 'min']
	if (h === 0) return `${m} ${min}`
	return m === 0 ? `${h} ${hr}` : `${h} ${hr} ${m} ${min}`
}

/** "1 hour 30 minutes", "8 hours", "45 minutes" ("1 awr 30 munud"): how long a circle lasts. */
export function formatHoursAndMinutes(minutes: number, language?: Language) {
	const hours = Math.floor(minutes / 60)
	const rest = minutes % 60
	const parts: string[] = []
	if (language === 'cy') {
		if (hours) parts.push(`${hours} awr`)
		if (rest || !hours) parts.push(`${rest} munud`)
		return parts.join(' ')
	}
	if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`)
	if (rest || !hours) parts.push(`${rest} ${rest === 1 ? 'minute' : 'minutes'}`)
	return parts.join(' ')
}
