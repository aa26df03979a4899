import { afterAll, describe, expect, test } from 'vitest'
import { renderCertificatePdf } from '#modules/certificates/render-certificate-pdf.ts'
import { revokeCertificate } from '#modules/certificates/revoke-certificate.ts'
import { londonIsoDate } from '#modules/certificates/certificate-text.ts'
import { onQuery, prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { closeThrottles, THROTTLES } from '#modules/security/throttle.ts'
import { createCertificate, createLearner, pdfText, unique } from '#tests/factories/certificates.ts'
import { loader as jsonLoader } from './verify.$code[.]json.ts'
import { loader as pageLoader } from './verify.$code.tsx'
import { loader as formLoader } from './verify._index.tsx'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

type PageResult = {
	type: string
	data: Record<string, unknown>
	init: { status?: number; headers?: Record<string, string> }
}

const uniqueIp = () => unique('verify-ip')

function args(path: string, params: Record<string, string>, ip = uniqueIp()) {
	return {
		request: new Request(`http://localhost${path}`),
		params,
		context: { clientIp: ip, cspNonce: 'test' },
	} as never
}

async function page(code: string, ip?: string) {
	return (await pageLoader(args(`/verify/${code}`, { code }, ip)).catch((thrown: unknown) => thrown)) as PageResult
}

async function json(code: string, ip?: string) {
	const response = (await jsonLoader(args(`/verify/${code}.json`, { code }, ip))) as Response
	return { response, body: (await response.json()) as Record<string, unknown> }
}

/** Counts the Prisma queries `fn` makes. */
async function countQueries(fn: () => Promise<unknown>) {
	let count = 0
	const stop = onQuery(({ query }) => {
		// Prisma's own transaction bookkeeping is not a look-up.
		if (!/^(BEGIN|COMMIT|ROLLBACK)/i.test(query)) count += 1
	})
	try {
		await fn()
	} finally {
		stop()
	}
	return count
}

describe('/verify form', () => {
	test('a code typed any old way goes to its canonical verification page', async () => {
		const result = (await formLoader(args('/verify?code=circ%207kq2%20m9xd%204tpa%20q3hz', {})).catch(
			(thrown: unknown) => thrown,
		)) as Response
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe('/verify/CIRC-7KQ2-M9XD-4TPA-Q3HZ')
	})

	test.each([
		['CIRC-7KQ2-M9XD', 'Enter the certificate number as it is printed'],
		['not a code at all', 'Enter the certificate number as it is printed'],
		['CIRC-7KQ2-M9XD-4TPA-Q3HU', 'Enter the certificate number as it is printed'],
		['   ', 'Enter the certificate number'],
	])('a malformed code (%j) gets a field error and no database query', async (code, message) => {
		let result: PageResult | undefined
		const queries = await countQueries(async () => {
			result = (await formLoader(args(`/verify?code=${encodeURIComponent(code)}`, {}))) as unknown as PageResult
		})
		expect(queries).toBe(0)
		expect(result?.init.status).toBe(400)
		expect(String(result?.data.error)).toContain(message)
	})

	test('without a code, the empty form', async () => {
		expect(await formLoader(args('/verify', {}))).toEqual({ code: '', error: null })
	})
})

describe('/verify/:code', () => {
	test('a valid certificate: exactly what the certificate says, nothing personal beyond it, never cached', async () => {
		const { certificate, user } = await createCertificate({
			learnerName: 'Nguyễn Thị Minh Khai',
			courseTitle: 'Circles in schools',
			versionNumber: 4,
			cpdMinutes: 150,
			completedAt: new Date('2026-03-14T15:30:00Z'),
		})
		const result = await page(certificate.code.toLowerCase())
		expect(result.init.status).toBe(200)
		expect(result.init.headers?.['Cache-Control']).toBe('no-store')
		expect(result.data).toMatchObject({
			code: certificate.code,
			status: 'valid',
			learnerName: 'Nguyễn Thị Minh Khai',
			courseTitle: 'Circles in schools',
			versionNumber: 4,
			cpdHours: 2.5,
			completedOn: '2026-03-14',
			revokedAt: null,
			revokedReason: null,
		})
		const text = JSON.stringify(result.data)
		expect(text).not.toContain(user.email)
		expect(text).not.toContain(user.id)
		expect(text).not.toContain(certificate.id)
	})

	test('a revoked certificate shows as revoked, with the date and reason, at once', async () => {
		const { certificate } = await createCertificate()
		const admin = await createLearner({ name: 'Admin', role: 'ADMIN' })
		expect((await page(certificate.code)).data.status).toBe('valid')

		await revokeCertificate({ code: certificate.code, actorId: admin.id, reason: 'Issued to the wrong learner' })

		const result = await page(certificate.code)
		expect(result.init.status).toBe(200)
		expect(result.data).toMatchObject({ status: 'revoked', revokedReason: 'Issued to the wrong learner' })
		expect(new Date(String(result.data.revokedAt)).getTime()).toBeGreaterThan(Date.now() - 60_000)
	})

	test('an unknown code: the same shape, 404, after the same single look-up', async () => {
		const { certificate } = await createCertificate()
		const unknownCode = 'CIRC-0000-0000-0000-0000'

		let known: PageResult | undefined
		let unknown: PageResult | undefined
		const knownQueries = await countQueries(async () => void (known = await page(certificate.code)))
		const unknownQueries = await countQueries(async () => void (unknown = await page(unknownCode)))

		expect(unknownQueries).toBe(knownQueries)
		expect(unknownQueries).toBe(1)
		expect(unknown?.init.status).toBe(404)
		expect(unknown?.init.headers?.['Cache-Control']).toBe('no-store')
		expect(Object.keys(unknown!.data).sort()).toEqual(Object.keys(known!.data).sort())
		expect(unknown?.data).toMatchObject({
			code: unknownCode,
			status: 'not_found',
			learnerName: null,
			courseTitle: null,
		})
	})

	test('a code that is not a Circle code at all answers not found', async () => {
		const result = await page('hello-world')
		expect(result.init.status).toBe(404)
		expect(result.data.status).toBe('not_found')
	})

	test(`look-ups are throttled per IP address: the ${THROTTLES.verifyPerIp.points + 1}th in a minute gets 429`, async () => {
		const ip = uniqueIp()
		for (let i = 0; i < THROTTLES.verifyPerIp.points; i++) {
			expect((await page('CIRC-0000-0000-0000-0001', ip)).init.status).toBe(404)
		}
		const throttled = await page('CIRC-0000-0000-0000-0001', ip)
		expect(throttled.init.status).toBe(429)
		expect(String(throttled.data.message)).toContain('Please wait a minute')
		const { response } = await json('CIRC-0000-0000-0000-0001', ip)
		expect(response.status).toBe(429)
		expect(response.headers.get('Retry-After')).toMatch(/^\d+$/)
		// Another address is not affected.
		expect((await page('CIRC-0000-0000-0000-0001')).init.status).toBe(404)
	})
})

describe('/verify/:code.json', () => {
	test('an expired certificate says so, with the dates; revoked beats expired', async () => {
		const { certificate } = await createCertificate({ completedAt: new Date('2025-01-31T10:00:00Z') })
		await prisma.certificate.update({
			where: { id: certificate.id },
			data: { validUntil: new Date('2026-01-30T00:00:00Z') },
		})
		const { response, body } = await json(certificate.code)
		expect(response.status).toBe(200)
		expect(body).toMatchObject({
			status: 'expired',
			completedOn: '2025-01-31',
			validUntil: '2026-01-30',
			revokedOn: null,
		})
		const result = await page(certificate.code)
		expect(result.data.status).toBe('expired')
		await prisma.certificate.update({
			where: { id: certificate.id },
			data: { revokedAt: new Date('2026-02-10T12:00:00Z') },
		})
		expect((await json(certificate.code)).body).toMatchObject({
			status: 'revoked',
			revokedOn: '2026-02-10',
			validUntil: '2026-01-30',
		})
	})

	test('matches the certificate row and what the PDF says', async () => {
		const { certificate } = await createCertificate({
			learnerName: 'Zoë Łukasiewicz-Brontë',
			courseTitle: 'Restorative practice in probation',
			cpdMinutes: 195,
			completedAt: new Date('2026-06-30T23:15:00Z'),
		})
		const { response, body } = await json(certificate.code)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toContain('application/json')
		expect(response.headers.get('Cache-Control')).toBe('no-store')

		const row = await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })
		expect(body).toEqual({
			code: row.code,
			status: 'valid',
			learnerName: row.learnerName,
			courseTitle: row.courseTitle,
			versionNumber: row.versionNumber,
			cpdHours: 3.25,
			// 23:15 UTC on 30 June is 00:15 on 1 July in the UK.
			completedOn: '2026-07-01',
			issuedAt: row.issuedAt.toISOString(),
			issuedOn: londonIsoDate(row.issuedAt),
			// The course sets no validity: it never expires.
			validUntil: null,
			revokedAt: null,
			revokedOn: null,
			revokedReason: null,
			outcomes: row.outcomes,
		})

		const text = (await pdfText(await renderCertificatePdf({ certificate: row }))).replace(/\s+/g, ' ')
		expect(text).toContain(String(body.learnerName))
		expect(text).toContain(String(body.courseTitle))
		expect(text).toContain(`Version ${body.versionNumber}`)
		expect(text).toContain('3.25 CPD hours')
		expect(text).toContain('Completed on 1 July 2026')
		expect(text).toContain(String(body.code))
	})

	test('an unknown code: 404 with the same fields', async () => {
		const { body: known } = await json((await createCertificate()).certificate.code)
		const { response, body } = await json('CIRC-ZZZZ-ZZZZ-ZZZZ-ZZZZ')
		expect(response.status).toBe(404)
		expect(Object.keys(body).sort()).toEqual(Object.keys(known).sort())
		expect(body).toMatchObject({ status: 'not_found', code: 'CIRC-ZZZZ-ZZZZ-ZZZZ-ZZZZ', learnerName: null })
	})
})
