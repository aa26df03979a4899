import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { neutraliseFormula, renderCsv, streamCsv } from './csv.ts'

/** What an attacker types into a name or title to make a spreadsheet run it. */
const FORMULA_PAYLOADS = ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'] as const

/** The body as sent, byte-order mark included (Response.text() drops it). */
async function bodyText(stream: ReadableStream<Uint8Array>) {
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer())
}

afterEach(() => {
	vi.restoreAllMocks()
})

describe('neutraliseFormula', () => {
	test.each(FORMULA_PAYLOADS)('%j becomes text', (payload) => {
		expect(neutraliseFormula(payload)).toBe(`'${payload}`)
	})
	test.each(['Siân Llewellyn', 'a=b', '1+1', ' =1', ''])('%j is left alone', (value) => {
		expect(neutraliseFormula(value)).toBe(value)
	})
})

describe('renderCsv', () => {
	test('a byte-order mark, CRLF rows, formulas neutralised and numbers kept as numbers', () => {
		const text = renderCsv([
			['Name', 'Count'],
			['=1+1', -3],
			['Plain', 4],
		])
		expect(text.startsWith('\uFEFF')).toBe(true)
		expect(text.replace(/^\uFEFF/, '')).toBe("Name,Count\r\n'=1+1,-3\r\nPlain,4\r\n")
	})
})

const columns = [
	{ key: 'name', header: 'Name' },
	{ key: 'n', header: 'N' },
] as const

describe('streamCsv', () => {
	test('writes the header once, then each batch, with formulas neutralised', async () => {
		async function* batches() {
			yield [{ name: '=HYPERLINK("http://x","y")', n: 1 }]
			yield []
			yield [
				{ name: 'Owain', n: 2 },
				{ name: '@SUM(A1)', n: 3 },
			]
		}
		const text = await bodyText(streamCsv({ label: 'test CSV', columns, batches: batches() }))
		expect(text.startsWith('\uFEFF')).toBe(true)
		expect(parse(text.replace(/^\uFEFF/, ''))).toEqual([
			['Name', 'N'],
			['\'=HYPERLINK("http://x","y")', '1'],
			['Owain', '2'],
			["'@SUM(A1)", '3'],
		])
	})

	test('an empty source still gives the header', async () => {
		async function* batches() {}
		const text = await bodyText(streamCsv({ label: 'test CSV', columns, batches: batches() }))
		expect(text).toBe('\uFEFFName,N\r\n')
	})

	test('a source that fails part-way errors the stream and is logged once, never thrown at the process', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
		const uncaught: unknown[] = []
		const onUncaught = (error: unknown) => uncaught.push(error)
		process.on('uncaughtException', onUncaught)
		process.on('unhandledRejection', onUncaught)
		try {
			async function* batches() {
				yield [{ name: 'first', n: 1 }]
				throw new Error('connection terminated')
			}
			const reader = streamCsv({ label: 'test CSV', columns, batches: batches() }).getReader()
			const first = await reader.read()
			expect(new TextDecoder().decode(first.value)).toContain('Name,N')
			await expect(
				(async () => {
					for (;;) if ((await reader.read()).done) return
				})(),
			).rejects.toThrow('connection terminated')
			await new Promise((r) => setTimeout(r, 20))
			expect(logged).toHaveBeenCalledTimes(1)
			expect(String(logged.mock.calls[0]?.[0])).toContain('test CSV failed part-way')
			expect(uncaught).toEqual([])
		} finally {
			process.off('uncaughtException', onUncaught)
			process.off('unhandledRejection', onUncaught)
		}
	})

	test('a client that goes away closes the source', async () => {
		let closed = false
		async function* batches() {
			try {
				for (let n = 0; ; n++) yield [{ name: `row ${n}`, n }]
			} finally {
				closed = true
			}
		}
		const reader = streamCsv({ label: 'test CSV', columns, batches: batches() }).getReader()
		await reader.read()
		await reader.cancel()
		expect(closed).toBe(true)
	})
})
