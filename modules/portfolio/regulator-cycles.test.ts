import { describe, expect, test } from 'vitest'
import { addToIsoDate, hoursDecimal, isRealIsoDate, londonToday, ukShortDate } from './cpd-dates.ts'
import { regulatorCycle } from './regulator-cycles.ts'

describe('regulatorCycle', () => {
	test('NMC: the three years up to today, 35 hours with 20 participatory', () => {
		expect(regulatorCycle({ body: 'NMC', today: '2026-11-21' })).toMatchObject({
			start: '2023-11-22',
			end: '2026-11-21',
			targets: { minutes: 35 * 60, participatoryMinutes: 20 * 60 },
		})
	})

	test('HCPC: the last two years, no hour target', () => {
		expect(regulatorCycle({ body: 'HCPC', today: '2026-11-21' })).toMatchObject({
			start: '2024-11-22',
			end: '2026-11-21',
			targets: {},
		})
	})

	test.each([
		['2026-11-30', '2025-12-01', '2026-11-30', 'Registration year 2025–26'],
		['2026-12-01', '2026-12-01', '2027-11-30', 'Registration year 2026–27'],
		['2027-01-15', '2026-12-01', '2027-11-30', 'Registration year 2026–27'],
	])('Social Work England on %s: the registration year from 1 December', (today, start, end, periodLabel) => {
		expect(regulatorCycle({ body: 'SWE', today })).toMatchObject({ start, end, periodLabel, targets: { records: 2 } })
	})

	test.each([
		['TEACHER', '2026-08-31', '2025-09-01', '2026-08-31'],
		['TEACHER', '2026-09-01', '2026-09-01', '2027-08-31'],
		['OTHER', '2027-02-10', '2026-09-01', '2027-08-31'],
		[null, '2027-02-10', '2026-09-01', '2027-08-31'],
	] as const)('%s on %s: the academic year', (body, today, start, end) => {
		expect(regulatorCycle({ body, today })).toMatchObject({ start, end })
	})
})

describe('CPD dates', () => {
	test('today is the UK date, not the UTC one', () => {
		// 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
		expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
		expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31')
	})

	test('real dates only', () => {
		expect(isRealIsoDate('2024-02-29')).toBe(true)
		expect(isRealIsoDate('2026-02-29')).toBe(false)
		expect(isRealIsoDate('2026-13-01')).toBe(false)
		expect(isRealIsoDate('21/11/2026')).toBe(false)
	})

	test('arithmetic, UK short dates and decimal hours', () => {
		expect(addToIsoDate('2024-02-29', { years: -3, days: 1 })).toBe('2021-03-02')
		expect(ukShortDate('2026-03-04')).toBe('04/03/2026')
		expect(hoursDecimal(150)).toBe('2.5')
		expect(hoursDecimal(45)).toBe('0.75')
		expect(hoursDecimal(2100)).toBe('35')
	})
})
