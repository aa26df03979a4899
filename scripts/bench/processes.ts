/**
 * `npm run bench -- --processes`: the lesson page's throughput with two app processes against one,
 * side by side in one run (issue 17's must-show). Two copies of `npm start` as production runs it
 * (scripts/start.mjs, the production build, one database) serve at once: one with WEB_CONCURRENCY=1,
 * one with WEB_CONCURRENCY=2 (Node's cluster module, ADR 0047). Rounds alternate which goes first,
 * so that a change in the machine's other load falls on both; each measured run is preceded by a
 * warm-up. Per configuration: requests/s (median of the rounds), p50/p99, and CPU milliseconds per
 * request of the app processes (their whole process tree) and of PostgreSQL, read from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { parseEnv } from '#modules/env/env.ts'
import { freePort, stopChild, treeCpuMs, waitForPort } from '../cluster/processes.ts'
import { createBenchFixtures } from './fixtures.ts'
import { postgresCpuReader } from './pg-cpu.ts'
import { fmt, median, table } from './stats.ts'

const root = path.resolve(import.meta.dirname, '../..')

type Server = { name: string; processes: number; url: string; child: ChildProcess }
type Round = { rps: number; p50: number; p99: number; appMs: number; pgMs: number | null; requests: number }

async function startServer(processes: number, databaseUrl: string): Promise<Server> {
	const port = await freePort()
	// eslint-disable-next-line no-restricted-properties -- passed on to the child, not read
	const inherited = { ...process.env }
	for (const name of ['PORT', 'EMBEDDED_PG_PORT', 'VITEST']) delete inherited[name]
	// As `npm start` runs it, compiled (build/server/start.js; ADR 0054), the build check left out.
	const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
		cwd: root,
		env: {
			...inherited,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			APP_URL: `http://127.0.0.1:${port}`,
			TRUST_PROXY: '1',
			RUN_WORKER: 'false',
			SEED_DEMO: 'false',
			WEB_CONCURRENCY: String(processes),
		},
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	process.on('exit', () => child.kill())
	await waitForPort(port, { child, what: `npm start with ${processes} process(es)`, timeoutMs: 300_000 })
	return {
		name: `${processes} app process${processes > 1 ? 'es' : ''}`,
		processes,
		url: `http://127.0.0.1:${port}`,
		child,
	}
}

function load(url: string, cookie: string, connections: number, seconds: number) {
	return new Promise<autocannon.Result>((resolve, reject) => {
		autocannon({ url, connections, duration: seconds, headers: { cookie } }, (error, result) =>
			error ? reject(error as Error) : resolve(result),
		)
	})
}

export async function runProcessesBench({ quick, databaseUrl }: { quick: boolean; databaseUrl: string }) {
	const env = parseEnv()
	const rounds = quick ? 2 : 4
	const seconds = quick ? 4 : 8
	const warmup = quick ? 1 : 2
	const connections = 16
	const fixtures = await createBenchFixtures()
	const pgCpu = postgresCpuReader(path.resolve(env.EMBEDDED_PG_DIR), databaseUrl)
	console.log(
		`Lesson page (${fixtures.readingPath}), 1 app process against 2, ${rounds} rounds of ${seconds} s ` +
			`(warm-up ${warmup} s), ${connections} connections, order alternating\n`,
	)

	// One after another: each start checks for pending migrations under Prisma's lock.
	const servers = [await startServer(1, databaseUrl), await startServer(2, databaseUrl)]
	const results = new Map<number, Round[]>(servers.map((s) => [s.processes, []]))
	try {
		for (const server of servers) await load(`${server.url}${fixtures.readingPath}`, fixtures.learnerCookie, 4, 3)
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 === 0 ? servers : [...servers].reverse()
			for (const server of order) {
				const target = `${server.url}${fixtures.readingPath}`
				await load(target, fixtures.learnerCookie, connections, warmup)
				const appBefore = treeCpuMs(server.child.pid!)
				const pgBefore = pgCpu?.() ?? 0
				const result = await load(target, fixtures.learnerCookie, connections, seconds)
				const requests = result.requests.total
				if (result.non2xx || result.errors) {
					throw new Error(`${server.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
				}
				results.get(server.processes)!.push({
					rps: requests / result.duration,
					p50: result.latency.p50,
					p99: result.latency.p99,
					requests,
					appMs: (treeCpuMs(server.child.pid!) - appBefore) / requests,
					pgMs: pgCpu ? (pgCpu() - pgBefore) / requests : null,
				})
				console.log(
					`  round ${round + 1}, ${server.name.padEnd(15)} ${fmt(requests / result.duration, 1)} req/s, p99 ${result.latency.p99} ms`,
				)
			}
		}
	} finally {
		await Promise.all(servers.map((s) => stopChild(s.child, { signal: 'SIGTERM', graceMs: 30_000 })))
	}

	const summary = servers.map((s) => {
		const runs = results.get(s.processes)!
		return {
			name: s.name,
			rps: median(runs.map((r) => r.rps)),
			p50: median(runs.map((r) => r.p50)),
			p99: median(runs.map((r) => r.p99)),
			appMs: median(runs.map((r) => r.appMs)),
			pgMs: pgCpu ? median(runs.map((r) => r.pgMs!)) : null,
		}
	})
	console.log(
		`\n${table(
			['', 'req/s (median)', 'p50 ms', 'p99 ms', 'app CPU ms/req', 'PostgreSQL CPU ms/req', 'rounds req/s'],
			summary.map((s, i) => [
				s.name,
				fmt(s.rps, 1),
				fmt(s.p50, 1),
				fmt(s.p99, 1),
				fmt(s.appMs, 2),
				s.pgMs === null ? 'n/a' : fmt(s.pgMs, 2),
				results
					.get(servers[i]!.processes)!
					.map((r) => fmt(r.rps, 0))
					.join(' '),
			]),
		)}`,
	)
	const [one, two] = summary as [(typeof summary)[number], (typeof summary)[number]]
	const cpuPerRequest = one.appMs + (one.pgMs ?? 0)
	console.log(
		`\n2 processes / 1 process: ${fmt(two.rps / one.rps, 2)}× the requests/s. ` +
			`One request costs ${fmt(cpuPerRequest, 1)} ms of CPU (app ${fmt(one.appMs, 1)} + PostgreSQL ${one.pgMs === null ? 'n/a' : fmt(one.pgMs, 1)}): ` +
			`2 cores can give at most ${fmt(2000 / cpuPerRequest, 0)} req/s whatever the number of app processes.`,
	)
	return 0
}
