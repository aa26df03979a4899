import net from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import * as entry from '#app/entry.server.tsx'
import * as root from '#app/root.tsx'
import { serveTestBuild, testServerBuild } from '#tests/factories/server-build.ts'

// The real Express app, entry.server.tsx (handleError) and root route (loader, Layout, error
// boundary) in a production-mode server build whose only page fails the way a bug would: the 500
// page a person sees and the log line support reads must carry the same request id.

const failingPage = {
	loader() {
		throw new Error('the seat counter fell over')
	},
	default: () => null,
}

const build = testServerBuild({
	entry,
	routes: [
		{ id: 'root', path: '', module: root },
		{ id: 'routes/broken', parentId: 'root', path: 'broken/:token', module: failingPage },
	],
})

let direct: Awaited<ReturnType<typeof serveTestBuild>>
let behindProxy: Awaited<ReturnType<typeof serveTestBuild>>
beforeAll(async () => {
	direct = await serveTestBuild(build)
	behindProxy = await serveTestBuild(build, { TRUST_PROXY: '1' })
})
afterAll(async () => {
	for (const served of [direct, behindProxy]) await served.close()
})

const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {})
afterEach(() => errorLog.mockClear())

function loggedLines() {
	return errorLog.mock.calls.map((args) => String(args[0]))
}

describe('an unexpected error', () => {
	test('gives the 500 page with the request id, and one log line with the same id', async () => {
		const response = await fetch(`${direct.origin}/broken/invitation-token-123?code=secret-in-query`)
		expect(response.status).toBe(500)
		const requestId = response.headers.get('X-Request-Id')
		expect(requestId).toMatch(/^[0-9a-f-]{36}$/)

		const html = await response.text()
		expect(html).toContain('Sorry, something went wrong on our side')
		// React may put a text separator (<!-- -->) between the translated label and the code.
		expect(html).toMatch(/Reference:(<!-- -->)?\s*<code/)
		expect(html).toContain(requestId)

		const lines = loggedLines().filter((line) => line.includes(requestId!))
		expect(lines).toEqual([`[error] request ${requestId} GET /broken/:token:`])
		// The error itself follows the line (its stack for whoever reads the log).
		const call = errorLog.mock.calls.find((args) => String(args[0]).includes(requestId!))!
		expect(String(call[1])).toContain('the seat counter fell over')
		// Neither the path's token nor the query string reaches the log.
		const everything = errorLog.mock.calls.flat().map(String).join('\n')
		expect(everything).not.toContain('invitation-token-123')
		expect(everything).not.toContain('secret-in-query')
	})

	test('each request has its own id', async () => {
		const [a, b] = await Promise.all([fetch(`${direct.origin}/broken/a`), fetch(`${direct.origin}/broken/b`)])
		expect(a.headers.get('X-Request-Id')).not.toBe(b.headers.get('X-Request-Id'))
		expect(await a.text()).toContain(a.headers.get('X-Request-Id')!)
		expect(await b.text()).toContain(b.headers.get('X-Request-Id')!)
	})
})

describe('X-Request-Id from the client', () => {
	test('is ignored when no trusted proxy stands in front: nobody chooses the id their errors are logged under', async () => {
		const response = await fetch(`${direct.origin}/broken/x`, { headers: { 'X-Request-Id': 'chosen-by-client' } })
		expect(response.headers.get('X-Request-Id')).not.toBe('chosen-by-client')
		expect(loggedLines().join('\n')).not.toContain('chosen-by-client')
	})

	test('is kept behind a trusted proxy (TRUST_PROXY), so one id follows the request through both logs', async () => {
		const response = await fetch(`${behindProxy.origin}/broken/x`, { headers: { 'X-Request-Id': 'lb-7f3a9c' } })
		expect(response.headers.get('X-Request-Id')).toBe('lb-7f3a9c')
		expect(await response.text()).toContain('lb-7f3a9c')
		expect(loggedLines()).toContain('[error] request lb-7f3a9c GET /broken/:token:')
	})

	test('is replaced, even from a trusted proxy, when it could forge a log line', async () => {
		const forged = 'abc [error] request admin'
		const response = await fetch(`${behindProxy.origin}/broken/x`, { headers: { 'X-Request-Id': forged } })
		expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
	})
})

describe('a request without a Host header', () => {
	test('gets a 400, not a TypeError logged as a 500 (an HTTP/1.0 health check sends none)', async () => {
		const { port } = direct
		const answer = await new Promise<string>((resolve, reject) => {
			const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /broken/x HTTP/1.0\r\n\r\n'))
			let data = ''
			socket.on('data', (chunk) => (data += chunk))
			socket.on('end', () => resolve(data))
			socket.on('error', reject)
		})
		expect(answer).toMatch(/^HTTP\/1\.[01] 400 /)
		expect(answer).toContain('no Host header')
		expect(loggedLines()).toEqual([])
	})
})
