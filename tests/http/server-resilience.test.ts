// The whole server over real HTTP (Express, the NUL guard, CSRF, React Router and every route, built
// by Vite in middleware mode as `npm run dev` does), attacked two ways: a database failure in the
// middle of a streamed export, and every route of the route table fed malformed parameters. Neither
// may answer 500 or take the process down; the server must still answer afterwards.
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { createHttpApp } from '#app/server/express.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { parseEnv } from '#modules/env/env.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { createCertificate } from '#tests/factories/certificates.ts'
import { createInvitation, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'

let server: http.Server
let base: string
const uncaught: unknown[] = []
const onUncaught = (error: unknown) => uncaught.push(error)

async function freePort() {
	const probe = net.createServer().listen(0)
	await new Promise((r) => probe.once('listening', r))
	const { port } = probe.address() as AddressInfo
	await new Promise((r) => probe.close(r))
	return port
}

type Fixtures = Awaited<ReturnType<typeof createFixtures>>
let fx: Fixtures

async function createFixtures() {
	const admin = await createSignedInUser({ role: 'ADMIN', name: 'Ada Admin' })
	const trainer = await createSignedInUser({ role: 'TRAINER', name: 'Tariq Trainer' })
	const course = await createAuthoredCourse({ ownerId: trainer.user.id, modules: 1 })
	const org = await createOrganisation()
	const pool = await createSeatPool({ organisationId: org.id, seats: 5, course })
	const learner = await createSignedInUser({ role: 'LEARNER', name: 'Lowri Learner' })
	await claimSeat({ poolId: pool.id, userId: learner.user.id })
	const invitation = await createInvitation({
		organisationId: org.id,
		poolId: pool.id,
		email: 'fuzz-invitee@example.org',
	})
	const { certificate } = await createCertificate({ userId: learner.user.id })
	return {
		org,
		course,
		invitation,
		certificateCode: certificate.code,
		cookies: {
			anonymous: '',
			admin: admin.cookie,
			trainer: trainer.cookie,
			owner: await sessionCookie(org.owner.id),
			learner: learner.cookie,
		},
		ids: { admin: admin.user.id },
	}
}

beforeAll(async () => {
	process.on('uncaughtException', onUncaught)
	process.on('unhandledRejection', onUncaught)
	// Vite's hot-reload socket must not collide with another checkout's dev server or test run.
	process.env.HMR_PORT = String(await freePort())
	fx = await createFixtures()
	const app = await createHttpApp({ env: parseEnv(), mode: { kind: 'development' } })
	server = app.listen(0)
	await new Promise((r) => server.once('listening', r))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	// The first request makes Vite compile the server build: minutes on a busy machine, hence the timeout.
	expect((await fetch(`${base}/resources/healthcheck`)).status).toBe(200)
}, 300_000)

afterAll(async () => {
	process.off('uncaughtException', onUncaught)
	process.off('unhandledRejection', onUncaught)
	server?.closeAllConnections()
	await new Promise((r) => server?.close(r))
	await releaseTestResources()
})

/** Answers a plain request after whatever came before: the process is alive and serving. */
async function expectServerAnswers() {
	const health = await fetch(`${base}/resources/healthcheck`)
	expect(health.status).toBe(200)
	const page = await fetch(`${base}/courses`)
	expect(page.status).toBe(200)
	expect(uncaught).toEqual([])
}

describe('a database failure in the middle of a streamed export', () => {
	test('ends that one download, is logged once, and the server keeps answering (the same export too)', async () => {
		const url = `${base}/org/${fx.org.slug}/report.csv`
		const headers = { Cookie: fx.cookies.owner }
		const logged = vi.spyOn(console, 'error')
		// Two connections: pg_stat_activity is a snapshot for the length of a transaction, so the
		// one holding the lock cannot watch for the query it blocks.
		const locker = new pg.Client({ connectionString: process.env.DATABASE_URL })
		const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
		await Promise.all([locker.connect(), admin.connect()])
		try {
			// Hold the export's first batch query at a lock, so that it is certainly running when its
			// connection is killed (the access check before it reads no certificates).
			await locker.query('BEGIN')
			await locker.query('LOCK TABLE "Certificate" IN ACCESS EXCLUSIVE MODE')
			const download = fetch(url, { headers }).then(
				async (response) => ({ status: response.status, body: await response.text() }),
				(error: unknown) => ({ error }),
			)
			// A read whose connection is lost is sent once more on a fresh one (ADR 0056): end both, so
			// that the failure reaches the stream.
			let killed = 0
			for (let tries = 0; killed < 2 && tries < 600; tries++) {
				await new Promise((r) => setTimeout(r, 50))
				const { rows } = await admin.query<{ terminated: boolean }>(
					`SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
					 WHERE datname = current_database() AND pid <> pg_backend_pid()
						AND wait_event_type = 'Lock' AND query LIKE '%SELECT page.key, page.kind%'`,
				)
				killed += rows.filter((r) => r.terminated).length
			}
			if (killed !== 2) {
				const { rows } = await admin.query(
					`SELECT pid, state, wait_event_type, left(query, 200) AS query FROM pg_stat_activity WHERE datname = current_database()`,
				)
				throw new Error(`The export's query was not found waiting: ${JSON.stringify(rows, null, 1)}`)
			}
			await locker.query('ROLLBACK')
			const outcome = await download
			// Headers were not sent yet when the query failed, so the client sees the connection end.
			if ('error' in outcome) expect(String(outcome.error)).toMatch(/fetch failed|terminated|other side closed/i)
			else expect(outcome.status).toBeGreaterThanOrEqual(500)
		} finally {
			await Promise.all([locker.end(), admin.end()])
		}
		const failures = logged.mock.calls.filter((c) => String(c[0]).includes('team report CSV failed part-way'))
		expect(failures).toHaveLength(1)
		logged.mockRestore()

		const again = await fetch(url, { headers })
		expect(again.status).toBe(200)
		expect(await again.text()).toContain('Lowri Learner')
		await expectServerAnswers()
	}, 60_000)
})

/** Each route's path pattern (`org/:slug/seats/:courseSlug`), from app/routes.ts itself. */
async function routePatterns() {
	;(globalThis as { __reactRouterAppDirectory?: string }).__reactRouterAppDirectory = path.resolve('app')
	const { default: config } = (await import('#app/routes.ts')) as {
		default: RouteConfigEntry[] | Promise<RouteConfigEntry[]>
	}
	const patterns = new Set<string>()
	const walk = (entries: RouteConfigEntry[], prefix: string) => {
		for (const entry of entries) {
			const full = [prefix, entry.path ?? ''].filter(Boolean).join('/')
			if (!entry.children?.length || entry.index || entry.path) patterns.add(full)
			if (entry.children) walk(entry.children, full)
		}
	}
	walk(await config, '')
	return [...patterns]
}

/** Who would normally use a route: the fuzz sends each request as that person and as nobody. */
function naturalRole(pattern: string): keyof Fixtures['cookies'] {
	if (pattern.startsWith('admin')) return 'admin'
	if (pattern.startsWith('org')) return 'owner'
	if (pattern.startsWith('studio')) return 'trainer'
	return 'learner'
}

/** A real value for each parameter, so that the query-string fuzz reaches past "not found". */
function realParam(name: string, pattern: string) {
	const lesson = fx.course.lessons[0]!.id
	const values: Record<string, string> = {
		courseId: fx.course.id,
		lessonId: lesson,
		version: '1',
		courseSlug: fx.course.slug,
		slug: pattern.startsWith('org') ? fx.org.slug : fx.course.slug,
		code: fx.certificateCode,
		token: fx.invitation.token,
		id: pattern.startsWith('admin/users') ? fx.ids.admin : pattern.startsWith('admin/organisations') ? fx.org.id : 'x',
		orderId: 'x',
		file: 'x.png',
		'*': 'no-such-page',
	}
	return values[name] ?? 'x'
}

function fillPattern(pattern: string, value: (name: string) => string) {
	return `/${pattern
		.split('/')
		.map((segment) => {
			const match = /^:([A-Za-z]+)(\?)?(\..+)?$/.exec(segment)
			if (segment === '*') return value('*')
			if (!match) return segment
			return `${value(match[1]!)}${match[3] ?? ''}`
		})
		.join('/')}`
}

const QUERY_KEYS = [
	'q',
	'page',
	'per',
	'status',
	'course',
	'version',
	'sector',
	'token',
	'redirectTo',
	'code',
	'session_id',
	'order',
	'uploadId',
	'remove',
	'end',
	'to',
	'format',
	'period',
	'moved',
	'published',
	'refund',
	'done',
]

/** Malformed path values, already encoded for a URL (some deliberately badly). */
const MALFORMED_PATH = ['%00', 'x'.repeat(5000), encodeURIComponent('🙂 Siân \u202Eمرحبا'), '-1', '..%2F..%2Fetc', '%']

/** Malformed query values: very long (for `q` only, or the URL outgrows Node's header limit), negative, unicode. */
const MALFORMED_QUERIES = [
	`q=${'x'.repeat(5000)}`,
	...['-1', encodeURIComponent('🙂 \u202Eمرحبا'), '%'].map((value) =>
		QUERY_KEYS.map((key) => `${key}=${value}`).join('&'),
	),
]

/** What a form might carry, every field malformed: the actions' schemas must refuse it. */
const FORM_FIELDS = [
	'intent',
	'name',
	'email',
	'q',
	'title',
	'summary',
	'description',
	'markdown',
	'reason',
	'note',
	'text',
	'message',
	'id',
	'membershipId',
	'invitationId',
	'assignmentId',
	'poolId',
	'course',
	'questionId',
	'lessonId',
	'userId',
	'enquiryId',
	'organisationId',
	'quantity',
	'method',
	'changeNote',
	'revision',
	'order',
	'moduleId',
	'code',
	'token',
	'password',
	'redirectTo',
	'slug',
	'mode',
	'emails',
	'sector',
	'format',
	'role',
	'reflection',
]
const FORM_VALUES = ['a\0b', 'x'.repeat(5000), '🙂 \u202Eمرحبا -1 ../../etc/passwd']

type Probe = { method: 'GET' | 'POST'; url: string; role: keyof Fixtures['cookies']; body?: string }

/**
 * One request on its own connection (no keep-alive), so that a connection the server closed after an
 * earlier answer can never be mistaken for a failure of this one. Resolves with the status.
 */
function send(probe: Probe) {
	const headers: Record<string, string> = { Origin: base, 'Sec-Fetch-Site': 'same-origin' }
	const cookie = fx.cookies[probe.role]
	if (cookie) headers.Cookie = cookie
	if (probe.body !== undefined) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded'
		headers['Content-Length'] = String(Buffer.byteLength(probe.body))
	}
	return new Promise<number>((resolve, reject) => {
		const request = http.request(`${base}${probe.url}`, { method: probe.method, headers, agent: false }, (response) => {
			response.resume()
			response.on('end', () => resolve(response.statusCode ?? 0))
			response.on('error', reject)
		})
		request.on('error', reject)
		request.end(probe.body)
	})
}

async function runAll(probes: Probe[], concurrency = 6) {
	const failures: string[] = []
	let next = 0
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < probes.length) {
				const probe = probes[next++]!
				let status: number | string
				try {
					status = await send(probe)
				} catch (error) {
					status = `no answer (${String(error)})`
				}
				// 503 is a deliberate answer (the Stripe webhook without Stripe configured), not a failure.
				if (typeof status !== 'number' || (status >= 500 && status !== 503)) {
					failures.push(`${probe.method} ${probe.url.slice(0, 120)} as ${probe.role} → ${status}`)
					console.error(`FUZZ FAILURE ${failures.at(-1)}`)
				}
			}
		}),
	)
	return failures
}

describe('route fuzz: every route, malformed parameters', () => {
	test('never answers 500, and the server still answers afterwards', async () => {
		const patterns = await routePatterns()
		expect(patterns.length).toBeGreaterThan(60)
		// POSTs ending a session would make the rest of the run anonymous.
		const postable = (pattern: string) => pattern !== 'logout'
		const probes: Probe[] = []
		const form = (value: string) => FORM_FIELDS.map((f) => `${f}=${encodeURIComponent(value)}`).join('&')
		for (const pattern of patterns) {
			const role = naturalRole(pattern)
			// 1. Every path parameter malformed, as the route's usual user.
			if (pattern.includes(':') || pattern.includes('*')) {
				for (const value of MALFORMED_PATH) {
					const url = fillPattern(pattern, () => value)
					probes.push({ method: 'GET', url, role })
					if (postable(pattern)) probes.push({ method: 'POST', url, role, body: form('\0') })
				}
			}
			// 2. Real path parameters, every query parameter malformed (and the data twin).
			const url = fillPattern(pattern, (name) => realParam(name, pattern))
			for (const query of MALFORMED_QUERIES) probes.push({ method: 'GET', url: `${url}?${query}`, role })
			probes.push({ method: 'GET', url: `${url === '/' ? '/_root' : url}.data?${MALFORMED_QUERIES[1]}`, role })
			// 3. Every form field malformed, as the usual user and as nobody.
			if (postable(pattern)) {
				for (const value of FORM_VALUES) probes.push({ method: 'POST', url, role, body: form(value) })
				probes.push({ method: 'POST', url, role: 'anonymous', body: form('\0') })
			}
		}
		const started = Date.now()
		const failures = await runAll(probes)
		console.info(`route fuzz: ${probes.length} requests over ${patterns.length} routes in ${Date.now() - started} ms`)
		expect(failures).toEqual([])
		await expectServerAnswers()
	}, 400_000)

	test('a NUL byte in the path or query is refused at the edge with 400, .data twins too', async () => {
		for (const url of [
			'/courses?q=%00',
			'/courses/%00',
			'/courses.data?q=%00',
			'/learn/%00',
			'/org/x%00y/report.csv',
		]) {
			const response = await fetch(`${base}${url}`, { headers: { Cookie: fx.cookies.admin } })
			expect(response.status, url).toBe(400)
			expect(await response.text()).toContain('NUL character')
		}
		// "%2500" is the text %00, not a NUL: an ordinary search.
		expect((await fetch(`${base}/courses?q=%2500`)).status).toBe(200)
	})
})
