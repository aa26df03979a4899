import { percentile } from './stats.ts'

/**
 * Calls `fn` with `concurrency` calls in flight for `seconds` (after one warm-up call per slot);
 * returns calls per second, the latency percentiles in milliseconds, and this process's CPU time per
 * call (user + system, every thread: Argon2 runs on libuv's), which moves far less with the load.
 */
export async function timedLoop(seconds: number, concurrency: number, fn: () => Promise<unknown>) {
	for (let i = 0; i < concurrency; i++) await fn()
	const latencies: number[] = []
	const cpuBefore = process.cpuUsage()
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
	const cpu = process.cpuUsage(cpuBefore)
	return {
		cpuMs: (cpu.user + cpu.system) / 1000 / latencies.length,
		rate: latencies.length / took,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		count: latencies.length,
	}
}
