// What an HTTP process does with the heap it grew into once requests stop (ADR 0058): a real Node
// process grows its heap as a load run does, then goes idle, with and without the idle watch; and a
// real server in this process, to see a request clear the setting.
import { execFile } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { expect, test } from 'vitest'
import { giveMemoryBackWhenIdle } from './idle-memory.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const MiB = 1024 * 1024

/** Runs a process that grows its heap with short-lived objects while answering requests, then idles up to 15 s. */
function heapAfterIdle(watch: boolean) {
	const script = `
		import http from 'node:http'
		const { giveMemoryBackWhenIdle } = await import(${JSON.stringify(path.join(import.meta.dirname, 'idle-memory.ts'))})
		const server = http.createServer((request, response) => response.end('ok'))
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
		if (${watch}) giveMemoryBackWhenIdle(server, { idleMs: 1000 })
		// A live set that keeps moving, as pages rendered under load leave the old generation, with a
		// request each round: the load is requests, so the watch must not count it as idle (on a busy
		// machine the whole loop takes longer than idleMs).
		let live = new Map()
		for (let round = 0; round < 40; round++) {
			for (let i = 0; i < 20000; i++) live.set(Math.random(), { row: new Array(20).fill(i), text: 'x'.repeat(40) + i })
			if (live.size > 300000) for (const key of [...live.keys()].filter((_, i) => i % 2)) live.delete(key)
			await (await fetch('http://127.0.0.1:' + server.address().port + '/')).text()
		}
		live = undefined
		await (await fetch('http://127.0.0.1:' + server.address().port + '/')).text()
		const grown = process.memoryUsage().heapTotal
		let heap = grown
		for (const end = Date.now() + 15000; Date.now() < end && heap > grown / 2; ) {
			await new Promise((resolve) => setTimeout(resolve, 250))
			heap = process.memoryUsage().heapTotal
		}
		console.log(JSON.stringify({ grown, heap }))
		server.close()
	`
	return new Promise<{ grown: number; heap: number }>((resolve, reject) =>
		execFile(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', script],
			{ timeout: 60_000 },
			(error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as { grown: number; heap: number })),
		),
	)
}

test('an idle process gives its heap back within seconds; without the watch V8 keeps it', async () => {
	const [watched, unwatched] = await Promise.all([heapAfterIdle(true), heapAfterIdle(false)])
	// The load grew both heaps well past an idle one's (~5 MiB for this script).
	expect(watched.grown).toBeGreaterThan(60 * MiB)
	expect(unwatched.grown).toBeGreaterThan(60 * MiB)
	expect(watched.heap, JSON.stringify(watched)).toBeLessThan(watched.grown / 2)
	// V8 alone waits for its allocation-rate samples of the load to age out: more than 15 s.
	expect(unwatched.heap, JSON.stringify(unwatched)).toBeGreaterThan(unwatched.grown / 2)
}, 90_000)

test('the setting is on only while no request comes: the next request clears it', async () => {
	const server = http.createServer((request, response) => response.end('ok'))
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	const idle = giveMemoryBackWhenIdle(server, { idleMs: 200 })
	try {
		expect(idle.giving()).toBe(false)
		await sleep(600)
		expect(idle.giving()).toBe(true)
		await (await fetch(origin, { headers: { Connection: 'close' } })).text()
		expect(idle.giving()).toBe(false)
		// Requests more often than idleMs keep it off.
		for (let i = 0; i < 3; i++) {
			await (await fetch(origin, { headers: { Connection: 'close' } })).text()
			await sleep(100)
			expect(idle.giving()).toBe(false)
		}
	} finally {
		idle.stop()
		await new Promise((resolve) => server.close(resolve))
	}
})
