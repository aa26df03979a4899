// The compliance matrix's rows, built as HTML strings (see rowHtml).
import type { TFunction } from 'i18next'
import { type CellDetailKind, formatCalendarDay } from '#modules/compliance/cell.ts'
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '#modules/compliance/status.ts'
import type { Language } from '#modules/i18n/languages.ts'
import { escapeHtml } from '#app/utils/html.ts'
import { cx } from '#app/components/ui/cx.ts'
import { denseTdClasses } from './org-ui.tsx'

// One short class per status (app.css), the same in the matrix's cells and the status links above
// it: 500 cells a page, and the utilities spelt out in each made the page 7 KB larger.
export const CELL_CLASSES: Record<ComplianceStatus, string> = {
	EXPIRED: 'cell-expired',
	OVERDUE: 'cell-overdue',
	DUE_SOON: 'cell-due-soon',
	NOT_STARTED: 'cell-not-started',
	IN_PROGRESS: 'cell-in-progress',
	IN_DATE: 'cell-in-date',
}

/**
 * A cell as the page gets it, without words: its status, the kind of date that explains it
 * (cellDetailParts), that date as an ISO day ("-" when there is none) and, after a line break, a
 * note if any (already in the reader's language), e.g. "OVERDUE since 2027-02-01" or "IN_PROGRESS
 * due 2027-03-06\nRenewal 2". The page puts the words together in the reader's language
 * (matrixLabels, once per render): no label is sent 500 times a page.
 */
export type CellView = string

const KINDS: readonly CellDetailKind[] = ['since', 'until', 'none', 'due']

/** The matrix's words in the reader's language, escaped once per render rather than once per cell. */
export type MatrixLabels = {
	notAssigned: string
	/** Per status and kind of date, the HTML before and after the date. */
	words: Record<string, readonly [string, string]>
	/** An ISO day as the reader writes it, escaped (cached: a page has a few dozen distinct days). */
	day: (isoDate: string) => string
}

const DATE_MARK = '\u0000'

/** Builds the matrix's labels from the `org` translator: about 25 messages, once per render. */
export function matrixLabels(t: TFunction<'org'>, language: Language): MatrixLabels {
	const words: Record<string, readonly [string, string]> = {}
	for (const status of COMPLIANCE_STATUSES) {
		const label = t(`compliance.statuses.${status}`)
		for (const kind of KINDS) {
			const text = t(`compliance.cell.${kind}`, { status: label, date: DATE_MARK })
			const at = text.indexOf(DATE_MARK)
			words[`${status} ${kind}`] =
				at === -1 ? [escapeHtml(text), ''] : [escapeHtml(text.slice(0, at)), escapeHtml(text.slice(at + 1))]
		}
	}
	const days = new Map<string, string>()
	return {
		notAssigned: escapeHtml(t('compliance.notAssigned')),
		words,
		day: (isoDate) => {
			let day = days.get(isoDate)
			if (day === undefined) days.set(isoDate, (day = escapeHtml(formatCalendarDay(isoDate, language))))
			return day
		},
	}
}

const EMPTY_TD_CLASSES = 'text-stone-500'

/**
 * One cell as HTML: the status in words (the colour only repeats it) with the date that explains it.
 * See `rowHtml` for why a string.
 */
function cellHtml(cell: CellView | null, labels: MatrixLabels) {
	if (!cell) return `<td class="${EMPTY_TD_CLASSES}">${labels.notAssigned}</td>`
	const first = cell.indexOf(' ')
	const second = cell.indexOf(' ', first + 1)
	const newline = cell.indexOf('\n', second)
	const status = cell.slice(0, first) as ComplianceStatus
	const kind = cell.slice(first + 1, second)
	const date = cell.slice(second + 1, newline === -1 ? undefined : newline)
	const [before, after] = labels.words[`${status} ${kind}`] ?? ['', '']
	const words = kind === 'none' || date === '-' ? before + after : before + labels.day(date) + after
	const note = newline === -1 ? '' : `<span class="block text-xs">${escapeHtml(cell.slice(newline + 1))}</span>`
	return `<td class="${CELL_CLASSES[status]}">${words}${note}</td>`
}

const ROW_HEADER_CLASSES = cx(denseTdClasses, 'font-normal')

/**
 * A person's row as HTML: their name, address and teams, then one cell per course. The matrix has
 * 500 cells a page, and each React element costs rendering on the server and hydrating in the browser:
 * as one string per row the page's CPU per request went from 1.08 to 1.01 times the team report's in
 * one comparison (docs/performance.md, session 9). Every piece of text is escaped here (escapeHtml; matrix-rows.test.ts puts markup in every field);
 * the labels come escaped from matrixLabels.
 */
export function rowHtml(
	row: { name: string | null; email: string; teams: string | null; cells: (CellView | null)[] },
	labels: MatrixLabels,
) {
	const name = `<span class="block font-semibold text-stone-900">${escapeHtml(row.name ?? row.email)}</span>`
	const email = row.name ? `<span class="block break-all text-stone-600">${escapeHtml(row.email)}</span>` : ''
	const teams = row.teams ? `<span class="block text-stone-600">${escapeHtml(row.teams)}</span>` : ''
	let cells = ''
	for (const cell of row.cells) cells += cellHtml(cell, labels)
	return `<th scope="row" class="${ROW_HEADER_CLASSES}">${name}${email}${teams}</th>${cells}`
}
