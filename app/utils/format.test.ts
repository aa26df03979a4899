import { describe, expect, test } from 'vitest'
import {
	formatCoursePrice,
	formatCpdHours,
	formatDate,
	formatDuration,
	formatPrice,
	markdownToTextBlocks,
	parseSector,
	sectorSlug,
} from './format.ts'

describe('format', () => {
	test('prices in pounds sterling, with free courses called Free', () => {
		expect(formatPrice(4900)).toBe('£49.00')
		expect(formatPrice(123456)).toBe('£1,234.56')
		expect(formatCoursePrice(0)).toBe('Free')
		expect(formatCoursePrice(4900)).toBe('£49.00')
	})

	test('dates as a UK reader writes them, in UK time', () => {
		expect(formatDate(new Date('2026-11-21T12:00:00Z'))).toBe('21 November 2026')
		// 23:30 UTC on 30 June is already 1 July in London (BST).
		expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 July 2026')
	})

	test('CPD hours from minutes', () => {
		expect(formatCpdHours(150)).toBe('2.5 CPD hours')
		expect(formatCpdHours(60)).toBe('1 CPD hour')
		expect(formatCpdHours(45)).toBe('0.75 CPD hours')
		expect(formatCpdHours(600)).toBe('10 CPD hours')
		expect(formatCpdHours(200)).toBe('3.33 CPD hours')
	})

	test('durations', () => {
		expect(formatDuration(45)).toBe('45 min')
		expect(formatDuration(60)).toBe('1 hr')
		expect(formatDuration(135)).toBe('2 hr 15 min')
	})

	test('sectors round-trip through URLs, in either spelling', () => {
		expect(sectorSlug('HEALTH_SOCIAL_CARE')).toBe('health-social-care')
		expect(parseSector('health-social-care')).toBe('HEALTH_SOCIAL_CARE')
		expect(parseSector('SCHOOLS')).toBe('SCHOOLS')
		expect(parseSector('space')).toBeNull()
		expect(parseSector('')).toBeNull()
		expect(parseSector(null)).toBeNull()
	})

	test('Markdown becomes plain text blocks, never markup', () => {
		const blocks = markdownToTextBlocks(
			'## Who it is for\n\nStaff in **schools** and [colleges](https://example.org).\n\n- One\n- Two _points_\n\n<script>alert(1)</script>',
		)
		expect(blocks).toEqual([
			{ kind: 'heading', text: 'Who it is for' },
			{ kind: 'paragraph', text: 'Staff in schools and colleges.' },
			{ kind: 'list', items: ['One', 'Two points'] },
			// Left as text: React escapes it when rendering.
			{ kind: 'paragraph', text: '<script>alert(1)</script>' },
		])
	})
})
