/**
 * One HTTP load measurement with autocannon: a warm-up, then `runs` runs at a fixed concurrency,
 * reporting the median requests/s, p50 and p99 of the runs (medians resist the odd noisy run).
 */
import autocannon from 'autocannon'
import { median } from './stats.ts'

export type LoadTarget = {
	url: string
	method?: 'GET' | 'POST'
	headers?: Record<string, string>
	body?: string
	/** Varies each request (e.g. a fresh X-Forwarded-For so that per-IP throttles do not kick in). */
	perRequestHeaders?: () => Record<string, string>
	/**
	 * At most this many requests at a time, whatever the plan's concurrency: one learner's quiz
	 * submissions, sent together, would race for the same attempt number and all but one be refused.
	 */
	maxConnections?: number
}

export type LoadPlan = {
	connections: number
	warmupSeconds: number
	/**
	 * At least this many requests of warm-up, whatever the seconds: on a busy machine a page may be
	 * served a few times a second, and code V8 has not optimised yet costs several times what it will.
	 */
	warmupRequests?: number
	seconds: number
	runs: number
}

export type LoadResult = {
	rps: number
	p50: number
	p99: number
	/** Requests/s of each run, in order. */
	runs: number[]
	non2xx: number
	errors: number
}

/** The plan's concurrency, capped by the target's own limit. */
export function connectionsFor(target: LoadTarget, connections: number) {
	return Math.min(connections, target.maxConnections ?? connections)
}

/** autocannon's options for the target at `connections` (capped by its own limit), without duration or amount. */
export function requestOptions(target: LoadTarget, connections: number): autocannon.Options {
	const { perRequestHeaders } = target
	return {
		url: target.url,
		method: target.method ?? 'GET',
		headers: target.headers,
		body: target.body,
		connections: connectionsFor(target, connections),
		...(perRequestHeaders
			? { requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...perRequestHeaders() } }) }] }
			: {}),
	}
}

function once(target: LoadTarget, connections: number, seconds: number) {
	// Latency is recorded in milliseconds with microsecond resolution.
	return autocannon({ ...requestOptions(target, connections), duration: seconds })
}

/**
 * Runs the plan against one target; `afterRun` is called after each measured run (for RSS samples),
 * `beforeRuns` once after the warm-up (to start a measured window, e.g. of the server's CPU time).
 */
export async function measure(
	target: LoadTarget,
	plan: LoadPlan,
	afterRun?: (run: number) => Promise<void>,
	beforeRuns?: () => Promise<void>,
): Promise<LoadResult> {
	let warmed = 0
	if (plan.warmupSeconds > 0) warmed = (await once(target, plan.connections, plan.warmupSeconds)).requests.total
	const more = (plan.warmupRequests ?? 0) - warmed
	if (more > 0) {
		const options = requestOptions(target, plan.connections)
		// autocannon refuses more connections than requests.
		await autocannon({ ...options, connections: Math.min(options.connections ?? 1, more), amount: more })
	}
	await beforeRuns?.()
	const results: autocannon.Result[] = []
	for (let i = 0; i < plan.runs; i++) {
		results.push(await once(target, plan.connections, plan.seconds))
		await afterRun?.(i)
	}
	return {
		rps: median(results.map((r) => r.requests.total / r.duration)),
		p50: median(results.map((r) => r.latency.p50)),
		p99: median(results.map((r) => r.latency.p99)),
		runs: results.map((r) => r.requests.total / r.duration),
		non2xx: results.reduce((n, r) => n + r.non2xx, 0),
		errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
	}
}
