// Which reminder, if any, is due today for one date: pure functions, so the rules are tested without
// a database. Statuses (due soon, overdue, expired) are never decided here: that is the compliance
// rule's job (modules/compliance/sql.ts); these only pick the interval an email belongs to.
import { daysBetween } from '#modules/compliance/status.ts'

/** Nudges go this many days after a learner was last in a started course: one at each. */
export const NUDGE_DAYS = [14, 30] as const
/** Intervals for reminders about a certificate that no organisation requires (optional ones). */
export const DEFAULT_EXPIRY_DAYS = [90, 30, 7] as const
/** An organisation may choose among these. */
export const DUE_DAY_CHOICES = [60, 30, 14, 7, 3, 1] as const
export const EXPIRY_DAY_CHOICES = [90, 60, 30, 14, 7] as const

/**
 * The reminder interval `date` (ISO) has reached on `today`: the smallest of `days` that is at least
 * the days left, so a scan that ran late (or a requirement assigned with 5 days to go) sends the
 * nearest reminder once rather than every interval it passed. Null when no interval has started yet,
 * and `'passed'` from the day after `date`.
 */
export function reachedInterval({
	date,
	today,
	days,
}: {
	date: string
	today: string
	days: readonly number[]
}): number | 'passed' | null {
	const left = daysBetween(today, date)
	if (left < 0) return 'passed'
	const reached = days.filter((d) => d >= left)
	return reached.length === 0 ? null : Math.min(...reached)
}

/** The nudge (14 or 30) a learner last active on `lastActiveOn` is due on `today`, or null. */
export function reachedNudge({ lastActiveOn, today }: { lastActiveOn: string; today: string }): number | null {
	const away = daysBetween(lastActiveOn, today)
	const reached = NUDGE_DAYS.filter((d) => away >= d)
	return reached.length === 0 ? null : Math.max(...reached)
}

/** The ISO week of a date ("2026-W49"): the weekly digest's event key, so a late run is still once a week. */
export function isoWeek(isoDate: string): string {
	const thursday = new Date(`${isoDate}T00:00:00.000Z`)
	thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7))
	const year = thursday.getUTCFullYear()
	const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1
	return `${year}-W${String(week).padStart(2, '0')}`
}
