// /cpd/passport.zip with real Requests and session cookies: signed out goes to log in; signed in, the
// ZIP is the signed-in learner's own record and nobody else's.
import JSZip from 'jszip'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCertificate } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader } from './cpd.passport[.]zip.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

const context = { clientIp: 'route-test', cspNonce: 'test' }

function get(cookie?: string) {
	const request = new Request('http://localhost/cpd/passport.zip', { headers: cookie ? { Cookie: cookie } : {} })
	return loader({ request, params: {}, context } as never).catch((thrown: unknown) => thrown)
}

describe('/cpd/passport.zip', () => {
	test('signed out goes to log in', async () => {
		const result = await get()
		expect(result).toBeInstanceOf(Response)
		expect((result as Response).headers.get('Location')).toMatch(/^\/login/)
	})

	test('streams the signed-in learner’s own passport as a ZIP', async () => {
		const mine = await createCertificate()
		const theirs = await createCertificate()
		const response = (await get(await sessionCookie(mine.user.id))) as Response
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('application/zip')
		expect(response.headers.get('Content-Disposition')).toMatch(/attachment; filename="circle-cpd-passport-/)
		const zip = await JSZip.loadAsync(await response.arrayBuffer())
		const passport = JSON.parse(await zip.file('passport.json')!.async('string')) as {
			person: { email: string }
			certificates: Array<{ code: string }>
		}
		expect(passport.person.email).toBe(mine.user.email)
		expect(passport.certificates.map((c) => c.code)).toEqual([mine.certificate.code])
		expect(zip.file(`certificates/${mine.certificate.code}.pdf`)).not.toBeNull()
		expect(zip.file(`certificates/${theirs.certificate.code}.pdf`)).toBeNull()
	})

	test('an eleventh download in an hour is refused with 429 before anything is drawn', async () => {
		const { user } = await createCertificate()
		const cookie = await sessionCookie(user.id)
		for (let i = 0; i < 10; i++) {
			const response = (await get(cookie)) as Response
			expect(response.status).toBe(200)
			await response.body?.cancel()
		}
		const refused = await get(cookie)
		expect(refused).toMatchObject({ init: { status: 429 } })
	})
})
