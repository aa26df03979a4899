// `npm start` as production runs it, with WEB_CONCURRENCY=2: the real scripts/start.ts, compiled
// (build/server/start.js, as scripts/start.mjs runs it), in its own
// process, serving the real production build from two cluster workers on this test worker's
// database. Both workers answer; one killed is replaced; SIGTERM with a request in progress lets
// that request finish and the whole process exit 0 within SHUTDOWN_GRACE_SECONDS.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
// A build of its own: a build made here must not replace build/, which a developer's `npm start` and
// the benches serve (and, under Vitest, was once a development build of the browser code).
const buildDir = path.join(root, '.data/web-cluster-build')
// Generous: the request in progress renders a page on a machine the whole test suite shares.
const GRACE_SECONDS = 30

let circle: ChildProcess
let origin: string
let output = ''
let exited: Promise<{ code: number | null; at: number }>

async function freePort() {
	const probe = net.createServer().listen(0)
	await new Promise((r) => probe.once('listening', r))
	const { port } = probe.address() as AddressInfo
	await new Promise((r) => probe.close(r))
	return port
}

/** One request on a connection of its own: the cluster hands each new connection to the next worker. */
function get(url: string, { timeoutMs }: { timeoutMs?: number } = {}) {
	return new Promise<{ status: number; body: string; worker: string | undefined }>((resolve, reject) => {
		http
			.get(url, { agent: false, timeout: timeoutMs }, (response) => {
				let body = ''
				response.on('data', (chunk) => (body += chunk))
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body,
						worker: response.headers['x-circle-worker'] as string | undefined,
					}),
				)
			})
			.on('timeout', function (this: http.ClientRequest) {
				this.destroy(new Error('timed out'))
			})
			.on('error', reject)
	})
}

/** The HTTP workers: the primary's child processes (migrations ran in one that has ended). */
function workerPids() {
	try {
		// -f: by command line (build/server/web-worker.js), not by name: every child is `node`.
		return execFileSync('pgrep', ['-P', String(circle.pid), '-f', 'web-worker'], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.map(Number)
	} catch {
		return []
	}
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000) {
	const deadline = Date.now() + ms
	for (;;) {
		const value = await probe()
		if (value !== undefined) return value
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Circle's output:\n${output}`)
		await new Promise((r) => setTimeout(r, 100))
	}
}

beforeAll(async () => {
	// The production build this test serves: built now if the sources changed since the last one.
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-stale', '--build-dir', buildDir], {
		cwd: root,
		stdio: 'inherit',
	})
	const port = await freePort()
	origin = `http://127.0.0.1:${port}`
	// The compiled primary, as `npm start` runs it (scripts/start.mjs imports this file).
	circle = spawn(process.execPath, [path.join(buildDir, 'server/start.js'), '--build-dir', buildDir], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'test',
			PORT: String(port),
			APP_URL: origin,
			WEB_CONCURRENCY: '2',
			SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
			SEED_DEMO: 'false',
			RUN_WORKER: 'true',
			SMTP_URL: '',
			DATABASE_POOL_SIZE: '3',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	circle.stdout!.on('data', (d) => (output += d))
	circle.stderr!.on('data', (d) => (output += d))
	exited = new Promise((resolve) => circle.once('exit', (code) => resolve({ code, at: Date.now() })))
	await until('Circle to start', () => (output.includes('Circle is running') ? true : undefined), 240_000)
}, 300_000)

afterAll(() => {
	if (circle.exitCode === null) circle.kill('SIGKILL')
})

describe('the build', () => {
	test("is a production build whatever NODE_ENV its caller has (here Vitest's 'test')", () => {
		expect(process.env.NODE_ENV).toBe('test')
		const assets = path.join(buildDir, 'client/assets')
		const scripts = fs
			.readdirSync(assets)
			.filter((f) => f.endsWith('.js'))
			.map((f) => fs.readFileSync(path.join(assets, f), 'utf8'))
		// React's production build of react-dom replaces its messages with numbered errors; its
		// development build has them in full, and its own stack frames (react_stack_bottom_frame).
		expect(scripts.some((s) => s.includes('Minified React error #'))).toBe(true)
		expect(scripts.filter((s) => s.includes('react_stack_bottom_frame')).length).toBe(0)
	})
})

describe('npm start with WEB_CONCURRENCY=2', () => {
	test('two workers answer, each on its own connections; one killed is replaced', async () => {
		expect(output).toContain('(2 HTTP worker processes)')
		expect(workerPids()).toHaveLength(2)
		const seen = new Set<string>()
		for (let i = 0; i < 10; i++) {
			const answer = await get(`${origin}/readyz`)
			expect(answer.status).toBe(200)
			seen.add(answer.worker!)
		}
		expect(seen.size).toBe(2)

		const [victim] = workerPids()
		process.kill(victim!, 'SIGKILL')
		await until('a replacement worker', () => {
			const pids = workerPids()
			return pids.length === 2 && !pids.includes(victim!) ? pids : undefined
		})
		await until('the log line', () =>
			/HTTP worker \d+ \(pid \d+\) was killed by SIGKILL: starting a replacement/.test(output) ? true : undefined,
		)
		const after = await until('the replacement to answer', async () => {
			const answer = await get(`${origin}/healthz`).catch(() => undefined)
			return answer && !seen.has(answer.worker!) ? answer : undefined
			// A new worker loads the whole build: tens of seconds on a busy two-core machine.
		}, 150_000)
		expect(after.status).toBe(200)
	}, 240_000)

	test('SIGTERM: the request in progress finishes, then every process exits 0 within the grace period', async () => {
		// Hold the catalogue's table so that a page request is certainly in progress at SIGTERM.
		// Two connections: pg_stat_activity is a snapshot for the length of a transaction, so the one
		// holding the lock cannot watch for the query it blocks.
		const locker = new pg.Client({ connectionString: process.env.DATABASE_URL })
		const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL })
		await Promise.all([locker.connect(), watcher.connect()])
		try {
			await locker.query('BEGIN')
			await locker.query('LOCK TABLE "Course" IN ACCESS EXCLUSIVE MODE')
			let settled: unknown
			const page = get(`${origin}/courses`)
			page.then(
				(a) => (settled = a),
				(e: unknown) => (settled = e),
			)
			await until('the page to wait on the lock', async () => {
				if (settled) throw new Error(`The page answered before the lock was seen: ${JSON.stringify(settled).slice(0, 500)}`)
				const { rows } = await watcher.query<{ n: number }>(
					`SELECT count(*)::int AS n FROM pg_stat_activity
					 WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
				)
				return rows[0]!.n > 0 ? true : undefined
			})
			const workers = workerPids()
			const signalledAt = Date.now()
			circle.kill('SIGTERM')
			// Draining: nothing new is taken (refused, or 503 from a worker not yet closed).
			await until('the workers to stop taking requests', async () => {
				const answer = await get(`${origin}/readyz`, { timeoutMs: 2000 }).catch(() => 'refused' as const)
				return answer === 'refused' || answer.status === 503 ? true : undefined
			})
			await new Promise((r) => setTimeout(r, 500))
			await locker.query('ROLLBACK')
			const answer = await page
			expect(answer.status, output).toBe(200)
			expect(answer.body).toContain('</html>')

			const { code, at } = await exited
			expect(code, output).toBe(0)
			expect(at - signalledAt).toBeLessThan(GRACE_SECONDS * 1000)
			expect(output).toContain('SIGTERM: stopping Circle')
			for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow()
		} finally {
			await Promise.all([locker.end(), watcher.end()])
		}
	}, 120_000)
})
