/**
 * Profiles one page in this process, for `--cpu-prof`:
 *
 *   EMBEDDED_PG_DIR=… EMBEDDED_PG_PORT=… node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx \
 *     scripts/bench/profile-page.ts /org/scale-org-0/compliance [seconds] [file to save the page in]
 *
 * Serves the production build (run `npx react-router build` first) as the scale owner of
 * scale-org-0, requests the path at concurrency 8 for the given seconds after a warm-up, and prints
 * the process's CPU time per request. Then `npx tsx scripts/bench/profile-summary.ts <profile>`
 * lists where the time went.
 *
 * `--learner` serves the demo content as the bench's learner instead (scripts/bench/fixtures.ts, as
 * `npm run bench` does; no scale dataset needed), and `lesson` and `quiz` stand for the paths of
 * its reading and quiz lessons:
 *
 *   … scripts/bench/profile-page.ts --learner lesson 20
 *
 * `--queries` lists the SQL statements one request to each path sends (`progress` and `quiz-submit`
 * stand for the bench's two form posts), instead of profiling.
 *
 * With several paths separated by commas, it compares them instead: one request at a time, taking
 * turns, for the given seconds, and prints each path's median CPU time per request (this process:
 * the server and the client). Taking turns shares out whatever else the machine is doing fairly.
 */
// First: React picks its production build only if NODE_ENV says so when it is first imported.
import './production-mode.ts'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { openDatabase } from './database.ts'
import type { BenchFixtures } from './fixtures.ts'

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith('--')))
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const asLearner = flags.has('--learner')
const listQueries = flags.has('--queries')
const [pathArg = asLearner ? 'lesson' : '/org/scale-org-0/compliance', secondsArg = '10', savePath] = positional
let pagePath = pathArg
const db = await openDatabase()
// A failure (no build, no dataset) must not leave the embedded PostgreSQL running on the port.
process.on('uncaughtException', (error) => {
	console.error(error)
	void db.stop().finally(() => process.exit(1))
})
// Before anything imports the build: the first import creates the shared Prisma client, whose query
// events reach onQuery (see scripts/bench/server.ts).
const { prisma, onQuery } = await import('#modules/db/client.ts')
const { parseEnv } = await import('#modules/env/env.ts')
const { createSession } = await import('#modules/auth/sessions.ts')
const { SESSION_COOKIE_NAME } = await import('#app/utils/session.server.ts')
const { createHttpApp } = await import('#app/server/express.ts')
const env = parseEnv()

let cookie: string
let fixtures: BenchFixtures | null = null
if (asLearner) {
	// In a child process not in production mode: loading the demo content (when the database is
	// empty) takes the development paths of billing and secrets, as `npm run bench`'s parent does.
	const { execFileSync } = await import('node:child_process')
	const output = execFileSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'--input-type=module',
			'--eval',
			"const { createBenchFixtures } = await import('./scripts/bench/fixtures.ts'); const { prisma } = await import('#modules/db/client.ts'); const f = await createBenchFixtures(); await prisma.$disconnect(); console.log('FIXTURES ' + JSON.stringify(f)); process.exit(0)",
		],
		{
			cwd: path.resolve(import.meta.dirname, '../..'),
			// eslint-disable-next-line no-restricted-properties -- the child's environment: this one's, in development mode
			env: { ...process.env, NODE_ENV: 'development' },
			encoding: 'utf8',
		},
	)
	const line = output.split('\n').find((l) => l.startsWith('FIXTURES '))
	if (!line) throw new Error(`The bench fixtures were not created:\n${output}`)
	fixtures = JSON.parse(line.slice('FIXTURES '.length)) as BenchFixtures
	cookie = fixtures.learnerCookie
	const named: Record<string, string> = { lesson: fixtures.readingPath, quiz: fixtures.quizPath }
	pagePath = pagePath
		.split(',')
		.map((p) => named[p] ?? p)
		.join(',')
} else {
	const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'scale-org-0' }, select: { id: true } })
	const owner = await prisma.membership.findFirstOrThrow({
		where: { organisationId: org.id, role: 'OWNER' },
		select: { userId: true },
	})
	cookie = `${SESSION_COOKIE_NAME}=${(await createSession({ userId: owner.userId, userAgent: 'circle-bench' })).token}`
}
const buildDir = path.resolve(import.meta.dirname, '../../build')
const app = await createHttpApp({ env: { ...env, NODE_ENV: 'production' }, mode: { kind: 'production', buildDir } })
const server = http.createServer(app)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address() as { port: number }
const url = `http://127.0.0.1:${port}${pagePath}`
// As autocannon asks: no compression.
const headers = { cookie, 'accept-encoding': 'identity' }

async function finish() {
	server.close()
	server.closeAllConnections()
	await prisma.session.deleteMany({ where: { userAgent: 'circle-bench' } })
	if (fixtures) await prisma.quizAttempt.deleteMany({ where: { userId: fixtures.userId } })
	await prisma.$disconnect()
	await db.stop()
}

if (listQueries) {
	const origin = new URL(`http://127.0.0.1:${port}`).origin
	for (const p of pagePath.split(',')) {
		// The bench's two form posts (scripts/bench/index.ts), as the learner.
		const request: { path: string; init: RequestInit } =
			p === 'progress' && fixtures
				? {
						path: '/learn/progress',
						init: {
							method: 'POST',
							headers: { ...headers, origin, 'content-type': 'application/json' },
							body: JSON.stringify({ lessonId: fixtures.videoLessonId, positionSeconds: 12, playedRanges: [[0, 12]] }),
						},
					}
				: p === 'quiz-submit' && fixtures
					? {
							path: fixtures.quizPath,
							init: {
								method: 'POST',
								headers: { ...headers, origin, 'content-type': 'application/x-www-form-urlencoded' },
								body: fixtures.quizForm,
							},
						}
					: { path: p, init: { headers } }
		// Once to warm up, once counted.
		for (const counted of [false, true]) {
			const statements: string[] = []
			const stop = onQuery(({ query }) => void statements.push(query))
			const response = await fetch(`http://127.0.0.1:${port}${request.path}`, { ...request.init, redirect: 'manual' })
			await response.arrayBuffer()
			// A closed connection does not stop its handler: wait for stragglers.
			await new Promise((resolve) => setTimeout(resolve, 300))
			stop()
			if (!counted) continue
			console.log(`\n${p} (${response.status}): ${statements.length} statements`)
			for (const [i, q] of statements.entries()) console.log(`  ${i + 1}. ${q.replace(/\s+/g, ' ').slice(0, 300)}`)
		}
	}
	await finish()
	process.exit(0)
}

if (pagePath.includes(',')) {
	const paths = pagePath.split(',')
	const samples = new Map(paths.map((p) => [p, [] as number[]]))
	const sizes = new Map<string, number>()
	const deadline = performance.now() + Number(secondsArg) * 1000
	for (let round = 0; performance.now() < deadline; round++) {
		for (const p of paths) {
			const before = process.cpuUsage()
			const response = await fetch(`http://127.0.0.1:${port}${p}`, { headers })
			if (response.status !== 200) throw new Error(`${p} answered ${response.status}`)
			sizes.set(p, (await response.arrayBuffer()).byteLength)
			const { user, system } = process.cpuUsage(before)
			// The first rounds warm the caches and the JIT.
			if (round >= 5) samples.get(p)!.push((user + system) / 1000)
		}
	}
	for (const p of paths) {
		const values = samples.get(p)!.sort((a, b) => a - b)
		console.log(
			`${p}: median ${values[Math.floor(values.length / 2)]!.toFixed(2)} ms CPU per request over ${values.length} ` +
				`(p25 ${values[Math.floor(values.length / 4)]!.toFixed(2)}, p75 ${values[Math.floor((values.length * 3) / 4)]!.toFixed(2)}); ` +
				`${(sizes.get(p)! / 1024).toFixed(1)} KiB`,
		)
	}
	await finish()
	process.exit(0)
}

async function run(seconds: number) {
	let requests = 0
	let bytes = 0
	const deadline = performance.now() + seconds * 1000
	await Promise.all(
		Array.from({ length: 8 }, async () => {
			while (performance.now() < deadline) {
				const response = await fetch(url, { headers })
				if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`)
				const body = await response.arrayBuffer()
				bytes = body.byteLength
				if (savePath) fs.writeFileSync(savePath, Buffer.from(body))
				requests++
			}
		}),
	)
	return { requests, bytes }
}

await run(2)
const before = process.cpuUsage()
const started = performance.now()
const { requests, bytes } = await run(Number(secondsArg))
const { user, system } = process.cpuUsage(before)
console.log(
	`${pagePath}: ${requests} requests in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
		`${((user + system) / 1000 / requests).toFixed(2)} ms CPU per request (server and client in this process); ` +
		`${(bytes / 1024).toFixed(1)} KiB a page`,
)
await finish()
