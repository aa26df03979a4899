import http from 'node:http'
import zlib from 'node:zlib'
import { afterAll, beforeAll, expect, test } from 'vitest'
import * as entry from '#app/entry.server.tsx'
import * as root from '#app/root.tsx'
import { serveTestBuild, testServerBuild } from '#tests/factories/server-build.ts'
import { BROTLI_QUALITY, GZIP_LEVEL } from './express.ts'

// ~120 KB of text that compresses as HTML does, the same every run.
let seed = 42
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const words = [
	'circle',
	'repair',
	'harm',
	'support',
	'challenge',
	'<li class="p-2">',
	'</li>',
	'with',
	'not',
	'to',
	'for',
]
const page = Array.from({ length: 16_000 }, () => words[Math.floor(random() * words.length)]).join(' ')

const build = testServerBuild({
	entry,
	routes: [
		{ id: 'root', path: '', module: root },
		{
			id: 'routes/big',
			parentId: 'root',
			path: 'big',
			module: { loader: () => new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }) },
		},
	],
})

let served: Awaited<ReturnType<typeof serveTestBuild>>
beforeAll(async () => {
	served = await serveTestBuild(build)
})
afterAll(() => served.close())

function get(acceptEncoding: string) {
	return new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
		http
			.get(
				{ port: served.port, host: '127.0.0.1', path: '/big', headers: { 'Accept-Encoding': acceptEncoding } },
				(response) => {
					const chunks: Buffer[] = []
					response.on('data', (chunk: Buffer) => chunks.push(chunk))
					response.on('end', () =>
						resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
					)
					response.on('error', reject)
				},
			)
			.on('error', reject)
	})
}

test(`answers gzip at level ${GZIP_LEVEL}, cheaper than zlib's default for a few per cent more bytes`, async () => {
	const { encoding, body } = await get('gzip')
	expect(encoding).toBe('gzip')
	expect(zlib.gunzipSync(body).toString()).toBe(page)
	// zlib's output at that level (give or take the few bytes of a flush between streamed chunks), and
	// not that of its default (6), which this text compresses well apart from it.
	const atLevel = zlib.gzipSync(page, { level: GZIP_LEVEL }).length
	expect(body.length).toBeGreaterThanOrEqual(atLevel)
	expect(body.length).toBeLessThan(atLevel * 1.01)
	expect(zlib.gzipSync(page).length).toBeLessThan(atLevel * 0.95)
})

test(`answers Brotli at quality ${BROTLI_QUALITY} to a browser that accepts it, and plain text to one that accepts neither`, async () => {
	const brotli = await get('gzip, deflate, br')
	expect(brotli.encoding).toBe('br')
	expect(zlib.brotliDecompressSync(brotli.body).toString()).toBe(page)
	const brotliAt = (quality: number) =>
		zlib.brotliCompressSync(page, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }).length
	expect(brotli.body.length).toBeGreaterThanOrEqual(brotliAt(BROTLI_QUALITY))
	expect(brotli.body.length).toBeLessThan(brotliAt(BROTLI_QUALITY) * 1.01)
	// Not the compression package's default quality (4), which this text compresses apart from it.
	expect(brotliAt(4)).toBeLessThan(brotliAt(BROTLI_QUALITY) * 0.99)
	const plain = await get('identity')
	expect(plain.encoding).toBeUndefined()
	expect(plain.body.toString()).toBe(page)
})
