import { describe, expect, test } from 'vitest'
import { certificateValidUntil, courseValidityMonths } from './validity.ts'

describe('courseValidityMonths', () => {
	test('a course’s own validity wins, even on a refresher', () => {
		expect(courseValidityMonths({ validityMonths: 6, refresherFor: [{ validityMonths: 36 }] })).toBe(6)
	})

	test('a refresher without its own takes the validity of the course it refreshes', () => {
		expect(courseValidityMonths({ validityMonths: null, refresherFor: [{ validityMonths: 12 }] })).toBe(12)
		expect(
			certificateValidUntil(
				new Date('2026-12-06T10:00:00Z'),
				courseValidityMonths({ validityMonths: null, refresherFor: [{ validityMonths: 12 }] }),
			)?.toISOString(),
		).toBe('2027-12-05T00:00:00.000Z')
	})

	test('refreshing several courses, the shortest validity; refreshing only courses that never expire, never', () => {
		expect(
			courseValidityMonths({
				validityMonths: null,
				refresherFor: [{ validityMonths: 36 }, { validityMonths: null }, { validityMonths: 12 }],
			}),
		).toBe(12)
		expect(courseValidityMonths({ validityMonths: null, refresherFor: [{ validityMonths: null }] })).toBeNull()
		expect(courseValidityMonths({ validityMonths: null, refresherFor: [] })).toBeNull()
	})
})
