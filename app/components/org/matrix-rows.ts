// The compliance matrix's rows, built as HTML strings (see rowHtml).
import { cellWords } from '#modules/compliance/cell.ts'
import { type ComplianceStatus } from '#modules/compliance/status.ts'
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
 * A cell as the page gets it: its status, a space, the date that explains it (cellDetail) and, after
 * a line break, a note if any, e.g. "OVERDUE since 1 February 2027" or "IN_PROGRESS due 6 March
 * 2027\nRenewal 2". The page puts the words together (cellWords, as the exports say them): the
 * status's label is not sent 500 times a page.
 */
export type CellView = string

const EMPTY_TD_CLASSES = 'text-stone-500'

/**
 * One cell as HTML: the status in words (the colour only repeats it) with the date that explains it.
 * See `rowHtml` for why a string.
 */
function cellHtml(cell: CellView | null) {
	if (!cell) return `<td class="${EMPTY_TD_CLASSES}">Not assigned</td>`
	const space = cell.indexOf(' ')
	const newline = cell.indexOf('\n', space)
	const status = cell.slice(0, space) as ComplianceStatus
	const words = cellWords(status, cell.slice(space + 1, newline === -1 ? undefined : newline))
	const note = newline === -1 ? '' : `<span class="block text-xs">${escapeHtml(cell.slice(newline + 1))}</span>`
	return `<td class="${CELL_CLASSES[status]}">${escapeHtml(words)}${note}</td>`
}

const ROW_HEADER_CLASSES = cx(denseTdClasses, 'font-normal')

/**
 * A person's row as HTML: their name, address and teams, then one cell per course. The matrix has
 * 500 cells a page, and each React element costs rendering on the server and hydrating in the browser:
 * as one string per row the page's CPU per request went from 1.08 to 1.01 times the team report's in
 * one comparison (docs/performance.md, session 9). Every piece of text is escaped here (escapeHtml; matrix-rows.test.ts puts markup in every field).
 */
export function rowHtml(row: { name: string | null; email: string; teams: string | null; cells: (CellView | null)[] }) {
	const name = `<span class="block font-semibold text-stone-900">${escapeHtml(row.name ?? row.email)}</span>`
	const email = row.name ? `<span class="block break-all text-stone-600">${escapeHtml(row.email)}</span>` : ''
	const teams = row.teams ? `<span class="block text-stone-600">${escapeHtml(row.teams)}</span>` : ''
	return `<th scope="row" class="${ROW_HEADER_CLASSES}">${name}${email}${teams}</th>${row.cells.map(cellHtml).join('')}`
}
