import { describe, expect, test } from 'vitest'
import { describeUserAgent, formatUkDateTime, partialIpAddress } from './user-agent.ts'

describe('describeUserAgent', () => {
	test.each([
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
			'Chrome on Windows',
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
			'Edge on Windows',
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
			'Safari on iPhone',
		],
		['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
		['curl/8.5.0', 'Unknown browser'],
		[null, 'Unknown browser'],
	])('%s', (ua, expected) => {
		expect(describeUserAgent(ua)).toBe(expected)
	})
})

test('partialIpAddress shows only the start of an address', () => {
	expect(partialIpAddress('81.2.69.142')).toBe('81.2.x.x')
	expect(partialIpAddress('::ffff:10.1.2.3')).toBe('10.1.x.x')
	expect(partialIpAddress('2001:db8:85a3:0:0:8a2e:370:7334')).toBe('2001:db8:85a3:…')
	expect(partialIpAddress(null)).toBeNull()
	expect(partialIpAddress('::1')).toBe('this computer')
})

test('formatUkDateTime is in UK time (BST in summer)', () => {
	expect(formatUkDateTime(new Date('2026-07-01T12:05:00Z'))).toBe('1 July 2026 at 13:05')
	expect(formatUkDateTime(new Date('2026-12-05T21:46:00Z'))).toBe('5 December 2026 at 21:46')
})
