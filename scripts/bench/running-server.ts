/**
 * CPU time per request of a Circle that is already running (`npm start` with WEB_CONCURRENCY=1, so
 * that one process serves): a few short autocannon runs against its pages, reading that process's
 * CPU time from /proc (Linux) before and after each run. Unlike requests/s, CPU time per request
 * barely moves when other work shares the machine, so it compares builds and settings measured
 * minutes apart (the demo's development React against production React, ADR 0052).
 *
 *   DATABASE_URL=postgresql://circle:circle@localhost:54329/circle \
 *     node --import tsx scripts/bench/running-server.ts --port 3000 --pid <server pid> \
 *       [--seconds 5] [--runs 3] [--connections 8] [--warmup 200] [--pages reading,video,catalogue,course]
 *
 * DATABASE_URL is the running server's database: the bench learner and its session are made there
 * (scripts/bench/fixtures.ts), and removed again at the end. Prints the load average beside each figure.
 * The warm-up is a number of requests, not seconds: a busy machine serves a few requests a second,
 * and code V8 has not yet optimised costs several times what it will.
 */
import fs from 'node:fs'
import os from 'node:os'
import autocannon from 'autocannon'
import { fmt, median, table } from './stats.ts'

const TICKS_PER_SECOND = 100 // USER_HZ on every Linux Node supports

function argument(name: string, fallback?: string) {
	const i = process.argv.indexOf(`--${name}`)
	const value = i >= 0 ? process.argv[i + 1] : fallback
	if (value === undefined) throw new Error(`--${name} is required`)
	return value
}

const port = Number(argument('port'))
const pid = Number(argument('pid'))
const seconds = Number(argument('seconds', '5'))
const runs = Number(argument('runs', '3'))
const connections = Number(argument('connections', '8'))
const warmup = Number(argument('warmup', '200'))
const only = argument('pages', 'reading,video,catalogue,course').split(',')

/** The process's CPU time so far (user + system, every thread), in milliseconds. */
function processCpuMs() {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
}
const load = () =>
	os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')

const { prisma } = await import('#modules/db/client.ts')
const { createBenchFixtures, cleanupBenchRun } = await import('./fixtures.ts')
const fixtures = await createBenchFixtures()
const base = `http://127.0.0.1:${port}`
const learner = { cookie: fixtures.learnerCookie }
const video = `/learn/${fixtures.courseSlug}/${fixtures.videoLessonId}`
const pages = [
	{ key: 'reading', name: 'lesson page (reading)', path: fixtures.readingPath, headers: learner },
	{ key: 'video', name: 'lesson page (video)', path: video, headers: learner },
	{ key: 'catalogue', name: 'catalogue', path: '/courses', headers: {} },
	{ key: 'course', name: 'course page', path: `/courses/${fixtures.courseSlug}`, headers: {} },
].filter((p) => only.includes(p.key))

console.log(
	`Server pid ${pid} on port ${port}; ${connections} connections, ${runs} runs of ${seconds} s after ${warmup} requests of warm-up; median of the runs\n`,
)
const rows: Array<Array<string | number>> = []
for (const page of pages) {
	const check = await fetch(base + page.path, { headers: page.headers, redirect: 'manual' })
	const bytes = (await check.arrayBuffer()).byteLength
	if (check.status !== 200) throw new Error(`${page.path} answered ${check.status}`)
	const run = (duration: number) => autocannon({ url: base + page.path, headers: page.headers, connections, duration })
	await autocannon({ url: base + page.path, headers: page.headers, connections, amount: warmup })
	const perRequest: number[] = []
	const rates: number[] = []
	const loadBefore = load()
	for (let i = 0; i < runs; i++) {
		const before = processCpuMs()
		const result = await run(seconds)
		// Requests still queued in the server when the run stops finish within this pause.
		await new Promise((resolve) => setTimeout(resolve, 300))
		perRequest.push((processCpuMs() - before) / result.requests.total)
		rates.push(result.requests.total / result.duration)
	}
	rows.push([page.name, fmt(bytes / 1024, 1), fmt(median(rates), 1), fmt(median(perRequest), 2), loadBefore, load()])
}
console.log(table(['page', 'KiB', 'req/s', 'CPU ms/req', 'load before', 'load after'], rows))
console.log(
	`\n(${os.cpus().length} CPUs; CPU ms/req is the server process's user + system time over the run ÷ requests)`,
)
await cleanupBenchRun(fixtures)
await prisma.$disconnect()
