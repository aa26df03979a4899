import { formatIsoDate, londonToday } from './cpd-dates.ts'
import { defaultExportFormat, type ExportFormat, type ExportPeriod, FORMAT_BODY } from './export-formats.ts'
import {
	type CpdPortfolio,
	getCpdPortfolio,
	type HourTotals,
	type PortfolioEntry,
	sumHours,
} from './get-cpd-portfolio.ts'
import { type RegulatorCycle, regulatorCycle } from './regulator-cycles.ts'
import { STANDARDS_LABEL } from './schemas.ts'

export { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat, type ExportPeriod } from './export-formats.ts'

export type ExportData = {
	format: ExportFormat
	learner: CpdPortfolio['learner']
	/** Oldest first, as a log is read. Only entries that count (not revoked certificates). */
	entries: PortfolioEntry[]
	totals: HourTotals
	cycle: RegulatorCycle
	/** "1 December 2025 to 30 November 2026", or "All entries to 21 November 2026". */
	periodLabel: string
	today: string
	standardsLabel: string
}

/**
 * What an export holds: the learner's counted entries (all of them, or those in the current cycle
 * of the format's regulator), oldest first, with the hour totals of exactly those entries. Without
 * a format, the learner's own regulator's layout (see defaultExportFormat).
 */
export async function loadExportData({
	userId,
	format: requested,
	period,
	today = londonToday(),
}: {
	userId: string
	format?: ExportFormat | null
	period: ExportPeriod
	today?: string
}): Promise<ExportData> {
	const portfolio = await getCpdPortfolio({ userId, today })
	const format = requested ?? defaultExportFormat(portfolio.learner.registrationBody)
	const cycle = regulatorCycle({
		body: FORMAT_BODY[format],
		today,
		revalidationDate: portfolio.learner.revalidationDate,
	})
	const entries = portfolio.entries
		.filter((entry) => entry.counts)
		.filter((entry) => period === 'all' || (entry.date >= cycle.start && entry.date <= cycle.end))
		.sort((a, b) => (a.date === b.date ? a.title.localeCompare(b.title) : a.date < b.date ? -1 : 1))
	const periodLabel =
		period === 'cycle'
			? `${formatIsoDate(cycle.start)} to ${formatIsoDate(cycle.end < today ? cycle.end : today)}`
			: `All entries to ${formatIsoDate(today)}`
	return {
		format,
		learner: portfolio.learner,
		entries,
		totals: sumHours(entries),
		cycle,
		periodLabel,
		today,
		standardsLabel: STANDARDS_LABEL[FORMAT_BODY[format]],
	}
}

/**
 * What the activity was: the learner's own description, or for a Circle course, its version and
 * learning outcomes.
 */
export function describeEntry(entry: PortfolioEntry) {
	if (entry.description) return entry.description
	if (entry.certificate) {
		const outcomes = entry.certificate.outcomes.length
			? ` Learning outcomes: ${entry.certificate.outcomes.join('; ')}.`
			: ''
		return `Circle online course, version ${entry.certificate.versionNumber} (certificate ${entry.certificate.code}).${outcomes}`
	}
	return ''
}

/**
 * Everything the learner reflected on an entry: their reflection on the entry itself, then (for a
 * Circle course) what they wrote in the course's reflective prompts, each with its prompt.
 */
export function reflectionParts(entry: PortfolioEntry): Array<{ prompt: string | null; text: string }> {
	const parts: Array<{ prompt: string | null; text: string }> = []
	if (entry.reflection) parts.push({ prompt: null, text: entry.reflection })
	for (const r of entry.courseReflections) parts.push({ prompt: r.prompt, text: r.text })
	return parts
}

/** reflectionParts as one block of text, each course prompt on its own line above its answer. */
export function reflectionText(entry: PortfolioEntry) {
	return reflectionParts(entry)
		.map((part) => (part.prompt ? `${part.prompt}\n${part.text}` : part.text))
		.join('\n\n')
}
