import crypto from 'node:crypto'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { BackpressuredWorkbookWriter, sheetDrained } from './xlsx-writer.ts'

const stalled = Symbol('stalled')

describe('XLSX export backpressure', () => {
	test('rows stop being written while nobody reads the file, and carry on when they do', async () => {
		const output = new PassThrough()
		const workbook = new BackpressuredWorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
		const sheet = workbook.addWorksheet('Rows')
		const rows: string[][] = Array.from({ length: 100_000 }, () => [
			crypto.randomBytes(24).toString('hex'),
			crypto.randomBytes(24).toString('hex'),
		])
		let written = 0
		let stalledAt: number | null = null
		for (const row of rows) {
			sheet.addRow(row).commit()
			written++
			// Nobody reads `output`: once the zip is full, the sheet's part must say to wait.
			const result = await Promise.race([
				sheetDrained(sheet).then(() => 'drained' as const),
				new Promise<typeof stalled>((resolve) => setTimeout(() => resolve(stalled), 200)),
			])
			if (result === stalled) {
				stalledAt = written
				break
			}
		}
		// A bounded amount (the zip's and zlib's buffers hold a few MiB of rows, about 30,000 of
		// these): with exceljs's own part streams every row would be accepted at once.
		expect(stalledAt).not.toBeNull()
		expect(stalledAt!).toBeLessThan(rows.length / 2)

		// Reading the file lets the rest through, and the workbook is whole.
		const chunks: Buffer[] = []
		output.on('data', (chunk: Buffer) => chunks.push(chunk))
		await sheetDrained(sheet)
		for (const row of rows.slice(written)) {
			sheet.addRow(row).commit()
			await sheetDrained(sheet)
		}
		sheet.commit()
		await workbook.commit()
		const read = new ExcelJS.Workbook()
		await read.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
		const readSheet = read.getWorksheet('Rows')!
		expect(readSheet.rowCount).toBe(rows.length)
		expect(readSheet.getRow(rows.length).getCell(2).value).toBe(rows.at(-1)![1])
	})
})
