import { expect, test } from 'vitest'
import {
	cpdHoursProblem,
	explainCpdHours,
	formatCpdHours,
	formatDuration,
	learningMinutes,
	minimumCpdMinutes,
} from './cpd-hours.ts'

test('the least CPD a course may claim is its lessons’ time rounded up to the quarter hour', () => {
	expect(learningMinutes([{ estimatedMinutes: 38 }, { estimatedMinutes: 60 }])).toBe(98)
	expect(minimumCpdMinutes(98)).toBe(105)
	expect(minimumCpdMinutes(90)).toBe(90)
	expect(minimumCpdMinutes(91)).toBe(105)
	// A course is never worth less than a quarter hour, even with no lessons yet.
	expect(minimumCpdMinutes(0)).toBe(15)
})

test('a figure below the lessons’ time, or not in quarter hours, is a problem that names the hours to enter', () => {
	expect(cpdHoursProblem({ cpdMinutes: 105, learning: 98 })).toBeNull()
	expect(cpdHoursProblem({ cpdMinutes: 180, learning: 98 })).toBeNull()
	expect(cpdHoursProblem({ cpdMinutes: 90, learning: 98 })).toBe(
		'The lessons add up to 1 hr 38 min, so the CPD hours must be at least 1.75 (their time rounded up to the quarter hour).',
	)
	expect(cpdHoursProblem({ cpdMinutes: 100, learning: 98 })).toBe(
		'Give the CPD hours in quarter hours (for example 1.75).',
	)
})

test('one way to say CPD hours and lesson time', () => {
	expect(formatCpdHours(105)).toBe('1.75 CPD hours')
	expect(formatCpdHours(60)).toBe('1 CPD hour')
	expect(formatCpdHours(200)).toBe('3.33 CPD hours')
	expect(formatDuration(98)).toBe('1 hr 38 min')
	expect(formatDuration(120)).toBe('2 hr')
})

test('the course page explains the CPD figure beside the lessons’ time', () => {
	expect(explainCpdHours({ cpdMinutes: 105, learning: 98 })).toBe(
		'1 hr 38 min of lessons, rounded up to the quarter hour',
	)
	expect(explainCpdHours({ cpdMinutes: 90, learning: 90 })).toBe('1 hr 30 min of lessons')
	expect(explainCpdHours({ cpdMinutes: 150, learning: 98 })).toBe(
		'1 hr 38 min of lessons, and time for reflection and practice beyond them',
	)
})
