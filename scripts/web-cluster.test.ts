import { expect, test } from 'vitest'
import { respawnDelayMs } from './web-cluster.ts'

test('a worker that dies again and again is replaced ever more slowly, at most every 30 seconds', () => {
	expect([0, 1, 2, 3, 4, 7, 8, 20].map(respawnDelayMs)).toEqual([0, 500, 1000, 2000, 4000, 30_000, 30_000, 30_000])
})
