import { describe, expect, test } from 'vitest'
import { normaliseRanges, subtractRanges, takeFirstSeconds, totalSeconds } from './watched-ranges.ts'

describe('watched ranges', () => {
	test('normalising sorts, clamps to the video and merges overlaps', () => {
		expect(
			normaliseRanges(
				[
					[50, 70],
					[-5, 10],
					[8, 20],
					[95, 130],
					[30, 30],
				],
				100,
			),
		).toEqual([
			[0, 20],
			[50, 70],
			[95, 100],
		])
	})

	test('ranges that meet end to end (within half a second) join up', () => {
		expect(
			normaliseRanges(
				[
					[0, 10],
					[10.2, 20],
				],
				100,
			),
		).toEqual([[0, 20]])
	})

	test('total length counts overlapping seconds once', () => {
		expect(
			totalSeconds(
				normaliseRanges(
					[
						[0, 10],
						[5, 15],
						[0, 10],
					],
					100,
				),
			),
		).toBe(15)
	})

	test('subtracting leaves only what is new', () => {
		expect(
			subtractRanges(
				[[0, 30]],
				[
					[5, 10],
					[20, 25],
				],
			),
		).toEqual([
			[0, 5],
			[10, 20],
			[25, 30],
		])
		expect(subtractRanges([[5, 8]], [[0, 10]])).toEqual([])
	})

	test('taking the first N seconds clamps across ranges', () => {
		expect(
			takeFirstSeconds(
				[
					[0, 5],
					[10, 30],
				],
				12,
			),
		).toEqual([
			[0, 5],
			[10, 17],
		])
	})
})
