import { describe, expect, test } from 'vitest'
import { ProfileSchema } from '#modules/auth/schemas.ts'
import { ReadingContentSchema } from '#modules/authoring/schemas.ts'
import { CpdEntrySchema } from '#modules/portfolio/schemas.ts'
import { CONTROL_CHARACTER_MESSAGE, multilineText, searchTerm, singleLineText } from './text.ts'

describe('singleLineText', () => {
	const name = singleLineText().min(1, 'Enter your name').max(10, 'Too long')
	test.each(['a\0b', 'a\u0007b', 'a\nb', 'a\tb', 'a\u007Fb'])('refuses %j with a clear message', (value) => {
		expect(name.safeParse(value).error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTER_MESSAGE])
	})
	test('trims first, so a pasted trailing line break is fine, and keeps the other rules', () => {
		expect(name.parse('  Siân 🙂\n')).toBe('Siân 🙂')
		expect(name.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('Too long')
	})
})

describe('multilineText', () => {
	const body = multilineText().max(100)
	test('allows tabs and line breaks, refuses NUL and the other control characters', () => {
		expect(body.parse('one\r\n\ttwo')).toBe('one\r\n\ttwo')
		expect(body.safeParse('one\0two').error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE)
		expect(body.safeParse('bell\u0007').success).toBe(false)
	})
})

describe('searchTerm', () => {
	test('drops control characters, trims and caps the length', () => {
		expect(searchTerm(' a\0b\u0001 ')).toBe('ab')
		expect(searchTerm('\0')).toBe('')
		expect(searchTerm(null)).toBe('')
		expect(searchTerm('x'.repeat(300))).toHaveLength(200)
		expect(searchTerm('x'.repeat(300), 100)).toHaveLength(100)
	})
})

describe('the schemas use it', () => {
	test('a profile name with a NUL byte is refused beside the name field', () => {
		const result = ProfileSchema.safeParse({ name: 'Ann\0' })
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['name', CONTROL_CHARACTER_MESSAGE],
		])
	})
	test('Markdown keeps its line breaks but not a NUL byte', () => {
		const reading = { title: 'Reading', estimatedMinutes: 5 }
		expect(ReadingContentSchema.safeParse({ ...reading, markdown: '# A\n\n\tB' }).success).toBe(true)
		expect(ReadingContentSchema.safeParse({ ...reading, markdown: '# A\0' }).success).toBe(false)
	})
	test('a CPD reflection with a NUL byte is refused', () => {
		const entry = { method: 'Reading', title: 'Read', date: '2026-01-05', hours: 1 }
		expect(CpdEntrySchema.safeParse({ ...entry, reflection: 'Line one\nLine two' }).success).toBe(true)
		const refused = CpdEntrySchema.safeParse({ ...entry, reflection: 'x\0' })
		expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['reflection'])
	})
})
