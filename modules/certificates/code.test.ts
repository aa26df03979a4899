import { describe, expect, test } from 'vitest'
import { CERTIFICATE_CODE_PATTERN, generateCertificateCode, normaliseCertificateCode } from './code.ts'

describe('generateCertificateCode', () => {
	test('makes CIRC- and four groups of four Crockford base32 characters', () => {
		for (let i = 0; i < 200; i++) expect(generateCertificateCode()).toMatch(CERTIFICATE_CODE_PATTERN)
	})

	test('never uses the ambiguous letters I, L, O or U', () => {
		const bodies = Array.from({ length: 500 }, () => generateCertificateCode().slice(5))
		expect(bodies.join('')).not.toMatch(/[ILOU]/)
	})

	test('carries 80 random bits: 10,000 codes are all different and use the whole alphabet', () => {
		const codes = new Set(Array.from({ length: 10_000 }, () => generateCertificateCode()))
		expect(codes.size).toBe(10_000)
		const seen = new Set([...codes].join('').replaceAll('CIRC', '').replaceAll('-', ''))
		expect(seen.size).toBe(32)
	})
})

describe('normaliseCertificateCode', () => {
	const canonical = 'CIRC-7KQ2-M9XD-4TPA-Q3HZ'
	test.each([
		canonical,
		'circ-7kq2-m9xd-4tpa-q3hz',
		'  CIRC 7KQ2 M9XD 4TPA Q3HZ  ',
		'CIRC7KQ2M9XD4TPAQ3HZ',
		'7KQ2-M9XD-4TPA-Q3HZ',
		'7kq2m9xd4tpaq3hz',
		'CIRC–7KQ2–M9XD–4TPA–Q3HZ',
		'https://circle.example.org/verify/CIRC-7KQ2-M9XD-4TPA-Q3HZ',
		'CIRC-7KQ2-M9XD-4TPA-Q3HZ.json',
	])('reads %j as the canonical code', (input) => {
		expect(normaliseCertificateCode(input)).toBe(canonical)
	})

	test('maps the look-alikes O to 0 and I or L to 1, as Crockford intends', () => {
		expect(normaliseCertificateCode('CIRC-OOOO-IIII-LLLL-0000')).toBe('CIRC-0000-1111-1111-0000')
	})

	test.each([
		'',
		'CIRC',
		'CIRC-7KQ2-M9XD-4TPA',
		'CIRC-7KQ2-M9XD-4TPA-Q3HZ-AAAA',
		'CIRC-7KQ2-M9XD-4TPA-Q3HU',
		'CIRC-7KQ2-M9XD-4TPA-Q3H!',
		'\'; DROP TABLE "Certificate"; --',
		'x'.repeat(5000),
	])('refuses %j', (input) => {
		expect(normaliseCertificateCode(input)).toBeNull()
	})
})
