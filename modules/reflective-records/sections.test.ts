import { describe, expect, test } from 'vitest'
import { recordSections } from './sections.ts'

describe('a record under its form’s questions', () => {
	const record = { kind: 'NMC_FEEDBACK' as const, fields: { summary: 'Kind words', source: 'A patient', response: '' } }

	test('the exports get the regulator’s English, in the form’s order, unanswered questions left out', () => {
		expect(recordSections(record)).toEqual([
			{ key: 'source', heading: 'Source of the feedback', text: 'A patient' },
			{ key: 'summary', heading: 'What the feedback said', text: 'Kind words' },
		])
	})

	test('the page gets the questions in the reader’s language; the answers are untouched', () => {
		expect(recordSections(record, 'cy')).toEqual([
			{ key: 'source', heading: 'Ffynhonnell yr adborth', text: 'A patient' },
			{ key: 'summary', heading: 'Beth a ddywedodd yr adborth', text: 'Kind words' },
		])
	})
})
