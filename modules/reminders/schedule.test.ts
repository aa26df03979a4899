import { describe, expect, test } from 'vitest'
import { isoWeek, reachedInterval, reachedNudge } from './schedule.ts'

describe('reachedInterval', () => {
	const days = [30, 7, 1]
	test('names the nearest interval reached, nothing before the first, and "passed" from the day after', () => {
		expect(reachedInterval({ date: '2027-01-31', today: '2026-12-31', days })).toBe(null) // 31 days left
		expect(reachedInterval({ date: '2027-01-31', today: '2027-01-01', days })).toBe(30)
		expect(reachedInterval({ date: '2027-01-31', today: '2027-01-23', days })).toBe(30) // 8 left
		expect(reachedInterval({ date: '2027-01-31', today: '2027-01-24', days })).toBe(7)
		// A late scan (or an assignment with 5 days to go) sends the nearest reminder, not every one passed.
		expect(reachedInterval({ date: '2027-01-31', today: '2027-01-26', days })).toBe(7)
		expect(reachedInterval({ date: '2027-01-31', today: '2027-01-30', days })).toBe(1)
		expect(reachedInterval({ date: '2027-01-31', today: '2027-01-31', days })).toBe(1) // due today
		expect(reachedInterval({ date: '2027-01-31', today: '2027-02-01', days })).toBe('passed')
	})

	test('an empty list of intervals sends nothing before the date', () => {
		expect(reachedInterval({ date: '2027-01-31', today: '2027-01-30', days: [] })).toBe(null)
	})
})

describe('reachedNudge', () => {
	test('14 days after the last visit, then 30', () => {
		expect(reachedNudge({ lastActiveOn: '2026-12-01', today: '2026-12-14' })).toBe(null)
		expect(reachedNudge({ lastActiveOn: '2026-12-01', today: '2026-12-15' })).toBe(14)
		expect(reachedNudge({ lastActiveOn: '2026-12-01', today: '2026-12-30' })).toBe(14)
		expect(reachedNudge({ lastActiveOn: '2026-12-01', today: '2026-12-31' })).toBe(30)
	})
})

describe('isoWeek', () => {
	test('ISO 8601 weeks, across the turn of a year', () => {
		expect(isoWeek('2026-12-07')).toBe('2026-W50') // a Monday
		expect(isoWeek('2026-12-13')).toBe('2026-W50') // its Sunday
		expect(isoWeek('2026-12-14')).toBe('2026-W51')
		expect(isoWeek('2027-01-01')).toBe('2026-W53') // a Friday in 2026's last week
		expect(isoWeek('2027-01-04')).toBe('2027-W01')
		expect(isoWeek('2024-12-30')).toBe('2025-W01')
	})
})
