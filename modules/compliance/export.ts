import { PassThrough } from 'node:stream'
import type ExcelJS from 'exceljs'
import { type ReadDb } from '#modules/db/replica.ts'
import { type TeamScope } from '#modules/teams/scope.ts'
import { neutraliseFormula, streamCsv } from '#modules/spreadsheets/csv.ts'
import { toWebStream } from '#modules/streams/web-stream.ts'
import { describeCell, formatCalendarDay, type MatrixCell, outOfDateSince } from './cell.ts'
import { type MatrixFilters, STATUS_FILTER_LABELS } from './matrix-filters.ts'
import {
	type ComplianceMatrix,
	type MatrixFrame,
	type MatrixRow,
	getComplianceMatrix,
	matrixRowBatches,
} from './matrix.ts'
import { COMPLIANCE_STATUS_LABELS, COMPLIANCE_STATUSES } from './status.ts'

type ExportOptions = {
	organisationId: string
	scope: TeamScope
	filters: MatrixFilters
	frame: MatrixFrame
	batchSize?: number
	/** Where to read: readDb(request) (the replica when it is safe); the primary when absent. */
	db?: ReadDb
}

export const REQUIREMENT_COLUMNS = [
	{ key: 'name', header: 'Name' },
	{ key: 'email', header: 'Email' },
	{ key: 'teams', header: 'Teams' },
	{ key: 'course', header: 'Course' },
	{ key: 'status', header: 'Status' },
	{ key: 'outOfDateSince', header: 'Out of date since' },
	{ key: 'dueOn', header: 'Due on' },
	{ key: 'completedOn', header: 'Completed on' },
	{ key: 'validUntil', header: 'Valid until' },
	{ key: 'cycle', header: 'Cycle' },
	{ key: 'certificate', header: 'Certificate' },
	{ key: 'note', header: 'Note' },
] as const

type RequirementKey = (typeof REQUIREMENT_COLUMNS)[number]['key']

/** One requirement (a cell) as a flat record: ISO dates, so spreadsheets sort them. */
export function requirementRecord(
	row: MatrixRow,
	course: { title: string },
	cell: MatrixCell,
): Record<RequirementKey, string | number> {
	return {
		name: row.name ?? '',
		email: row.email,
		teams: row.teams.join('; '),
		course: course.title,
		status: COMPLIANCE_STATUS_LABELS[cell.status],
		outOfDateSince: outOfDateSince(cell) ?? '',
		dueOn: cell.dueOn,
		completedOn: cell.completedOn ?? '',
		// Met: its certificate's last valid day. A renewal not yet done: the renewed certificate's.
		validUntil: cell.completedOn ? (cell.validUntil ?? 'No expiry') : (cell.previousValidUntil ?? ''),
		cycle: cell.cycle,
		certificate: cell.certificateCode ?? '',
		note: cell.waitingForSeat ? 'Waiting for a seat' : '',
	}
}

function* requirementsOf(rows: MatrixRow[], columns: MatrixFrame['columns']) {
	for (const row of rows)
		for (const course of columns) {
			const cell = row.cells[course.id]
			if (cell) yield requirementRecord(row, course, cell)
		}
}

function shownColumns(frame: MatrixFrame, filters: MatrixFilters) {
	return filters.courseId ? frame.columns.filter((c) => c.id === filters.courseId) : frame.columns
}

/**
 * The view as a CSV of requirements, one line per person and course (with a status filter, only
 * the requirements in that status: "out of date today" lists exactly who is out of date and
 * since when). Streams: people are read in batches as the client downloads.
 */
export function streamMatrixCsv(options: ExportOptions): ReadableStream<Uint8Array> {
	const columns = shownColumns(options.frame, options.filters)
	async function* batches() {
		for await (const rows of matrixRowBatches({ ...options, onlyMatchingCells: true }))
			yield [...requirementsOf(rows, columns)]
	}
	return streamCsv({ label: 'compliance matrix CSV', columns: REQUIREMENT_COLUMNS, batches: batches() })
}

// Cell fills: a colour for sighted readers, always beside the status in words.
const FILLS: Record<MatrixCell['status'], string> = {
	EXPIRED: 'FFF4C7C3',
	OVERDUE: 'FFF4C7C3',
	DUE_SOON: 'FFFCE8B2',
	NOT_STARTED: 'FFF1F1F1',
	IN_PROGRESS: 'FFD2E3FC',
	IN_DATE: 'FFCEEAD6',
}

const text = (value: string) => neutraliseFormula(value)

/**
 * The view as an XLSX workbook, streamed: a Summary sheet (the date, the filters, the counts per
 * status and per team), a Matrix sheet (people × courses, each cell in words) and a Requirements
 * sheet (one row per person and course, as the CSV). Header rows are frozen; every text cell is
 * neutralised as the CSV's are. People are read in batches, so memory stays flat.
 */
export function streamMatrixXlsx(
	options: ExportOptions & { organisationName: string; now: Date },
): ReadableStream<Uint8Array> {
	const output = new PassThrough()
	// A cancelled download destroys `output` (toWebStream): the writing below stops at its next wait.
	const cancelled = new AbortController()
	output.on('close', () => {
		if (!output.writableFinished) cancelled.abort(new Error('The download was cancelled'))
	})
	const columns = shownColumns(options.frame, options.filters)

	async function write() {
		// ExcelJS (with its zip and CSV packages, about 1 s of start-up on its own) is loaded on the
		// first XLSX export, not by every HTTP worker at start-up (ADR 0054).
		const { BackpressuredWorkbookWriter, sheetDrained } = await import('./xlsx-writer.ts')
		const workbook = new BackpressuredWorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
		workbook.creator = 'Circle'
		workbook.created = options.now
		const summary = await getComplianceMatrix({ ...options, limit: 0 })
		writeSummary(workbook, options, summary)

		const matrix = workbook.addWorksheet('Matrix', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
		matrix.columns = [
			{ header: 'Name', width: 28 },
			{ header: 'Email', width: 32 },
			{ header: 'Teams', width: 28 },
			...columns.map((c) => ({ header: text(c.title), width: 30 })),
		]
		matrix.getRow(1).font = { bold: true }
		for await (const rows of matrixRowBatches(options)) {
			for (const row of rows) {
				const excelRow = matrix.addRow([
					text(row.name ?? row.email),
					text(row.email),
					text(row.teams.join('; ')),
					...columns.map((c) => (row.cells[c.id] ? describeCell(row.cells[c.id]!) : 'Not assigned')),
				])
				columns.forEach((c, i) => {
					const cell = row.cells[c.id]
					if (cell)
						excelRow.getCell(4 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[cell.status] } }
				})
				excelRow.commit()
				await sheetDrained(matrix, cancelled.signal)
			}
		}
		await matrix.commit()

		const requirements = workbook.addWorksheet('Requirements', { views: [{ state: 'frozen', ySplit: 1 }] })
		requirements.columns = REQUIREMENT_COLUMNS.map((c) => ({
			header: c.header,
			key: c.key,
			width: c.key === 'email' ? 32 : 18,
		}))
		requirements.getRow(1).font = { bold: true }
		for await (const rows of matrixRowBatches({ ...options, onlyMatchingCells: true })) {
			for (const record of requirementsOf(rows, columns)) {
				requirements
					.addRow(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? text(v) : v])))
					.commit()
				await sheetDrained(requirements, cancelled.signal)
			}
		}
		await requirements.commit()
		await workbook.commit()
	}

	write().catch((error: unknown) => {
		// The person stopped the download: nothing went wrong, and there is nobody left to tell.
		if (cancelled.signal.aborted) return
		console.error(
			`[export] compliance matrix XLSX failed part-way; the response was ended: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
		)
		output.destroy(error instanceof Error ? error : new Error(String(error)))
	})
	return toWebStream(output)
}

function writeSummary(
	workbook: ExcelJS.stream.xlsx.WorkbookWriter,
	options: ExportOptions & { organisationName: string },
	m: ComplianceMatrix,
) {
	const sheet = workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] })
	sheet.columns = [{ width: 40 }, ...COMPLIANCE_STATUSES.map(() => ({ width: 14 })), { width: 14 }, { width: 20 }]
	const title = sheet.addRow([text(`Compliance matrix: ${options.organisationName}`)])
	title.font = { bold: true, size: 14 }
	title.commit()
	sheet.addRow([`As of ${formatCalendarDay(m.today)} (UK)`]).commit()
	const { filters, frame } = options
	const applied = [
		filters.teamId ? `Team: ${frame.teams.find((t) => t.id === filters.teamId)?.name ?? ''}` : null,
		filters.courseId ? `Course: ${frame.columns.find((c) => c.id === filters.courseId)?.title ?? ''}` : null,
		filters.status ? `Status: ${STATUS_FILTER_LABELS[filters.status]}` : null,
		filters.search ? `Name or email: ${filters.search}` : null,
	].filter((f): f is string => f !== null)
	sheet.addRow([text(applied.length ? `Filters: ${applied.join('; ')}` : 'Filters: none (everyone in scope)')]).commit()
	sheet.addRow([]).commit()
	sheet.addRow(['People', m.people]).commit()
	sheet.addRow(['People out of date today (overdue or expired)', m.outOfDatePeople]).commit()
	for (const status of COMPLIANCE_STATUSES)
		sheet.addRow([`Requirements ${COMPLIANCE_STATUS_LABELS[status].toLowerCase()}`, m.counts[status]]).commit()
	if (m.teams.length) {
		sheet.addRow([]).commit()
		const header = sheet.addRow([
			'Team',
			...COMPLIANCE_STATUSES.map((s) => COMPLIANCE_STATUS_LABELS[s]),
			'People',
			'People out of date',
		])
		header.font = { bold: true }
		header.commit()
		for (const team of m.teams) {
			sheet
				.addRow([
					text(`${'  '.repeat(team.depth)}${team.name}`),
					...COMPLIANCE_STATUSES.map((s) => team.counts[s]),
					team.people,
					team.outOfDatePeople,
				])
				.commit()
		}
	}
	sheet.commit()
}
