import { renderCsv } from '#modules/spreadsheets/csv.ts'
import { hoursDecimal, ukShortDate } from './cpd-dates.ts'
import {
	describeEntry,
	type ExportData,
	type ExportFormat,
	type ExportPeriod,
	loadExportData,
	reflectionText,
} from './export-data.ts'
import type { PortfolioEntry } from './get-cpd-portfolio.ts'

type Column = { header: string; value: (entry: PortfolioEntry) => string; total?: 'minutes' | 'participatoryMinutes' }

const date: Column = { header: 'Date', value: (e) => ukShortDate(e.date) }
const hours: Column = { header: 'Number of hours', value: (e) => hoursDecimal(e.minutes), total: 'minutes' }
const evidence: Column = {
	header: 'Evidence',
	value: (e) => e.evidence ?? (e.certificate ? `Circle certificate ${e.certificate.code}` : ''),
}
const standards = (header: string): Column => ({ header, value: (e) => e.standards.join('; ') })

/** The columns of each regulator's log, in the order and words that regulator uses. */
const COLUMNS: Record<ExportFormat, Column[]> = {
	nmc: [
		date,
		{ header: 'Method', value: (e) => e.method },
		{ header: 'Topic', value: (e) => e.title },
		standards('Link to the Code'),
		hours,
		{
			header: 'Participatory hours',
			value: (e) => hoursDecimal(e.participatoryMinutes),
			total: 'participatoryMinutes',
		},
		{ header: 'Description', value: describeEntry },
		{ header: 'What did you learn?', value: reflectionText },
		{ header: 'How did you change or improve your practice as a result?', value: (e) => e.impactOnPractice ?? '' },
		evidence,
	],
	hcpc: [
		date,
		{ header: 'Activity type', value: (e) => e.method },
		{ header: 'Activity', value: (e) => e.title },
		{ header: 'Description', value: describeEntry },
		{ header: 'What I learned', value: reflectionText },
		{ header: 'How it improved my practice and benefited service users', value: (e) => e.impactOnPractice ?? '' },
		standards('HCPC CPD standards'),
		evidence,
		hours,
	],
	swe: [
		date,
		{ header: 'Type of CPD', value: (e) => e.method },
		{ header: 'Title', value: (e) => e.title },
		{ header: 'What I did', value: describeEntry },
		{ header: 'Reflection', value: reflectionText },
		{ header: 'Impact on my practice', value: (e) => e.impactOnPractice ?? '' },
		standards('Professional standards'),
		evidence,
		hours,
	],
	teacher: [
		date,
		{ header: 'Activity', value: (e) => e.title },
		{ header: 'Type', value: (e) => e.method },
		hours,
		{ header: 'Description', value: describeEntry },
		{ header: 'Reflection', value: reflectionText },
		{ header: 'Impact on practice', value: (e) => e.impactOnPractice ?? '' },
		standards('Teachers’ Standards'),
		evidence,
	],
}

/** The CSV text of an export: a header row, one row per entry, and a totals row. */
export function renderCpdCsv(data: ExportData): string {
	const columns = COLUMNS[data.format]
	const rows = data.entries.map((entry) => columns.map((column) => column.value(entry)))
	const totals = columns.map((column, i) => {
		if (i === 0) return 'Total'
		return column.total ? hoursDecimal(data.totals[column.total]) : ''
	})
	// Learners' own text that looks like a formula must stay text: renderCsv neutralises it.
	return renderCsv([columns.map((c) => c.header), ...rows, totals])
}

/**
 * A learner's CPD portfolio as a CSV file laid out for their regulator (see COLUMNS): UTF-8 with a
 * byte-order mark for Excel, dates as dd/mm/yyyy, hours as decimals, the learner's reflections in
 * full, and a totals row.
 */
export async function exportCpdCsv({
	userId,
	format,
	period = 'all',
	today,
}: {
	userId: string
	/** Null for the learner's own regulator's layout. */
	format?: ExportFormat | null
	period?: ExportPeriod
	today?: string
}) {
	const data = await loadExportData({ userId, format, period, today })
	return { filename: `circle-cpd-${data.format}-${data.today}.csv`, content: renderCpdCsv(data) }
}
