import { percentile } from './stats.ts'

/**
 * Calls `fn` with `concurrency` calls in flight for `seconds` (after one warm-up call per slot);
 * returns calls per second and the latency percentiles in milliseconds.
 */
export async function timedLoop(seconds: number, concurrency: number, fn: () => Promise<unknown>) {
	for (let i = 0; i < concurrency; i++) await fn()
	const latencies: number[] = []
	const start = performance.now()
	const deadline = start + seconds * 1000
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (performance.now() < deadline) {
				const t = performance.now()
				await fn()
				latencies.push(performance.now() - t)
			}
		}),
	)
	const took = (performance.now() - start) / 1000
	return {
		rate: latencies.length / took,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		count: latencies.length,
	}
}
