import { describe, expect, test } from 'vitest'
import { formatTimeSpent } from './format.ts'

describe('formatTimeSpent', () => {
	test('hours and minutes, the way the dashboard shows them', () => {
		expect(formatTimeSpent(0)).toBe('0 min')
		expect(formatTimeSpent(45)).toBe('Under a minute')
		expect(formatTimeSpent(12 * 60 + 30)).toBe('12 min')
		expect(formatTimeSpent(3600)).toBe('1 h')
		expect(formatTimeSpent(80 * 60)).toBe('1 h 20 min')
	})
})
