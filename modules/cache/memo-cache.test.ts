import { describe, expect, test } from 'vitest'
import { createMemoCache } from './memo-cache.ts'

function setup({ ttlMs = 1000, maxEntries = 3 } = {}) {
	let clock = 0
	const cache = createMemoCache<string>({ ttlMs, maxEntries, now: () => clock })
	let calls = 0
	const compute = (value: string) => async () => {
		calls++
		return value
	}
	return {
		cache,
		compute,
		calls: () => calls,
		advance: (ms: number) => void (clock += ms),
	}
}

describe('createMemoCache', () => {
	test('computes once, then serves the cached value while it is fresh', async () => {
		const { cache, compute, calls, advance } = setup()
		expect(await cache.get('a', compute('first'))).toBe('first')
		advance(999)
		expect(await cache.get('a', compute('second'))).toBe('first')
		expect(calls()).toBe(1)
		advance(1)
		expect(await cache.get('a', compute('third'))).toBe('third')
		expect(calls()).toBe(2)
	})

	test('a different stamp (the data changed) recomputes at once', async () => {
		const { cache, compute, calls } = setup()
		await cache.get('a', compute('v1'), { stamp: 1 })
		expect(await cache.get('a', compute('v1 again'), { stamp: 1 })).toBe('v1')
		expect(await cache.get('a', compute('v2'), { stamp: 2 })).toBe('v2')
		expect(calls()).toBe(2)
	})

	test('concurrent misses share one computation', async () => {
		const { cache } = setup()
		let calls = 0
		let release!: (v: string) => void
		const slow = () => {
			calls++
			return new Promise<string>((resolve) => (release = resolve))
		}
		const waiting = Array.from({ length: 16 }, () => cache.get('report', slow))
		release('done')
		expect(await Promise.all(waiting)).toEqual(Array(16).fill('done'))
		expect(calls).toBe(1)
	})

	test('a failure is not cached: the next call tries again', async () => {
		const { cache, compute } = setup()
		await expect(cache.get('a', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone')
		expect(cache.size).toBe(0)
		expect(await cache.get('a', compute('recovered'))).toBe('recovered')
	})

	test('holds at most maxEntries, dropping the least recently used', async () => {
		const { cache, compute, calls } = setup({ maxEntries: 2 })
		await cache.get('a', compute('a'))
		await cache.get('b', compute('b'))
		await cache.get('a', compute('a again')) // a is now the most recently used
		await cache.get('c', compute('c')) // pushes out b
		expect(cache.size).toBe(2)
		expect(await cache.get('a', compute('a recomputed'))).toBe('a')
		expect(await cache.get('b', compute('b recomputed'))).toBe('b recomputed')
		expect(calls()).toBe(4)
	})

	test('clear(prefix) forgets only the matching keys', async () => {
		const { cache, compute } = setup({ maxEntries: 10 })
		await cache.get('org-1:all', compute('1'))
		await cache.get('org-1:course', compute('1c'))
		await cache.get('org-2:all', compute('2'))
		cache.clear('org-1:')
		expect(cache.size).toBe(1)
		expect(await cache.get('org-2:all', compute('recomputed'))).toBe('2')
		cache.clear()
		expect(cache.size).toBe(0)
	})
})
