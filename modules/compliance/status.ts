// The states of a compliance cell: one person's requirement to complete one course. The rule that
// decides between them is written once, in SQL (circle_compliance_status, in the compliance
// migration; docs/decisions/0027-compliance.md), and every reader (the matrix, the learner's
// dashboard, the reminders, the exports) asks it through complianceStatusSql in ./sql.ts.

/** Every state, in the order a matrix legend lists them: worst first. */
export const COMPLIANCE_STATUSES = ['EXPIRED', 'OVERDUE', 'DUE_SOON', 'NOT_STARTED', 'IN_PROGRESS', 'IN_DATE'] as const

export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number]

/** A requirement falls "due soon" this many days before its due date (the first reminder goes then too). */
export const DUE_SOON_DAYS = 30

/** How each state is named on a page, in a CSV and in a spreadsheet. */
export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
	EXPIRED: 'Expired',
	OVERDUE: 'Overdue',
	DUE_SOON: 'Due soon',
	NOT_STARTED: 'Not started',
	IN_PROGRESS: 'In progress',
	IN_DATE: 'In date',
}

export function isComplianceStatus(value: unknown): value is ComplianceStatus {
	return typeof value === 'string' && (COMPLIANCE_STATUSES as readonly string[]).includes(value)
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: 'Europe/London',
})

/**
 * "Today" for compliance, as an ISO date ("2026-12-06"): the UK calendar day of `now`. Every due
 * date, expiry and reminder compares UK calendar days, and takes `now` from its caller so that tests
 * control the clock.
 */
export function ukToday(now: Date): string {
	const parts = Object.fromEntries(londonParts.formatToParts(now).map((p) => [p.type, p.value]))
	return `${parts.year}-${parts.month}-${parts.day}`
}

/** A calendar day as the Date at UTC midnight that a PostgreSQL `date` column reads and writes. */
export function dateOnly(isoDate: string): Date {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`Not an ISO date: ${isoDate}`)
	return new Date(`${isoDate}T00:00:00.000Z`)
}

/** The ISO date `days` calendar days after `isoDate` (negative: before). */
export function addDays(isoDate: string, days: number): string {
	const date = dateOnly(isoDate)
	date.setUTCDate(date.getUTCDate() + days)
	return date.toISOString().slice(0, 10)
}

/**
 * The ISO date `months` calendar months after `isoDate`, held to the end of a shorter month
 * (31 January + 1 month is 28 or 29 February).
 */
export function addMonths(isoDate: string, months: number): string {
	const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
	const target = new Date(Date.UTC(year, month - 1 + months, 1))
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
	target.setUTCDate(Math.min(day, lastDay))
	return target.toISOString().slice(0, 10)
}

/** Whole calendar days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
	return Math.round((dateOnly(toIso).getTime() - dateOnly(fromIso).getTime()) / 86_400_000)
}
