/**
 * `npm run lighthouse`: Lighthouse's mobile performance audit of the production build (run
 * `npm run build` first; this builds nothing) on the home page, the catalogue, a course page and a
 * reading lesson, with Debian's Chromium. The app runs as the benches run it (scripts/bench): the
 * embedded PostgreSQL of EMBEDDED_PG_DIR on EMBEDDED_PG_PORT (or DATABASE_URL), the demo content, and
 * the real app from build/ in a process of its own on PORT. The lesson is read by the bench learner,
 * signed in through a session cookie (scripts/bench/fixtures.ts).
 *
 * Prints each page's score and FCP, LCP, TBT, CLS and the bytes of unused JavaScript, with the load
 * average and Lighthouse's index of the machine's speed (`benchmarkIndex`: higher is faster), and exits 1 if a page scores below 0.9. Lighthouse's mobile audit simulates a slow phone
 * from what it observed, so a busy machine lowers the scores: read them beside the load average.
 *
 *   npm run lighthouse [-- --runs 3] [-- --pages home,catalogue,course,lesson] [-- --json out.json]
 *                      [-- --reports dir]
 *
 * `--json` writes the table's rows; `--reports` writes each run's whole Lighthouse report
 * (`<page>-<run>.json`) for reading the audits behind a figure: render-blocking-resources,
 * network-requests, main-thread-tasks, and under `lhr.audits.metrics.details.items[0]` the observed
 * timings beside the simulated ones.
 *
 * Needs the `lighthouse` package (a devDependency) and CHROME_PATH or /usr/bin/chromium.
 */
import fs from 'node:fs'
import os from 'node:os'
import type { LadderPorts } from './bench/server.ts'

const THRESHOLD = 0.9

function argument(name: string, fallback: string) {
	const i = process.argv.indexOf(`--${name}`)
	return i >= 0 ? process.argv[i + 1]! : fallback
}
const runs = Number(argument('runs', '1'))
const only = argument('pages', 'home,catalogue,course,lesson').split(',')
const jsonOut = argument('json', '')
const reportsDir = argument('reports', '')
const load = () =>
	os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')

const { openDatabase } = await import('./bench/database.ts')
const db = await openDatabase()
const { createBenchFixtures, cleanupBenchRun } = await import('./bench/fixtures.ts')
const fixtures = await createBenchFixtures()
// The demo seed queues its emails: stop the queue, so that its polling is not audited with the pages.
await (await import('#modules/jobs/boss.ts')).stopBoss()

const port = db.env.PORT
const ports: LadderPorts = { L4: port, L0: port + 1, L1: port + 2, L2: port + 3, L3: port + 4 }
const { forkBenchServer } = await import('./bench/fork-server.ts')
const { child, ask } = await forkBenchServer({
	PORT: String(port),
	APP_URL: `http://127.0.0.1:${port}`,
	DATABASE_URL: db.url,
})
await ask({ type: 'start-app', ports })
const origin = `http://127.0.0.1:${port}`

const pages = [
	{ key: 'home', name: 'home', path: '/', cookie: null },
	{ key: 'catalogue', name: 'catalogue', path: '/courses', cookie: null },
	{ key: 'course', name: 'course page', path: `/courses/${fixtures.courseSlug}`, cookie: null },
	{ key: 'lesson', name: 'reading lesson', path: fixtures.readingPath, cookie: fixtures.learnerCookie },
].filter((p) => only.includes(p.key))

const { default: lighthouse } = await import('lighthouse')
const { launch } = await import('chrome-launcher')
const chrome = await launch({
	// eslint-disable-next-line no-restricted-properties -- a path to a program, not the app's configuration
	chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})

type Row = {
	page: string
	path: string
	run: number
	score: number
	fcp: number
	/** The first paint Chromium really made on this machine (no throttling), beside the simulated one. */
	observedFcp: number
	lcp: number
	tbt: number
	cls: number
	unusedJs: number
	/**
	 * Lighthouse's own measure of this machine's speed (`environment.benchmarkIndex`, a loop timed in
	 * the page's renderer): TBT is the observed main thread times the simulated slowdown, so a slower
	 * machine counts more blocking time for the same JavaScript. Read it beside the load average.
	 */
	benchmarkIndex: number
	load: string
}
const rows: Row[] = []
let failed = false
try {
	// Each page once before it is measured: the first visit warms the server (V8, caches), not the page.
	for (const page of pages) {
		const answer = await fetch(origin + page.path, { headers: page.cookie ? { cookie: page.cookie } : {} })
		if (answer.status !== 200) throw new Error(`${page.path} answered ${answer.status}`)
		await answer.arrayBuffer()
	}
	for (const page of pages) {
		for (let run = 1; run <= runs; run++) {
			const before = load()
			const audit = () =>
				lighthouse(origin + page.path, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance'],
					extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
				})
			let result = await audit()
			// On a busy machine Chromium's trace now and then misses the navigation's start (NO_NAVSTART,
			// "Please run Lighthouse again"): once more, as it asks.
			if (result?.lhr.runtimeError?.code === 'NO_NAVSTART') result = await audit()
			if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`)
			const { lhr } = result
			if (reportsDir) {
				fs.mkdirSync(reportsDir, { recursive: true })
				fs.writeFileSync(`${reportsDir}/${page.key}-${run}.json`, JSON.stringify(lhr, null, '\t') + '\n')
			}
			if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
			const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN
			const observed = (
				lhr.audits.metrics?.details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined
			)?.items?.[0]
			const unused = lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined
			const row: Row = {
				page: page.name,
				path: page.path,
				run,
				score: lhr.categories.performance?.score ?? 0,
				fcp: metric('first-contentful-paint'),
				observedFcp: observed?.observedFirstContentfulPaint ?? NaN,
				lcp: metric('largest-contentful-paint'),
				tbt: metric('total-blocking-time'),
				cls: metric('cumulative-layout-shift'),
				unusedJs: unused?.overallSavingsBytes ?? 0,
				benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
				load: `${before} -> ${load()}`,
			}
			rows.push(row)
			if (row.score < THRESHOLD) failed = true
			console.log(
				`${row.page.padEnd(15)} run ${run}  score ${row.score.toFixed(2)}  FCP ${(row.fcp / 1000).toFixed(2)} s (observed ${Math.round(row.observedFcp)} ms)  LCP ${(row.lcp / 1000).toFixed(2)} s  TBT ${Math.round(row.tbt)} ms  CLS ${row.cls.toFixed(3)}  unused JS ${(row.unusedJs / 1024).toFixed(1)} KiB  machine index ${Math.round(row.benchmarkIndex)}  (load average ${row.load})`,
			)
		}
	}
} finally {
	await chrome.kill()
	await cleanupBenchRun(fixtures).catch(() => {})
	await ask({ type: 'stop' }).catch(() => {})
	child.kill()
	await db.stop()
}

if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(rows, null, '\t') + '\n')
console.log(`\nuptime: ${os.uptime().toFixed(0)} s, load average ${load()}, ${os.cpus().length} CPUs`)
console.log(failed ? `FAIL  a page scored below ${THRESHOLD}` : `PASS  every page scored ${THRESHOLD} or more`)
process.exit(failed ? 1 : 0)
