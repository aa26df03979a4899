/**
 * `npm run bench:restart`: how long `npm start` takes from the command to the first 200 on `/`, and
 * how much memory each of its processes holds (issue 18: "start in seconds", "memory").
 *
 * Runs `npm start` as a person does (build skipped when current, embedded PostgreSQL, migrations,
 * seed check, job worker, HTTP workers), with the environment it is given (PORT, EMBEDDED_PG_PORT,
 * EMBEDDED_PG_DIR…). One start first, unmeasured, so that the build is current and the embedded
 * database initialised and seeded; then `--runs` (default 3) measured restarts, each stopped with
 * SIGINT to the whole process group (Ctrl-C) before the next. Prints each time and the median.
 *
 * On the last start it then asks each public page a few times on connections of their own (so that
 * every HTTP worker has loaded and compiled what a first request loads: that stays, and belongs in
 * the idle figure), and reads the resident memory (RSS, /proc) of every process in the tree after
 * `--idle` seconds (default 30) idle, straight after a load run of `--load` seconds (default 20,
 * 8 connections over the public pages) and `--after` seconds (default 60) later, reading every 5 s
 * in between to say when each HTTP worker came back. The HTTP workers' CPU time over the load run,
 * per request served, is printed beside the requests: a worker setting that gives memory back must
 * not cost CPU. Each HTTP worker then PASSes or FAILs issue 18's
 * memory targets: at most 200 MiB idle, and within 10% of its idle RSS `--after` seconds after the
 * load (the exit code is 1 if one fails).
 *
 *   npx tsx scripts/bench/restart.ts [--runs 3] [--idle 30] [--load 20] [--after 60]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { parseEnv } from '#modules/env/env.ts'
import { descendants } from '../cluster/processes.ts'
import { fmt, median, table } from './stats.ts'

const root = path.resolve(import.meta.dirname, '../..')
const { values: options } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		idle: { type: 'string', default: '30' },
		load: { type: 'string', default: '20' },
		after: { type: 'string', default: '60' },
	},
})
const env = parseEnv()
const base = `http://127.0.0.1:${env.PORT}`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const load = () =>
	os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')

function startCircle(): ChildProcess {
	// Its own process group, so that SIGINT reaches every process as Ctrl-C in a terminal does.
	const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'] })
	child.stdout!.resume()
	process.on('exit', () => groupSignal(child, 'SIGKILL'))
	return child
}

function groupSignal(child: ChildProcess, signal: NodeJS.Signals) {
	try {
		process.kill(-child.pid!, signal)
		return true
	} catch {
		return false
	}
}

/** Seconds from `started` until `/` first answers 200; throws if `child` exits first. */
async function secondsToFirst200(child: ChildProcess, started: number) {
	let exited = false
	child.once('exit', () => (exited = true))
	for (;;) {
		if (exited) throw new Error('npm start exited before it answered (its output is above)')
		const status = await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) }).then(
			(r) => (r.body?.cancel(), r.status),
			() => 0,
		)
		if (status === 200) return (performance.now() - started) / 1000
		if (performance.now() - started > 600_000) throw new Error('no 200 on / within 10 minutes')
		await sleep(50)
	}
}

/** SIGINT to the group, then waits until every process in it has gone (SIGKILL after 60 s). */
async function stop(child: ChildProcess) {
	groupSignal(child, 'SIGINT')
	const deadline = Date.now() + 60_000
	while (groupSignal(child, 0 as unknown as NodeJS.Signals)) {
		if (Date.now() > deadline) groupSignal(child, 'SIGKILL')
		await sleep(100)
	}
}

/**
 * CPU time (user + system, seconds) of `pid` and every process under it, with that of the children
 * they have already reaped (a build check or Prisma's CLI that ran and exited), from /proc.
 */
function treeCpuSeconds(pid: number) {
	let ticks = 0
	for (const p of [pid, ...descendants(pid)]) {
		try {
			const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
			// utime, stime, cutime, cstime: fields 14-17 of the line, 12-15 after the command name.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
			for (const i of [11, 12, 13, 14]) ticks += Number(fields[i])
		} catch {
			// exited while we looked
		}
	}
	return ticks / 100 // USER_HZ
}

/** CPU time (user + system, seconds) of the HTTP workers under `child`, from /proc. */
function workersCpuSeconds(child: ChildProcess) {
	let ticks = 0
	for (const pid of descendants(child.pid!)) {
		try {
			if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('web-worker')) continue
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
			ticks += Number(fields[11]) + Number(fields[12])
		} catch {
			// exited while we looked
		}
	}
	return ticks / 100 // USER_HZ
}

function role(cmdline: string) {
	if (cmdline.includes('web-worker')) return 'HTTP worker'
	if (cmdline.includes('postgres')) return 'PostgreSQL'
	if (cmdline.includes('esbuild')) return 'esbuild service (tsx)'
	if (cmdline.includes('scripts/start.')) {
		return cmdline.includes('.bin/tsx') ? 'tsx launcher' : 'primary (job worker)'
	}
	if (cmdline.startsWith('npm')) return 'npm'
	return cmdline.split(' ')[0] ?? '?'
}

/** The RSS in MiB of every process under `child`, by role (PostgreSQL's processes summed). */
function rssByRole(child: ChildProcess) {
	const rows = new Map<string, number>()
	for (const pid of [child.pid!, ...descendants(child.pid!)]) {
		try {
			const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()
			const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
			let name = role(cmdline)
			if (name === 'HTTP worker' || name.startsWith('esbuild')) {
				let n = 1
				while (rows.has(`${name} ${n}`)) n++
				name = `${name} ${n}`
			}
			rows.set(name, (rows.get(name) ?? 0) + kb / 1024)
		} catch {
			// exited while we looked
		}
	}
	return rows
}

/** The public pages a visitor sees, the catalogue's first course among them. */
async function publicPaths() {
	const html = await (await fetch(`${base}/courses`)).text()
	const course = /href="(\/courses\/[a-z0-9-]+)"/.exec(html)?.[1]
	return ['/', '/courses', ...(course ? [course] : [])]
}

/** One GET on a connection of its own: the cluster hands each new connection to the next worker. */
function getOnce(url: string) {
	return new Promise<void>((resolve, reject) =>
		http
			.get(url, { agent: false }, (response) => {
				response.resume()
				response.on('end', resolve)
			})
			.on('error', reject),
	)
}

/** Each public page `times` times, one at a time, each on a new connection (so every worker gets some). */
async function warmUp(times: number) {
	const paths = await publicPaths()
	for (let i = 0; i < times; i++) for (const p of paths) await getOnce(`${base}${p}`)
	return paths.length * times
}

async function loadRun(seconds: number) {
	const paths = await publicPaths()
	const result = await new Promise<autocannon.Result>((resolve, reject) =>
		autocannon(
			{ url: base, connections: 8, duration: seconds, requests: paths.map((p) => ({ method: 'GET', path: p })) },
			(error, r) => (error ? reject(error as Error) : resolve(r)),
		),
	)
	// A page that is not a 200 is a bug worth stopping for; a timeout on a saturated machine is not.
	if (result.non2xx) throw new Error(`${result.non2xx} answers were not 2xx`)
	return { paths, requests: result.requests.total, rps: result.requests.total / result.duration, errors: result.errors }
}

/** Issue 18: an idle web process holds at most this much, and is back within `BACK_WITHIN` of it after load. */
const IDLE_LIMIT_MIB = 200
const BACK_WITHIN = 0.1

const runs = Number(options.runs)
console.log(`Restart bench: Node ${process.version}, ${os.cpus().length} CPUs, ${base}, load average ${load()}`)
console.log('Warm-up start (build current, embedded database initialised and seeded)…')
const warm = startCircle()
console.log(`  first 200 after ${fmt(await secondsToFirst200(warm, performance.now()), 2)} s`)
await stop(warm)

// Wall-clock time depends on what else the machine runs; the CPU time all of npm start's processes
// (PostgreSQL included) spent until the first 200 much less so: both are printed.
const times: number[] = []
const cpu: number[] = []
let last: ChildProcess | undefined
for (let run = 1; run <= runs; run++) {
	const started = performance.now()
	const child = startCircle()
	const seconds = await secondsToFirst200(child, started)
	const cpuSeconds = treeCpuSeconds(child.pid!)
	times.push(seconds)
	cpu.push(cpuSeconds)
	console.log(
		`  restart ${run}: first 200 after ${fmt(seconds, 2)} s, ${fmt(cpuSeconds, 2)} s of CPU (load average ${load()})`,
	)
	if (run < runs) await stop(child)
	else last = child
}
console.log(
	`Restart to the first 200: median ${fmt(median(times), 2)} s (${times.map((t) => fmt(t, 2)).join(', ')}), ` +
		`CPU median ${fmt(median(cpu), 2)} s (${cpu.map((t) => fmt(t, 2)).join(', ')})\n`,
)

try {
	// Code loaded and compiled by a worker's first requests stays: read idle after some, not before.
	const warmed = await warmUp(8)
	console.log(`Warm-up: ${warmed} requests to the public pages, then ${options.idle} s idle`)
	await sleep(Number(options.idle) * 1000)
	const idle = rssByRole(last!)
	const idleLoad = load()
	const cpuBefore = workersCpuSeconds(last!)
	const ran = await loadRun(Number(options.load))
	const workersCpu = workersCpuSeconds(last!) - cpuBefore
	const afterLoad = rssByRole(last!)
	console.log(
		`Load: ${ran.requests} requests in ${options.load} s (${fmt(ran.rps, 1)}/s, ${ran.errors} timed out or failed) ` +
			`over ${ran.paths.join(', ')}; HTTP workers' CPU ${fmt((workersCpu * 1000) / ran.requests, 2)} ms/request; ` +
			`load average ${load()}`,
	)
	// Read every 5 s until --after: when each process first came back within 10% of its idle RSS.
	const afterSeconds = Number(options.after)
	const loadEnded = performance.now()
	const backAfter = new Map<string, number>()
	let later = afterLoad
	for (;;) {
		const elapsed = (performance.now() - loadEnded) / 1000
		for (const [name, mib] of later) {
			const idleMib = idle.get(name)
			if (idleMib && !backAfter.has(name) && mib <= idleMib * (1 + BACK_WITHIN)) backAfter.set(name, elapsed)
		}
		if (elapsed >= afterSeconds) break
		await sleep(Math.min(5, afterSeconds - elapsed) * 1000)
		later = rssByRole(last!)
	}
	const names = [...new Set([...idle.keys(), ...afterLoad.keys(), ...later.keys()])]
	const mb = (v: number | undefined) => (v === undefined ? '' : fmt(v, 1))
	console.log(
		table(
			[
				'process',
				`RSS MiB idle ${options.idle} s`,
				'after load',
				`${options.after} s later`,
				'later / idle',
				'within 10% after',
			],
			names.map((n) => [
				n,
				mb(idle.get(n)),
				mb(afterLoad.get(n)),
				mb(later.get(n)),
				idle.get(n) && later.get(n) ? `${fmt(later.get(n)! / idle.get(n)!, 2)}x` : '',
				backAfter.has(n) ? `${fmt(backAfter.get(n)!, 0)} s` : idle.get(n) ? 'not yet' : '',
			]),
		),
	)
	// Issue 18's targets, per HTTP worker (the web process; the primary runs the job worker).
	for (const name of names.filter((n) => n.startsWith('HTTP worker'))) {
		const idleMib = idle.get(name)
		const laterMib = later.get(name)
		if (idleMib === undefined || laterMib === undefined) {
			console.log(`FAIL  ${name}: not running at every reading (it was replaced?)`)
			process.exitCode = 1
			continue
		}
		const idleOk = idleMib <= IDLE_LIMIT_MIB
		const backOk = laterMib <= idleMib * (1 + BACK_WITHIN)
		if (!idleOk || !backOk) process.exitCode = 1
		console.log(
			`${idleOk ? 'PASS' : 'FAIL'}  ${name}: ${fmt(idleMib, 1)} MiB idle (target ≤ ${IDLE_LIMIT_MIB} MiB)\n` +
				`${backOk ? 'PASS' : 'FAIL'}  ${name}: ${fmt(laterMib, 1)} MiB ${options.after} s after the load, ` +
				`${fmt((laterMib / idleMib - 1) * 100, 0)}% from idle (target within ${BACK_WITHIN * 100}%)`,
		)
	}
	console.log(`(idle read at load average ${idleLoad}; PostgreSQL's RSS counts its shared buffers in each process)`)
} finally {
	await stop(last!)
}
