// The probes and the drain over real HTTP: the real Express app in production mode, with a server
// build whose one page waits until the test lets it answer (a request "in progress" for as long as
// the test needs), and the real database of this test worker, or addresses where none answers.
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterAll, describe, expect, test } from 'vitest'
import * as entry from '#app/entry.server.tsx'
import * as root from '#app/root.tsx'
import { closeReadinessConnections } from '#modules/db/sql.ts'
import { parseEnv } from '#modules/env/env.ts'
import { createHttpApp } from './express.ts'
import { READINESS_TIMEOUT_MS } from './health.ts'
import { serveHttp } from './serve.ts'
import { testServerBuild } from '#tests/factories/server-build.ts'

afterAll(closeReadinessConnections)

let release: () => void = () => {}
let arrived: () => void = () => {}
const slowPage = {
	async loader() {
		arrived()
		await new Promise<void>((resolve) => (release = resolve))
		return new Response('finished', { headers: { 'Content-Type': 'text/plain' } })
	},
}

const build = testServerBuild({
	entry,
	routes: [
		{ id: 'root', path: '', module: root },
		{ id: 'routes/slow', parentId: 'root', path: 'slow', module: slowPage },
	],
})
const mode = { kind: 'production', buildDir: 'tests/.tmp/no-build', build } as const

async function listen(app: http.RequestListener) {
	const server = http.createServer(app)
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** An address where nothing listens: connections are refused at once. */
async function closedPortUrl() {
	const probe = net.createServer().listen(0, '127.0.0.1')
	await new Promise((r) => probe.once('listening', r))
	const { port } = probe.address() as AddressInfo
	await new Promise((r) => probe.close(r))
	return `postgresql://circle:circle@127.0.0.1:${port}/circle`
}

/** One request on its own connection, so that each probe is a fresh connection as a load balancer's is. */
function get(url: string) {
	return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
		http
			.get(url, { agent: false }, (response) => {
				let body = ''
				response.on('data', (chunk) => (body += chunk))
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }))
			})
			.on('error', reject)
	})
}

describe('liveness and readiness', () => {
	test('with the database answering: both 200, never cached', async () => {
		const { server, origin } = await listen(await createHttpApp({ env: parseEnv(), mode }))
		try {
			const live = await get(`${origin}/healthz`)
			const ready = await get(`${origin}/readyz`)
			expect([live.status, live.body, ready.status, ready.body]).toEqual([200, 'OK', 200, 'OK'])
			expect(ready.headers['cache-control']).toBe('no-store')
			// One process, not the cluster: no worker number.
			expect(ready.headers['x-circle-worker']).toBeUndefined()
		} finally {
			server.close()
		}
	})

	test('with nothing listening at the database address: readiness 503 at once, liveness still 200', async () => {
		const env = { ...parseEnv(), DATABASE_URL: await closedPortUrl() }
		const { server, origin } = await listen(await createHttpApp({ env, mode }))
		try {
			const started = Date.now()
			const ready = await get(`${origin}/readyz`)
			expect([ready.status, ready.body]).toEqual([503, 'Database unavailable'])
			expect(Date.now() - started).toBeLessThan(READINESS_TIMEOUT_MS)
			expect((await get(`${origin}/healthz`)).status).toBe(200)
		} finally {
			server.close()
		}
	})

	test('with a database that accepts connections and never answers: readiness 503 after its timeout', async () => {
		// A black hole: the TCP handshake succeeds, then silence (a hung server, a dropped route).
		const sockets = new Set<net.Socket>()
		const hole = net.createServer((socket) => void sockets.add(socket)).listen(0, '127.0.0.1')
		await new Promise((r) => hole.once('listening', r))
		const env = {
			...parseEnv(),
			DATABASE_URL: `postgresql://circle:circle@127.0.0.1:${(hole.address() as AddressInfo).port}/circle`,
		}
		const { server, origin } = await listen(await createHttpApp({ env, mode }))
		try {
			const started = Date.now()
			const ready = await get(`${origin}/readyz`)
			const took = Date.now() - started
			expect(ready.status).toBe(503)
			expect(took).toBeGreaterThanOrEqual(READINESS_TIMEOUT_MS - 50)
			expect(took).toBeLessThan(READINESS_TIMEOUT_MS + 1500)
			expect((await get(`${origin}/healthz`)).status).toBe(200)
		} finally {
			server.close()
			for (const socket of sockets) socket.destroy()
			hole.close()
		}
	})

	test('while draining: readiness 503 with the database answering, liveness 200, connections closed after each answer', async () => {
		const lifecycle = { draining: false }
		const { server, origin } = await listen(await createHttpApp({ env: parseEnv(), mode, lifecycle }))
		try {
			expect((await get(`${origin}/readyz`)).status).toBe(200)
			lifecycle.draining = true
			const ready = await get(`${origin}/readyz`)
			expect([ready.status, ready.body]).toEqual([503, 'Shutting down'])
			expect(ready.headers.connection).toBe('close')
			expect((await get(`${origin}/healthz`)).status).toBe(200)
		} finally {
			server.close()
		}
	})
})

describe('serveHttp: memory after load', () => {
	test('in production, an idle server lets V8 give its heap back; the next request stops that (ADR 0058)', async () => {
		const { server, idleMemory, drain } = await serveHttp({ env: parseEnv(), mode, port: 0, idleMs: 200 })
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
		expect(idleMemory, 'every production HTTP process watches for idleness').toBeDefined()
		await new Promise((r) => setTimeout(r, 700))
		expect(idleMemory!.giving()).toBe(true)
		expect((await get(`${origin}/healthz`)).status).toBe(200)
		expect(idleMemory!.giving()).toBe(false)
		expect(await drain({ graceMs: 5000 })).toBe(true)
	})
})

describe('serveHttp: draining on shutdown', () => {
	test('a request in progress finishes; new connections are refused; drain resolves true', async () => {
		const { server, lifecycle, drain } = await serveHttp({ env: parseEnv(), mode, port: 0 })
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
		// An idle kept-alive connection, as a browser or load balancer leaves one open.
		const agent = new http.Agent({ keepAlive: true })
		await new Promise<void>((resolve, reject) =>
			http.get(`${origin}/healthz`, { agent }, (r) => r.resume().on('end', resolve)).on('error', reject),
		)
		const reachedLoader = new Promise<void>((resolve) => (arrived = resolve))
		const slow = get(`${origin}/slow`)
		await reachedLoader

		const drained = drain({ graceMs: 10_000 })
		expect(lifecycle.draining).toBe(true)
		await expect(get(`${origin}/healthz`)).rejects.toThrow(/ECONNREFUSED/)

		release()
		const answer = await slow
		expect([answer.status, answer.body]).toEqual([200, 'finished'])
		expect(await drained).toBe(true)
		expect(server.listening).toBe(false)
		agent.destroy()
	})

	test('a request still running at the end of the grace period is cut off, and drain resolves false', async () => {
		const { server, drain } = await serveHttp({ env: parseEnv(), mode, port: 0 })
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
		const reachedLoader = new Promise<void>((resolve) => (arrived = resolve))
		const slow = get(`${origin}/slow`).then(
			() => 'answered',
			() => 'cut off',
		)
		await reachedLoader
		const started = Date.now()
		expect(await drain({ graceMs: 300 })).toBe(false)
		expect(Date.now() - started).toBeLessThan(2000)
		expect(await slow).toBe('cut off')
		release()
	})
})
