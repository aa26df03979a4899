import { type Options, stringify } from 'csv-stringify/sync'

// Every CSV Circle writes (team report, course analytics, CPD portfolio) goes through this file, so
// the spreadsheet rules live in one place. There is no XLSX writer; one would call neutraliseFormula
// on every text cell too.

/** The first characters that make a spreadsheet read a cell as a formula or as part of one (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell's text made safe to open in Excel, LibreOffice or Google Sheets: text that a spreadsheet
 * would run as a formula (`=HYPERLINK(…)`, `+1`, `-1`, `@SUM(A1)`, or any of these after a tab or
 * carriage return) gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 * Numbers are written as numbers and never pass through here.
 */
export function neutraliseFormula(value: string) {
	return FORMULA_START.test(value) ? `'${value}` : value
}

const CSV_OPTIONS = {
	// Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without it, Siân is SiÃ¢n.
	bom: true,
	record_delimiter: 'windows',
	cast: { string: neutraliseFormula },
} as const satisfies Options

/** Rows (the first being the header) as CSV text with a byte-order mark and formulas neutralised. */
export function renderCsv(rows: Array<Array<string | number>>) {
	return stringify(rows, CSV_OPTIONS)
}

export type CsvColumn<K extends string> = { key: K; header: string }

/**
 * A CSV byte stream from batches of records, read only as fast as the client downloads: the next
 * batch is requested when the stream has room for it, so memory stays flat however many rows.
 *
 * Any error while reading a batch (a database error, a dropped connection) is logged once under
 * `label` and errors the stream, which ends that one response (the HTTP adapter destroys it): it
 * never escapes as an uncaught exception. A client that goes away cancels the stream, which closes
 * the batch source (its `finally` blocks run).
 */
export function streamCsv<K extends string>({
	label,
	columns,
	batches,
}: {
	/** Names the export in the log, e.g. "team report CSV". */
	label: string
	columns: ReadonlyArray<CsvColumn<K>>
	batches: AsyncIterable<ReadonlyArray<Record<K, string | number>>>
}): ReadableStream<Uint8Array> {
	const source = batches[Symbol.asyncIterator]()
	const encoder = new TextEncoder()
	const header = columns.map((c) => c.header)
	let headerWritten = false
	const writeHeader = (controller: ReadableStreamDefaultController<Uint8Array>) => {
		controller.enqueue(encoder.encode(stringify([header], CSV_OPTIONS)))
		headerWritten = true
	}
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				// Each pull must enqueue something or close: the stream does not pull again after an
				// empty one, so empty batches are skipped here.
				for (;;) {
					let next: IteratorResult<ReadonlyArray<Record<K, string | number>>>
					try {
						next = await source.next()
					} catch (error) {
						console.error(`[export] ${label} failed part-way; the response was ended: ${describe(error)}`)
						throw error
					}
					if (!headerWritten) writeHeader(controller)
					if (next.done) return controller.close()
					if (next.value.length === 0) continue
					const rows = next.value.map((record) => columns.map((c) => record[c.key]))
					return controller.enqueue(encoder.encode(stringify(rows, { ...CSV_OPTIONS, bom: false })))
				}
			},
			async cancel() {
				await source.return?.()
			},
		},
		// One batch ahead at most.
		{ highWaterMark: 1 },
	)
}

function describe(error: unknown) {
	return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
