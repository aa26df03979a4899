/**
 * `npm run bench:capacity`: what one learner action costs in CPU, in the app and in the database,
 * and from that how many app replicas and database cores a rollout needs (docs/scaling.md).
 *
 * Starts its own PostgreSQL from Debian's binaries with pg_stat_statements loaded (data in
 * `--dir`, default .data/capacity; the demo content is loaded on first use), the real app from the
 * production build in a child process (scripts/bench/server.ts), and drives each action with
 * autocannon in turn. For each it reports, per request answered:
 *
 *   app CPU ms   user + system time of the app's process (process.cpuUsage, over IPC)
 *   db CPU ms    user + system time of every PostgreSQL process (/proc, scripts/bench/pg-cpu.ts):
 *                backends, and the background processes (WAL writer, checkpointer, autovacuum)
 *   db exec ms   pg_stat_statements' total_exec_time: wall time inside the executor, which also
 *                counts waiting (locks, I/O, a run queue shared with the app on a busy machine); a
 *                cross-check, not the CPU figure
 *   db plan ms   pg_stat_statements' total_plan_time (track_planning on): also wall time; Circle's
 *                statements are unnamed (ADR 0048), so every one is planned on every call
 *   statements   pg_stat_statements' calls (BEGIN and COMMIT included)
 *
 * and the load average at that moment. Then the capacity model with its arithmetic.
 *
 *   npx tsx scripts/bench/capacity.ts [--seconds 6] [--connections 8] [--pg-port <port>] [--dir .data/capacity]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { startPrimary } from '../cluster/postgres.ts'
import { freePort } from '../cluster/processes.ts'
import { forkBenchServer } from './fork-server.ts'
import { measure, type LoadTarget } from './load.ts'
import { postgresCpuReader } from './pg-cpu.ts'
import type { CpuWindow, LadderPorts } from './server.ts'
import { fmt, table } from './stats.ts'

const root = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '6' },
		connections: { type: 'string', default: '8' },
		'pg-port': { type: 'string' },
		dir: { type: 'string', default: '.data/capacity' },
	},
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const log = (line = '') => console.log(line)
const loadAverage = () =>
	os
		.loadavg()
		.map((n) => n.toFixed(2))
		.join(', ')

if (!fs.existsSync(path.join(root, 'build/server/index.js'))) {
	console.error('No production build: run `npx react-router build` first (npm run bench:capacity does).')
	process.exit(1)
}

// ─── The database: Debian's PostgreSQL with pg_stat_statements ──────────────
const dataDir = path.resolve(root, values.dir, 'postgres')
const pgPort = values['pg-port'] ? Number(values['pg-port']) : await freePort()
const server = await startPrimary({
	dataDir,
	port: pgPort,
	settings: {
		shared_preload_libraries: 'pg_stat_statements',
		'pg_stat_statements.max': '10000',
		'pg_stat_statements.track': 'all',
		// Every statement Circle sends is unnamed (ADR 0048), so each is parsed and planned every time.
		'pg_stat_statements.track_planning': 'on',
		max_connections: '200',
	},
})
const databaseUrl = server.url('circle')
// eslint-disable-next-line no-restricted-properties -- the database for this process and its child, set before Prisma loads
process.env.DATABASE_URL = databaseUrl
const { openDatabase } = await import('./database.ts')
const db = await openDatabase()
const admin = new pg.Client({ connectionString: databaseUrl })
await admin.connect()
await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
const pgCpu = postgresCpuReader(dataDir, databaseUrl)

log(
	`Circle capacity bench: Node ${process.version}, ${os.cpus().length} CPUs, PostgreSQL ${
		(await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v
	} with pg_stat_statements`,
)
log(
	`Concurrency ${connections} (1 for the writes to one row), warm-up 2 s, one measured run of ${seconds} s per action\n`,
)

const { createBenchFixtures, cleanupBenchRun, BENCH_EMAIL, BENCH_PASSWORD } = await import('./fixtures.ts')
const fixtures = await createBenchFixtures()
// The demo seed queues its emails: stop the queue here, so its polling is not measured.
await (await import('#modules/jobs/boss.ts')).stopBoss()
const reflectionQuestionId = [...new URLSearchParams(fixtures.quizForm).keys()]
	.find((k) => k.startsWith('text.'))
	?.slice('text.'.length)

// ─── The app ────────────────────────────────────────────────────────────────
const port = db.env.PORT
const ports: LadderPorts = { L4: port, L0: port + 1, L1: port + 2, L2: port + 3, L3: port + 4 }
const { ask } = await forkBenchServer({
	PORT: String(port),
	APP_URL: `http://127.0.0.1:${port}`,
	TRUST_PROXY: '1',
	DATABASE_URL: databaseUrl,
})
await ask({ type: 'start-app', ports })
const origin = `http://127.0.0.1:${port}`
const url = (p: string) => `${origin}${p}`
const learner = { cookie: fixtures.learnerCookie, 'user-agent': 'circle-bench' }
const randomIp = () => `10.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}`

/**
 * `oneRow`: every request writes the same row of the one bench learner (progress of one lesson, one
 * reflection), so at the bench's concurrency they would queue on its row lock, a wait no real
 * learner meets (each writes rows of their own), and pg_stat_statements' wall time would count it.
 * Those run one at a time.
 */
type Action = { name: string; target: LoadTarget; expect: number; oneRow?: boolean }
const actions: Action[] = [
	{ name: 'open a lesson page', target: { url: url(fixtures.readingPath), headers: learner }, expect: 200 },
	{ name: 'dashboard', target: { url: url('/dashboard'), headers: learner }, expect: 200 },
	{
		name: 'progress POST',
		target: {
			url: url('/learn/progress'),
			method: 'POST',
			headers: { ...learner, origin, 'content-type': 'application/json' },
			body: JSON.stringify({ lessonId: fixtures.videoLessonId, positionSeconds: 12, playedRanges: [[0, 12]] }),
		},
		expect: 200,
		oneRow: true,
	},
	...(reflectionQuestionId
		? [
				{
					name: 'reflection autosave',
					target: {
						url: url('/learn/reflection'),
						method: 'POST' as const,
						headers: { ...learner, origin, 'content-type': 'application/json' },
						body: JSON.stringify({
							questionId: reflectionQuestionId,
							text: 'I would start with the restorative questions and listen before deciding anything.',
						}),
					},
					expect: 200,
					oneRow: true,
				},
			]
		: []),
	{
		name: 'quiz submit',
		target: {
			url: url(fixtures.quizPath),
			method: 'POST',
			headers: { ...learner, origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: fixtures.quizForm,
		},
		expect: 302,
	},
	{
		// A real sign-in: throttle checks, Argon2id verification, a new session. A fresh client address
		// per request keeps the per-IP throttle out of it; a success resets the per-account one.
		name: 'log in',
		target: {
			url: url('/login'),
			method: 'POST',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'circle-bench' },
			body: new URLSearchParams({ email: BENCH_EMAIL, password: BENCH_PASSWORD }).toString(),
			perRequestHeaders: () => ({ 'x-forwarded-for': randomIp() }),
		},
		expect: 302,
	},
]

type Measured = {
	name: string
	connections: number
	requests: number
	rps: number
	p50: number
	appCpuMs: number
	dbCpuMs: number | null
	dbExecMs: number
	dbPlanMs: number
	statements: number
	load: string
	top: Array<{ query: string; calls: number; ms: number }>
}
const measured: Measured[] = []
const circleDb = (await admin.query<{ oid: number }>(`SELECT oid FROM pg_database WHERE datname = 'circle'`)).rows[0]!
	.oid

for (const action of actions) {
	const t = action.target
	const probe = await fetch(t.url, {
		method: t.method ?? 'GET',
		headers: { ...t.headers, ...t.perRequestHeaders?.() },
		body: t.body,
		redirect: 'manual',
	})
	await probe.arrayBuffer()
	if (probe.status !== action.expect) {
		log(`${action.name}: answered ${probe.status}, not ${action.expect}; skipped`)
		continue
	}
	await ask({ type: 'idle' })
	let dbCpuBefore = 0
	const plan = { connections: action.oneRow ? 1 : connections, warmupSeconds: 2, seconds, runs: 1 }
	const result = await measure(t, plan, undefined, async () => {
		await admin.query('SELECT pg_stat_statements_reset()')
		await ask({ type: 'cpu-start' })
		dbCpuBefore = pgCpu?.() ?? 0
	})
	const cpu = await ask<CpuWindow>({ type: 'cpu-stop' })
	const dbCpu = pgCpu ? pgCpu() - dbCpuBefore : null
	const load = loadAverage()
	const statements = await admin.query<{ query: string; calls: string; ms: number; plan: number }>(
		`SELECT query, calls::text, total_exec_time AS ms, total_plan_time AS plan FROM pg_stat_statements
		 WHERE dbid = $1 AND query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC`,
		[circleDb],
	)
	const n = Math.max(1, cpu.requests)
	measured.push({
		name: action.name,
		connections: plan.connections,
		requests: cpu.requests,
		rps: result.rps,
		p50: result.p50,
		appCpuMs: cpu.cpuMs / n,
		dbCpuMs: dbCpu === null ? null : dbCpu / n,
		dbExecMs: statements.rows.reduce((s, r) => s + r.ms, 0) / n,
		dbPlanMs: statements.rows.reduce((s, r) => s + r.plan, 0) / n,
		statements: statements.rows.reduce((s, r) => s + Number(r.calls), 0) / n,
		load,
		top: statements.rows.slice(0, 3).map((r) => ({ query: r.query, calls: Number(r.calls) / n, ms: r.ms / n })),
	})
	process.stderr.write(`  ${action.name} done\n`)
}

log(
	table(
		[
			'action',
			'conc.',
			'requests',
			'req/s',
			'p50 ms',
			'app CPU ms',
			'db CPU ms',
			'db exec ms',
			'statements',
			'load average',
		],
		measured.map((m) => [
			m.name,
			m.connections,
			fmt(m.requests),
			fmt(m.rps, 1),
			fmt(m.p50, 1),
			fmt(m.appCpuMs, 2),
			m.dbCpuMs === null ? 'n/a' : fmt(m.dbCpuMs, 2),
			fmt(m.dbExecMs, 2),
			fmt(m.dbPlanMs, 2),
			fmt(m.statements, 1),
			m.load,
		]),
	),
)
log(
	'\n(per request answered; db CPU from /proc; db exec and plan: pg_stat_statements total_exec_time and total_plan_time, wall time)\n',
)
log('Costliest statements per action (exec ms and calls per request):')
for (const m of measured) {
	log(`  ${m.name}`)
	for (const s of m.top)
		log(`    ${fmt(s.ms, 3)} ms × ${fmt(s.calls, 2)}  ${s.query.replace(/\s+/g, ' ').slice(0, 110)}`)
}

// ─── The capacity model ─────────────────────────────────────────────────────
/** What one active learner does in the busiest hour (docs/scaling.md says why). */
const JOURNEY: Record<string, number> = {
	'log in': 1,
	dashboard: 2,
	'open a lesson page': 6,
	'progress POST': 30,
	'reflection autosave': 6,
	'quiz submit': 1,
}
const ACTIVE_SHARE = 0.05 // of all learners, in the busiest hour
const BURST = 2 // the busiest minute runs at twice the hour's mean rate
const UTILISATION = 0.6 // of the cores, at that minute: 40% headroom
const CORES_PER_REPLICA = 2 // deploy/k8s: limit 2 CPUs, WEB_CONCURRENCY=2
const MIN_REPLICAS = 3

const byName = new Map(measured.map((m) => [m.name, m]))
let appMs = 0
let dbMs = 0
log('\nCapacity model: one active learner in the busiest hour')
for (const [name, count] of Object.entries(JOURNEY)) {
	const m = byName.get(name)
	if (!m) {
		log(`  ${name}: not measured; left out`)
		continue
	}
	const db = m.dbCpuMs ?? m.dbExecMs
	appMs += count * m.appCpuMs
	dbMs += count * db
	log(
		`  ${String(count).padStart(2)} × ${name.padEnd(20)} app ${fmt(count * m.appCpuMs, 1).padStart(7)} ms   db ${fmt(count * db, 1).padStart(7)} ms`,
	)
}
log(`  per active learner-hour:      app ${fmt(appMs, 1).padStart(7)} ms   db ${fmt(dbMs, 1).padStart(7)} ms`)
log(
	`\nPeak: ${ACTIVE_SHARE * 100}% of learners active in the busiest hour; busiest minute ${BURST}× the hour's mean; cores ${UTILISATION * 100}% busy at that minute`,
)
for (const learners of [100_000, 500_000]) {
	const active = learners * ACTIVE_SHARE
	const factor = BURST / UTILISATION
	const appCores = ((active * appMs) / 3_600_000) * factor
	const dbCores = ((active * dbMs) / 3_600_000) * factor
	const replicas = Math.max(MIN_REPLICAS, Math.ceil(appCores / CORES_PER_REPLICA))
	log(
		`  ${fmt(learners)} learners → ${fmt(active)} active: app ${fmt(active)} × ${fmt(appMs, 1)} ms ÷ 3,600,000 × ${BURST} ÷ ${UTILISATION} = ${fmt(appCores, 2)} cores → ${replicas} replicas of ${CORES_PER_REPLICA} CPUs (at least ${MIN_REPLICAS}); ` +
			`db ${fmt(active)} × ${fmt(dbMs, 1)} ms ÷ 3,600,000 × ${BURST} ÷ ${UTILISATION} = ${fmt(dbCores, 2)} cores`,
	)
}
log(`\nLoad average at the end: ${loadAverage()} on ${os.cpus().length} CPUs`)

// ─── Done ───────────────────────────────────────────────────────────────────
await ask({ type: 'stop' }).catch(() => undefined)
await cleanupBenchRun(fixtures)
const { prisma } = await import('#modules/db/client.ts')
await prisma.$disconnect()
await admin.end()
await db.stop()
await server.stop()
process.exit(0)
