import { describe, expect, test } from 'vitest'
import { createSharedRead } from './shared-read.ts'

/** A read whose results the test releases one at a time; each returns how many reads had started. */
function controlledRead() {
	const pending: Array<() => void> = []
	let started = 0
	const read = () => {
		const n = ++started
		return new Promise<number>((resolve) => pending.push(() => resolve(n)))
	}
	const releaseNext = async () => {
		pending.shift()!()
		// Let the promise reactions (and any read they start) run.
		await new Promise((r) => setImmediate(r))
	}
	return { read, releaseNext, started: () => started }
}

describe('createSharedRead', () => {
	test('a caller alone gets its own read', async () => {
		const c = controlledRead()
		const shared = createSharedRead(c.read)
		const first = shared('course')
		await c.releaseNext()
		expect(await first).toBe(1)
		const second = shared('course')
		await c.releaseNext()
		expect(await second).toBe(2)
	})

	test('callers arriving during a read share the next one, never the one already running', async () => {
		const c = controlledRead()
		const shared = createSharedRead(c.read)
		const early = shared('course')
		const late = Array.from({ length: 15 }, () => shared('course'))
		expect(c.started()).toBe(1)
		await c.releaseNext() // the read that began before the late callers arrived
		expect(await early).toBe(1)
		expect(c.started()).toBe(2) // one more read for all fifteen
		const later = shared('course') // arrives while read 2 runs: waits for read 3
		await c.releaseNext()
		expect(await Promise.all(late)).toEqual(Array(15).fill(2))
		await c.releaseNext()
		expect(await later).toBe(3)
		expect(c.started()).toBe(3)
	})

	test('keys do not share reads', async () => {
		const c = controlledRead()
		const shared = createSharedRead(c.read)
		const a = shared('a')
		const b = shared('b')
		expect(c.started()).toBe(2)
		await c.releaseNext()
		await c.releaseNext()
		expect([await a, await b]).toEqual([1, 2])
	})

	test('a failed read fails its callers only; the next caller reads again', async () => {
		let calls = 0
		const shared = createSharedRead(async () => {
			calls++
			if (calls === 1) throw new Error('connection lost')
			return calls
		})
		await expect(shared('course')).rejects.toThrow('connection lost')
		expect(await shared('course')).toBe(2)
	})
})
