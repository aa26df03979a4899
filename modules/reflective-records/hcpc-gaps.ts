import { formatIsoDate, isoDay } from '#modules/portfolio/cpd-dates.ts'

// The HCPC profile's pure rules: the kinds of activity, the three-month gaps and the words that
// describe a gap. No database here: the builder's page uses it in the browser too.

/** The kinds of CPD activity the HCPC names; its standards ask for a mixture (at least two). */
export const HCPC_ACTIVITY_TYPES = [
	'Work-based learning',
	'Professional activity',
	'Formal or educational',
	'Self-directed learning',
	'Other',
] as const
export type HcpcActivityType = (typeof HCPC_ACTIVITY_TYPES)[number]

/** One line of the dated list of activities an HCPC profile carries. */
export type HcpcActivity = {
	/** ISO calendar day. */
	date: string
	title: string
	type: HcpcActivityType
	/** Where it came from in Circle, in words: "Course certificate", "Reflective circle", … */
	source: string
	minutes: number | null
	evidence: string | null
	/** The page in Circle that holds it. */
	href: string
}

/** A stretch of three months or more with no activity, and what is on either side of it. */
export type HcpcGap = {
	/** The last day with an activity before the gap (or the first day of the period). */
	from: string
	/** The next day with an activity (or today, when the gap runs up to now). */
	to: string
	/** The activity before the gap, or null when the gap starts the period. */
	after: string | null
	/** The activity after it, or null when the gap runs up to today. */
	before: string | null
	/** Whole calendar months between `from` and `to`. */
	months: number
}

/** `iso` moved by whole calendar months, kept inside the month it lands in (31 May + 3 months = 31 August, 30 November + 3 = 28 or 29 February). */
export function addMonthsToIsoDate(iso: string, months: number) {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
	const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
	return isoDay(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))))
}

function wholeMonthsBetween(from: string, to: string) {
	let months = 0
	while (addMonthsToIsoDate(from, months + 1) <= to) months++
	return months
}

/**
 * Every stretch of `minMonths` calendar months or more (three, as the HCPC asks) in which no activity
 * is dated, between the period's first day and `end`: before the first activity, between two, and
 * from the last one up to `end`. A gap from 3 March counts once 3 June is reached with nothing in between.
 */
export function findGaps({
	activities,
	start,
	end,
	minMonths = 3,
}: {
	activities: ReadonlyArray<Pick<HcpcActivity, 'date' | 'title'>>
	start: string
	end: string
	minMonths?: number
}): HcpcGap[] {
	const inPeriod = activities.filter((a) => a.date >= start && a.date <= end).sort((a, b) => (a.date < b.date ? -1 : 1))
	const stops: Array<{ date: string; title: string | null }> = [
		{ date: start, title: null },
		...inPeriod,
		{ date: end, title: null },
	]
	const gaps: HcpcGap[] = []
	for (let i = 1; i < stops.length; i++) {
		const from = stops[i - 1]!
		const to = stops[i]!
		if (addMonthsToIsoDate(from.date, minMonths) <= to.date) {
			gaps.push({
				from: from.date,
				to: to.date,
				after: i === 1 ? null : from.title,
				before: i === stops.length - 1 ? null : to.title,
				months: wholeMonthsBetween(from.date, to.date),
			})
		}
	}
	return gaps
}

/** The HCPC's kinds of activity among `activities`, in the HCPC's order. */
export function activityTypes(activities: ReadonlyArray<Pick<HcpcActivity, 'type'>>) {
	const present = new Set(activities.map((a) => a.type))
	return HCPC_ACTIVITY_TYPES.filter((type) => present.has(type))
}

/** "No activity from 3 March 2025 (after “Moving and handling update”) to 14 July 2025: 4 months." */
export function gapSentence(gap: HcpcGap) {
	const from = gap.after
		? `${formatIsoDate(gap.from)} (after “${gap.after}”)`
		: `the start of the period, ${formatIsoDate(gap.from)}`
	const to = gap.before ? `${formatIsoDate(gap.to)} (“${gap.before}”)` : `today, ${formatIsoDate(gap.to)}`
	return `No activity from ${from} to ${to}: ${gap.months} ${gap.months === 1 ? 'month' : 'months'}.`
}
