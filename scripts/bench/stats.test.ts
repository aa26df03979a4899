import { describe, expect, test } from 'vitest'
import {
	compareInstructionCounts,
	compareRatios,
	growth,
	median,
	parseArgs,
	percentile,
	ratio,
	table,
} from './stats.ts'

describe('median', () => {
	test('the middle value of an odd count, the mean of the middle two of an even count', () => {
		expect(median([5, 1, 3])).toBe(3)
		expect(median([4, 1, 3, 2])).toBe(2.5)
		expect(median([7])).toBe(7)
	})
	test('NaN for no values, and the input is not reordered', () => {
		expect(median([])).toBeNaN()
		const runs = [3, 1, 2]
		median(runs)
		expect(runs).toEqual([3, 1, 2])
	})
})

describe('percentile (nearest rank)', () => {
	const hundred = Array.from({ length: 100 }, (_, i) => 100 - i) // 100 … 1, unsorted on purpose
	test('p50 and p99 of 1…100', () => {
		expect(percentile(hundred, 50)).toBe(50)
		expect(percentile(hundred, 99)).toBe(99)
		expect(percentile(hundred, 100)).toBe(100)
	})
	test('p0 is the smallest value; small samples round the rank up', () => {
		expect(percentile([10, 20, 30], 0)).toBe(10)
		expect(percentile([10, 20, 30], 50)).toBe(20)
		expect(percentile([10, 20, 30], 99)).toBe(30)
	})
	test('rejects impossible percentiles and gives NaN for no values', () => {
		expect(() => percentile([1], 101)).toThrow(RangeError)
		expect(percentile([], 50)).toBeNaN()
	})
})

describe('ratio and growth', () => {
	test('ratio divides, and is NaN against zero or a missing figure', () => {
		expect(ratio(250, 1000)).toBe(0.25)
		expect(ratio(1, 0)).toBeNaN()
		expect(ratio(Number.NaN, 2)).toBeNaN()
	})
	test('growth is last minus first', () => {
		expect(growth([100, 120, 110])).toBe(10)
		expect(growth([100])).toBe(0)
	})
})

describe('compareRatios', () => {
	const baseline = { 'L4/L0': 0.2, 'L2/L0': 0.5, 'prisma/pg': 0.8 }

	test('a ratio more than 10% below the baseline is a regression', () => {
		const { rows, regressed } = compareRatios(baseline, { 'L4/L0': 0.17, 'L2/L0': 0.5, 'prisma/pg': 0.8 })
		expect(regressed).toBe(true)
		expect(rows.find((r) => r.name === 'L4/L0')).toMatchObject({ status: 'regressed', current: 0.17 })
		expect(rows.find((r) => r.name === 'L4/L0')!.change).toBeCloseTo(-0.15)
	})

	test('a named ratio may be given a wider tolerance; the others keep the default', () => {
		const current = { 'L4/L0': 0.15, 'L2/L0': 0.44, 'prisma/pg': 0.8 }
		const { rows, regressed } = compareRatios(baseline, current, 0.1, { 'L4/L0': 0.3 })
		expect(rows.find((r) => r.name === 'L4/L0')!.status).toBe('ok') // -25% within 30%
		expect(rows.find((r) => r.name === 'L2/L0')!.status).toBe('regressed') // -12% beyond 10%
		expect(regressed).toBe(true)
	})

	test('exactly 10% lower, or any rise, is fine', () => {
		const { rows, regressed } = compareRatios(baseline, { 'L4/L0': 0.18, 'L2/L0': 0.9, 'prisma/pg': 0.72 })
		expect(regressed).toBe(false)
		expect(rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok'])
	})

	test('a ratio this run did not measure is reported as missing without failing', () => {
		const { rows, regressed } = compareRatios(baseline, { 'L4/L0': 0.2, 'L2/L0': 0.5 })
		expect(regressed).toBe(false)
		expect(rows.find((r) => r.name === 'prisma/pg')).toMatchObject({ status: 'missing', current: null })
	})

	test('the tolerance can be changed', () => {
		expect(compareRatios({ a: 1 }, { a: 0.96 }, 0.05).regressed).toBe(false)
		expect(compareRatios({ a: 1 }, { a: 0.94 }, 0.05).regressed).toBe(true)
	})
})

describe('compareInstructionCounts', () => {
	const baseline = { L4: 30e6, dashboard: 40e6 }

	test('a count more than the tolerance above the baseline is a regression; a fall never is', () => {
		const { rows, regressed } = compareInstructionCounts(baseline, { L4: 33e6, dashboard: 20e6 }, 0.08)
		expect(regressed).toBe(true)
		expect(rows.find((r) => r.name === 'L4')).toMatchObject({ status: 'regressed', current: 33e6 })
		expect(rows.find((r) => r.name === 'L4')!.change).toBeCloseTo(0.1)
		expect(rows.find((r) => r.name === 'dashboard')!.status).toBe('ok')
	})

	test('exactly the tolerance above is fine, and a level this run did not count is missing', () => {
		const { rows, regressed } = compareInstructionCounts(baseline, { L4: 30e6 * 1.08 }, 0.08)
		expect(regressed).toBe(false)
		expect(rows.map((r) => r.status)).toEqual(['ok', 'missing'])
	})
})

describe('parseArgs', () => {
	test('reads the flags, with file names as a separate word or after =', () => {
		expect(parseArgs(['--quick', '--compare', 'base.json'])).toEqual({
			quick: true,
			scale: false,
			processes: false,
			instructions: false,
			compare: 'base.json',
			write: null,
		})
		expect(parseArgs(['--scale', '--write=out.json'])).toEqual({
			quick: false,
			scale: true,
			processes: false,
			instructions: false,
			compare: null,
			write: 'out.json',
		})
	})
	test('--processes asks for the two-processes-against-one comparison', () => {
		expect(parseArgs(['--processes', '--quick'])).toMatchObject({ processes: true, quick: true })
	})
	test('--instructions asks for the instruction counts only', () => {
		expect(parseArgs(['--instructions', '--compare', 'b.json'])).toMatchObject({
			instructions: true,
			compare: 'b.json',
		})
	})
	test('refuses an unknown flag or a missing file name', () => {
		expect(() => parseArgs(['--fast'])).toThrow(/Unknown option/)
		expect(() => parseArgs(['--compare'])).toThrow(/needs a file name/)
	})
})

describe('table', () => {
	test('pads text left-aligned and numbers right-aligned under a rule', () => {
		expect(
			table(
				['page', 'req/s'],
				[
					['lesson', 120],
					['catalogue', 9],
				],
			).split('\n'),
		).toEqual(['page       req/s', '---------  -----', 'lesson       120', 'catalogue      9'])
	})
})
