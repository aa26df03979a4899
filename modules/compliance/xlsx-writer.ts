import { once } from 'node:events'
import { PassThrough, type Readable, type Writable } from 'node:stream'
import ExcelJS from 'exceljs'

// The XLSX writing of the compliance export (export.ts), in a module of its own so that ExcelJS
// loads on the first XLSX export rather than with every route that imports export.ts (ADR 0054).

/**
 * exceljs's streaming writer hands each worksheet to the zip as its own buffer stream (StreamBuf),
 * which accepts every write and passes it on without waiting: when compressing is slower than
 * writing rows, the whole sheet piles up in memory before the zip reads it (82.9 MiB for the scale
 * dataset's 5,000 people). This writer gives each part a Node PassThrough instead, which the zip
 * pipes from with backpressure, so `sheetDrained` can wait until the zip, and through it the
 * client, has caught up. exceljs writes its reusable XML buffers (StringBuf) to the part, so each
 * is copied out as it is written.
 */
export class BackpressuredWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
	constructor(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>) {
		super(options)
		const zip = (this as unknown as { zip: { append(source: Readable, data: { name: string }): void } }).zip
		Object.assign(this, {
			_openStream(name: string) {
				const part = new PassThrough({ highWaterMark: 64 * 1024 })
				const write = part.write.bind(part)
				part.write = ((chunk: unknown, ...rest: never[]) =>
					write(
						typeof chunk === 'object' && chunk !== null && 'toBuffer' in chunk
							? Buffer.from((chunk as { toBuffer(): Buffer | null }).toBuffer() ?? Buffer.alloc(0))
							: chunk,
						...rest,
					)) as typeof part.write
				zip.append(part, { name })
				// The workbook waits for each worksheet's part to be zipped before it finishes.
				part.on('finish', () => part.emit('zipped'))
				return part
			},
		})
	}
}

/**
 * Waits while a worksheet's part is full: the zip (and the client behind it) is behind. `signal`
 * ends the wait when the download is cancelled, since the part will then never drain.
 */
export async function sheetDrained(sheet: ExcelJS.Worksheet, signal?: AbortSignal) {
	const part = (sheet as unknown as { stream: Writable }).stream
	if (part.writableNeedDrain) await once(part, 'drain', { signal })
}
