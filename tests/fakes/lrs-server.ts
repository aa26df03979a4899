import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { statementProblems } from '#tests/xapi/statement-schema.ts'

// A small Learning Record Store for tests: a real HTTP server on 127.0.0.1 speaking the parts of the
// xAPI 1.0.3 Statement resource Circle uses (PUT and POST /statements, GET /statements, GET /about).
// It checks what a conformant LRS checks — X-Experience-API-Version, Basic auth, every statement
// against the 1.0.3 schema (refused with 400 and recorded in `invalid`) — stores statements by id
// (the same id again: 204 when identical, 409 when different), and can fail on demand.

export type ReceivedRequest = { method: string; path: string; version: string | null; authorised: boolean }

export type FakeLrs = {
	/** The xAPI base address, http://127.0.0.1:<port>/xapi/ */
	endpoint: string
	key: string
	secret: string
	/** Every statement stored, by id (each id once). */
	statements: Map<string, Record<string, unknown>>
	/** Every request, in order. */
	requests: ReceivedRequest[]
	/** Statements refused as invalid, with the reasons. */
	invalid: { statement: unknown; problems: string[] }[]
	/** The next `count` statement writes answer `status` (503 unless told) without storing anything. */
	failNext(count: number, status?: number): void
	/** Statement writes wait this long before answering (to hold two senders side by side). */
	setDelay(ms: number): void
	close(): Promise<void>
}

async function readBody(request: IncomingMessage) {
	const chunks: Buffer[] = []
	for await (const chunk of request) chunks.push(chunk as Buffer)
	return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeLrs({
	key = 'circle-test-key',
	secret = 'circle-test-secret',
}: { key?: string; secret?: string } = {}): Promise<FakeLrs> {
	const statements = new Map<string, Record<string, unknown>>()
	const requests: ReceivedRequest[] = []
	const invalid: FakeLrs['invalid'] = []
	let failures: { count: number; status: number } = { count: 0, status: 503 }
	let delayMs = 0
	const expectedAuth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`

	const send = (response: ServerResponse, status: number, body?: unknown) => {
		response.writeHead(status, {
			'X-Experience-API-Version': '1.0.3',
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		})
		response.end(body === undefined ? undefined : JSON.stringify(body))
	}

	/** Stores one statement; returns the status a PUT of it would get. */
	const store = (statement: unknown): number => {
		const problems = statementProblems(statement)
		if (problems.length) {
			invalid.push({ statement, problems })
			return 400
		}
		const s = statement as Record<string, unknown> & { id: string }
		const existing = statements.get(s.id)
		if (existing) return JSON.stringify(existing) === JSON.stringify(s) ? 204 : 409
		statements.set(s.id, s)
		return 204
	}

	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1')
		const version = request.headers['x-experience-api-version']?.toString() ?? null
		const authorised = request.headers.authorization === expectedAuth
		requests.push({ method: request.method ?? '', path: `${url.pathname}${url.search}`, version, authorised })
		const body = await readBody(request)

		if (url.pathname === '/xapi/about' && request.method === 'GET') return send(response, 200, { version: ['1.0.3'] })
		if (url.pathname !== '/xapi/statements') return send(response, 404, { error: 'Not found' })
		if (!version?.startsWith('1.0')) return send(response, 400, { error: 'X-Experience-API-Version 1.0.x is required' })
		if (!authorised) return send(response, 401, { error: 'Unauthorised' })

		if (request.method === 'GET')
			return send(response, 200, { statements: [...statements.values()].slice(0, 1), more: '' })
		if (request.method !== 'PUT' && request.method !== 'POST')
			return send(response, 405, { error: 'Method not allowed' })
		if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
		if (failures.count > 0) {
			failures = { ...failures, count: failures.count - 1 }
			return send(response, failures.status, { error: 'Failing on purpose' })
		}
		let parsed: unknown
		try {
			parsed = JSON.parse(body)
		} catch {
			return send(response, 400, { error: 'Not JSON' })
		}
		if (request.method === 'PUT') {
			const id = url.searchParams.get('statementId')
			const statement = parsed as { id?: string }
			if (!id || (statement.id && statement.id !== id)) return send(response, 400, { error: 'statementId mismatch' })
			return send(response, store({ ...statement, id }))
		}
		const list = Array.isArray(parsed) ? parsed : [parsed]
		const results = list.map((s) => store(s))
		if (results.includes(400)) return send(response, 400, { error: 'Invalid statement' })
		return send(
			response,
			200,
			list.map((s) => (s as { id: string }).id),
		)
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	return {
		endpoint: `http://127.0.0.1:${port}/xapi/`,
		key,
		secret,
		statements,
		requests,
		invalid,
		failNext(count, status = 503) {
			failures = { count, status }
		},
		setDelay(ms) {
			delayMs = ms
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}
