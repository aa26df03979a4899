import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { closeThrottles, THROTTLES } from '#modules/security/throttle.ts'
import { action } from './contact.tsx'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
})

let n = 0
const unique = (prefix: string) =>
	`${prefix}-${Date.now().toString(36)}-${++n}-${Math.random().toString(36).slice(2, 7)}`

function post(fields: Record<string, string>, clientIp = unique('ip')) {
	const request = new Request('http://localhost/contact', { method: 'POST', body: new URLSearchParams(fields) })
	return action({ request, params: {}, context: { clientIp, cspNonce: 'test' } } as unknown as Parameters<
		typeof action
	>[0])
}

type ActionResult = {
	data: { result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } }
	init: { status?: number; headers?: HeadersInit } | null
}

describe('/contact action', () => {
	test('answers 400 with errors beside each bad field and keeps what was typed', async () => {
		const email = 'not-an-email'
		const result = (await post({
			name: '',
			email,
			organisationName: 'Hillside Care Home',
			sector: 'HEALTH_SOCIAL_CARE',
			staffCount: 'lots',
			message: 'Too short',
		})) as unknown as ActionResult

		expect(result.init?.status).toBe(400)
		const { error, initialValue } = result.data.result
		expect(error?.name).toEqual(['Enter your name'])
		expect(error?.email).toEqual(['Enter an email address in the correct format, like name@example.org'])
		expect(error?.staffCount).toEqual(['Enter the number of staff as a whole number, like 40'])
		expect(error?.message).toEqual(['Your message must be at least 20 characters'])
		expect(error?.organisationName).toBeUndefined()
		expect(initialValue).toMatchObject({
			email,
			organisationName: 'Hillside Care Home',
			sector: 'HEALTH_SOCIAL_CARE',
			staffCount: 'lots',
			message: 'Too short',
		})
		expect(await prisma.enquiry.count({ where: { email } })).toBe(0)
	})

	test('stores a valid enquiry and redirects to the thank-you message', async () => {
		const email = `${unique('sender')}@example.org`
		const response = await post({
			name: 'Dan Price',
			email,
			organisationName: '',
			sector: '',
			staffCount: '',
			message: 'We run a youth offending service and would like to talk about training.',
		})
		expect(response).toBeInstanceOf(Response)
		const redirect = response as unknown as Response
		expect(redirect.status).toBe(302)
		expect(redirect.headers.get('Location')).toBe('/contact?sent=1')
		const row = await prisma.enquiry.findFirstOrThrow({ where: { email } })
		expect(row).toMatchObject({ name: 'Dan Price', organisationName: null, sector: null, staffCount: null })
	})

	test('a throttled sender gets a form-level error, status 429 and their input back', async () => {
		const email = `${unique('keen')}@example.org`
		const fields = { name: 'Jo Keen', email, message: 'Please could someone call me about seat licences?' }
		for (let i = 0; i < THROTTLES.emailPerAddress.points; i++) {
			expect(((await post(fields)) as unknown as Response).status).toBe(302)
		}
		const result = (await post(fields)) as unknown as ActionResult
		expect(result.init?.status).toBe(429)
		expect(new Headers(result.init?.headers).get('Retry-After')).toMatch(/^\d+$/)
		expect(result.data.result.error?.['']?.[0]).toMatch(/several messages in a short time/)
		expect(result.data.result.initialValue).toMatchObject(fields)
		expect(await prisma.enquiry.count({ where: { email } })).toBe(THROTTLES.emailPerAddress.points)
	})
})
