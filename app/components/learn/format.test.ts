import { describe, expect, test } from 'vitest'
import { formatClock, formatTimeSpent } from './format.ts'

describe('formatTimeSpent', () => {
	test('hours and minutes, the way the dashboard shows them', () => {
		expect(formatTimeSpent(0)).toBe('0 min')
		expect(formatTimeSpent(45)).toBe('Under a minute')
		expect(formatTimeSpent(12 * 60 + 30)).toBe('12 min')
		expect(formatTimeSpent(3600)).toBe('1 h')
		expect(formatTimeSpent(80 * 60)).toBe('1 h 20 min')
	})
})

describe('formatClock', () => {
	test('minutes and seconds, with hours only when there are any, never rounded up', () => {
		expect(formatClock(0)).toBe('0:00')
		expect(formatClock(7.9)).toBe('0:07')
		expect(formatClock(245)).toBe('4:05')
		expect(formatClock(3729)).toBe('1:02:09')
		expect(formatClock(-3)).toBe('0:00')
	})
})
