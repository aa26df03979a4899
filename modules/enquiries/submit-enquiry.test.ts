import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { closeThrottles, consumeThrottle, THROTTLES } from '#modules/security/throttle.ts'
import { EnquirySchema } from './schemas.ts'
import { submitEnquiry } from './submit-enquiry.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
})

let n = 0
function unique(prefix: string) {
	n += 1
	return `${prefix}-${Date.now().toString(36)}-${n}-${Math.random().toString(36).slice(2, 7)}`
}
const uniqueIp = () => `test-ip-${unique('ip')}`
const uniqueEmail = () => `${unique('sender')}@example.org`

function validEnquiry(overrides: Record<string, unknown> = {}) {
	return {
		name: 'Aisha Rahman',
		email: uniqueEmail(),
		organisationName: 'Northfield Primary School',
		sector: 'SCHOOLS' as const,
		staffCount: 45,
		message: 'We would like restorative practice training for our whole staff team next term.',
		...overrides,
	}
}

describe('EnquirySchema', () => {
	test('accepts a full enquiry and normalises the email', () => {
		const result = EnquirySchema.safeParse(validEnquiry({ email: '  Aisha@Example.ORG ' }))
		expect(result.success).toBe(true)
		expect(result.data?.email).toBe('aisha@example.org')
	})

	test('accepts an enquiry without the optional fields', () => {
		const result = EnquirySchema.safeParse({ name: 'Sam', email: 'sam@example.org', message: 'x'.repeat(20) })
		expect(result.success).toBe(true)
	})

	test.each([
		['name', { name: '  ' }, 'Enter your name'],
		['email', { email: 'not-an-email' }, 'Enter an email address in the correct format, like name@example.org'],
		['sector', { sector: 'SPACE' }, 'Choose a sector from the list'],
		['sector', { sector: 'FOUNDATIONS' }, 'Choose a sector from the list'],
		['staffCount', { staffCount: 0 }, 'The number of staff must be at least 1'],
		['staffCount', { staffCount: 100_001 }, 'The number of staff must be 100,000 or fewer'],
		['staffCount', { staffCount: 2.5 }, 'Enter the number of staff as a whole number, like 40'],
		['message', { message: 'Too short' }, 'Your message must be at least 20 characters'],
		['message', { message: 'x'.repeat(5001) }, 'Your message must be 5,000 characters or fewer'],
	])('rejects a bad %s', (field, overrides, message) => {
		const result = EnquirySchema.safeParse(validEnquiry(overrides))
		expect(result.success).toBe(false)
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[field, message]])
	})
})

describe('submitEnquiry', () => {
	test('stores the enquiry and queues an email to each platform admin in the same go', async () => {
		const admin = await prisma.user.create({
			data: { email: `${unique('admin')}@example.org`, name: 'Admin', role: 'ADMIN' },
			select: { email: true },
		})
		const input = validEnquiry()
		const { id } = await submitEnquiry({ enquiry: input, ipAddress: uniqueIp() })

		const row = await prisma.enquiry.findUniqueOrThrow({ where: { id } })
		expect(row).toMatchObject({
			name: 'Aisha Rahman',
			email: input.email,
			organisationName: 'Northfield Primary School',
			sector: 'SCHOOLS',
			staffCount: 45,
			message: input.message,
			handledAt: null,
		})
		const emails = await prisma.emailMessage.findMany({
			where: { to: admin.email, template: 'enquiry-received' },
			select: { subject: true, text: true },
		})
		expect(emails).toHaveLength(1)
		expect(emails[0]?.subject).toBe('New enquiry from Aisha Rahman, Northfield Primary School')
		expect(emails[0]?.text).toContain(input.email)
	})

	test('stores empty optional fields as null', async () => {
		const input = { name: 'Sam Okoye', email: uniqueEmail(), message: 'Could we talk about training for our team?' }
		const { id } = await submitEnquiry({ enquiry: input, ipAddress: uniqueIp() })
		const row = await prisma.enquiry.findUniqueOrThrow({ where: { id } })
		expect(row).toMatchObject({ organisationName: null, sector: null, staffCount: null })
	})

	test('rejects invalid input without storing anything', async () => {
		const email = uniqueEmail()
		await expect(
			submitEnquiry({ enquiry: validEnquiry({ email, message: 'short' }), ipAddress: uniqueIp() }),
		).rejects.toMatchObject({ kind: 'invalid', code: 'INVALID_ENQUIRY', field: 'message' })
		expect(await prisma.enquiry.count({ where: { email } })).toBe(0)
	})

	test('throttles repeated enquiries from one email address', async () => {
		const email = uniqueEmail()
		const limit = THROTTLES.emailPerAddress.points
		for (let i = 0; i < limit; i++) {
			await submitEnquiry({ enquiry: validEnquiry({ email }), ipAddress: uniqueIp() })
		}
		await expect(submitEnquiry({ enquiry: validEnquiry({ email }), ipAddress: uniqueIp() })).rejects.toMatchObject({
			kind: 'throttled',
		})
		expect(await prisma.enquiry.count({ where: { email } })).toBe(limit)
	})

	test('throttles repeated enquiries from one IP address', async () => {
		const ipAddress = uniqueIp()
		// The limit is generous (a whole school shares one address): use up all but one of it as
		// other email-sending requests from that network would, then the enquiry takes the last one.
		for (let i = 0; i < THROTTLES.emailPerIp.points - 1; i++) await consumeThrottle('emailPerIp', ipAddress)
		const allowed = validEnquiry()
		await submitEnquiry({ enquiry: allowed, ipAddress })
		expect(await prisma.enquiry.count({ where: { email: allowed.email } })).toBe(1)
		const last = validEnquiry()
		await expect(submitEnquiry({ enquiry: last, ipAddress })).rejects.toMatchObject({
			kind: 'throttled',
			code: 'TOO_MANY_ATTEMPTS',
		})
		expect(await prisma.enquiry.count({ where: { email: last.email } })).toBe(0)
	})
})
