/**
 * The primary's half of `npm start` with WEB_CONCURRENCY above 1: forks that many HTTP workers
 * (scripts/web-worker.ts) with Node's cluster module. They share PORT; the primary hands each new
 * connection to the next worker in turn (the cluster's round-robin, Node's default on Linux).
 *
 * A worker that dies after start-up is replaced. Replacements back off (half a second, doubling up
 * to 30 seconds) while workers keep dying within 30 seconds of starting, so a crash loop costs a
 * log line now and then rather than a core. A worker that cannot start at all during start-up ends
 * start-up: a mistake there (a port in use) is better reported once than retried for ever.
 *
 * Workers run the compiled build/server/web-worker.js with plain Node, without the tsx loader the
 * primary runs under (ADR 0054): under tsx each worker held 2-3 times the memory, because tsx also
 * transforms the 3.6 MB server build and keeps its source maps. A build made by `react-router build`
 * alone has no compiled worker: the workers then run scripts/web-worker.ts through tsx, as before.
 */
import cluster, { type ClusterSettings, type Worker } from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import { WEB_WORKER_BUNDLE } from './build-stamp.ts'

const WORKER_SCRIPT = path.join(import.meta.dirname, 'web-worker.ts')
/** A worker that lived this long before dying was not crash-looping: its replacement starts at once. */
const HEALTHY_AFTER_MS = 30_000
const FIRST_DELAY_MS = 500
const MAX_DELAY_MS = 30_000

/** The delay before replacing a worker, after `failures` quick deaths in a row. */
export function respawnDelayMs(failures: number) {
	return failures <= 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1))
}

function describeExit(code: number | null, signal: string | null) {
	return signal ? `was killed by ${signal}` : `exited with code ${code}`
}

/**
 * How to start an HTTP worker from the build in `buildDir`: the compiled entry with plain Node
 * when the build has one, else the TypeScript source through the primary's own tsx loader.
 */
export function workerSettings(buildDir: string): ClusterSettings {
	const compiled = path.join(buildDir, WEB_WORKER_BUNDLE)
	if (fs.existsSync(compiled)) return { exec: compiled, execArgv: [], args: [buildDir] }
	return { exec: WORKER_SCRIPT, args: [buildDir] }
}

/**
 * Forks `count` workers and resolves once every one is listening. `stop` sends each SIGTERM (they
 * drain, scripts/web-worker.ts) and resolves once all have exited, true if all exited 0 in time;
 * any still running `graceMs` plus a second later are killed.
 */
export async function startWebCluster({
	count,
	graceMs,
	buildDir,
}: {
	count: number
	graceMs: number
	buildDir: string
}) {
	cluster.setupPrimary(workerSettings(buildDir))
	let stopping = false
	let failures = 0
	const pending = new Set<NodeJS.Timeout>()
	const startedAt = new Map<Worker, number>()

	const fork = () => {
		const worker = cluster.fork()
		startedAt.set(worker, Date.now())
		return worker
	}

	// Start-up: every worker must reach 'listening', or start-up fails.
	await Promise.all(
		Array.from({ length: count }, () => {
			const worker = fork()
			return new Promise<void>((resolve, reject) => {
				const onExit = (code: number | null, signal: string | null) =>
					reject(new Error(`An HTTP worker ${describeExit(code, signal)} before it could serve (see above).`))
				worker.once('exit', onExit)
				worker.once('listening', () => {
					worker.off('exit', onExit)
					resolve()
				})
			})
		}),
	).catch(async (error: unknown) => {
		stopping = true
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
		throw error
	})

	cluster.on('exit', (worker, code, signal) => {
		const lived = Date.now() - (startedAt.get(worker) ?? 0)
		startedAt.delete(worker)
		if (stopping) return
		failures = lived >= HEALTHY_AFTER_MS ? 0 : failures + 1
		const delay = respawnDelayMs(failures)
		console.error(
			`HTTP worker ${worker.id} (pid ${worker.process.pid}) ${describeExit(code, signal)}: ` +
				`starting a replacement${delay ? ` in ${(delay / 1000).toFixed(1)} s` : ''}.`,
		)
		const timer = setTimeout(() => {
			pending.delete(timer)
			if (!stopping) fork()
		}, delay)
		pending.add(timer)
	})

	const stop = async () => {
		stopping = true
		for (const timer of pending) clearTimeout(timer)
		const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead())
		const exits = workers.map(
			(worker) => new Promise<boolean>((resolve) => worker.once('exit', (code) => resolve(code === 0))),
		)
		for (const worker of workers) worker.process.kill('SIGTERM')
		const force = setTimeout(() => {
			for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL')
		}, graceMs + 1000)
		const results = await Promise.all(exits)
		clearTimeout(force)
		return results.every(Boolean)
	}
	return { stop }
}
