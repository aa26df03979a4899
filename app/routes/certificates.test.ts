// Route tests for the certificate download, the admin revocation pages and the CPD entry pages,
// called with real Requests and real session cookies.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createCertificate, createLearner, pdfText } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as adminAction, loader as adminLoader } from './admin.certificates.$code.tsx'
import { loader as adminListLoader } from './admin.certificates._index.tsx'
import { loader as downloadLoader } from './certificates.$code[.]pdf.ts'
import { action as editAction, loader as editLoader } from './cpd.$id.edit/route.tsx'
import { loader as csvLoader } from './cpd.export[.]csv.ts'
import { action as newAction } from './cpd.new/route.tsx'
import { loader as verifyLoader } from './verify.$code.tsx'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

function get(path: string, cookie?: string) {
	return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

function post(path: string, fields: Record<string, string | string[]>, cookie?: string) {
	const body = new URLSearchParams()
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
	}
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		body,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
	})
}

const context = { clientIp: 'route-test', cspNonce: 'test' }

/** Runs a loader or action, returning what it returned or threw (responses are thrown for errors). */
async function run<T>(fn: (args: never) => Promise<T>, request: Request, params: Record<string, string> = {}) {
	return fn({ request, params, context } as never).catch((thrown: unknown) => thrown)
}

function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	const init = (result as { init?: { status?: number } | null }).init
	return init?.status ?? 200
}

describe('/certificates/:code.pdf', () => {
	test('the owner downloads their certificate as a PDF attachment', async () => {
		const { user, certificate } = await createCertificate({ learnerName: 'Dafydd ap Gwilym Ŵyn' })
		const response = (await run(
			downloadLoader,
			get(`/certificates/${certificate.code}.pdf`, await sessionCookie(user.id)),
			{
				code: certificate.code,
			},
		)) as Response
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('application/pdf')
		expect(response.headers.get('Content-Disposition')).toBe(
			`attachment; filename="circle-certificate-${certificate.code}.pdf"`,
		)
		const pdf = Buffer.from(await response.arrayBuffer())
		expect(await pdfText(pdf)).toContain('Dafydd ap Gwilym Ŵyn')
	})

	test('another learner gets 403; an admin may download it; an unknown code is 404', async () => {
		const { certificate } = await createCertificate()
		const other = await createLearner()
		const admin = await createLearner({ role: 'ADMIN' })
		const path = `/certificates/${certificate.code}.pdf`

		const forbidden = (await run(downloadLoader, get(path, await sessionCookie(other.id)), {
			code: certificate.code,
		})) as Response
		expect(forbidden.status).toBe(403)
		expect(forbidden.headers.get('Content-Type')).not.toContain('pdf')

		const asAdmin = (await run(downloadLoader, get(path, await sessionCookie(admin.id)), {
			code: certificate.code,
		})) as Response
		expect(asAdmin.status).toBe(200)

		const unknown = (await run(
			downloadLoader,
			get('/certificates/CIRC-0000-0000-0000-0000.pdf', await sessionCookie(other.id)),
			{
				code: 'CIRC-0000-0000-0000-0000',
			},
		)) as Response
		expect(unknown.status).toBe(404)
	})

	test('a visitor is sent to log in', async () => {
		const { certificate } = await createCertificate()
		const response = (await run(downloadLoader, get(`/certificates/${certificate.code}.pdf`), {
			code: certificate.code,
		})) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
	})
})

describe('/admin/certificates', () => {
	test('a learner cannot see the admin pages or revoke (403), and nothing changes', async () => {
		const { user, certificate } = await createCertificate()
		const cookie = await sessionCookie(user.id)
		expect(statusOf(await run(adminListLoader, get('/admin/certificates', cookie)))).toBe(403)
		expect(
			statusOf(
				await run(adminLoader, get(`/admin/certificates/${certificate.code}`, cookie), { code: certificate.code }),
			),
		).toBe(403)
		const result = await run(
			adminAction,
			post(
				`/admin/certificates/${certificate.code}`,
				{ intent: 'revoke', reason: 'I would like to revoke this' },
				cookie,
			),
			{ code: certificate.code },
		)
		expect(statusOf(result)).toBe(403)
		expect((await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).revokedAt).toBeNull()
	})

	test('an admin finds a certificate by the learner’s email, revokes it with a reason, then reinstates it', async () => {
		const { user, certificate } = await createCertificate()
		const admin = await createLearner({ name: 'Priya Admin', role: 'ADMIN' })
		const cookie = await sessionCookie(admin.id)

		const list = (await run(
			adminListLoader,
			get(`/admin/certificates?q=${encodeURIComponent(user.email.toUpperCase())}`, cookie),
		)) as {
			certificates: Array<{ code: string }>
		}
		expect(list.certificates.map((c) => c.code)).toEqual([certificate.code])

		const tooShort = await run(
			adminAction,
			post(`/admin/certificates/${certificate.code}`, { intent: 'revoke', reason: 'no' }, cookie),
			{
				code: certificate.code,
			},
		)
		expect(statusOf(tooShort)).toBe(400)
		expect(JSON.stringify(tooShort)).toContain('Give a reason of at least 5 characters')
		expect((await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).revokedAt).toBeNull()

		const revoked = await run(
			adminAction,
			post(
				`/admin/certificates/${certificate.code}`,
				{ intent: 'revoke', reason: 'Completed on behalf of the learner' },
				cookie,
			),
			{ code: certificate.code },
		)
		expect(statusOf(revoked)).toBe(200)
		const verified = (await run(verifyLoader, get(`/verify/${certificate.code}`), { code: certificate.code })) as {
			data: { status: string; revokedReason: string }
		}
		expect(verified.data).toMatchObject({ status: 'revoked', revokedReason: 'Completed on behalf of the learner' })

		await run(
			adminAction,
			post(`/admin/certificates/${certificate.code}`, { intent: 'reinstate', note: 'Checked with the trust' }, cookie),
			{
				code: certificate.code,
			},
		)
		const again = (await run(verifyLoader, get(`/verify/${certificate.code}`), { code: certificate.code })) as {
			data: { status: string; revokedReason: string | null }
		}
		expect(again.data).toMatchObject({ status: 'valid', revokedReason: null })

		const audit = await prisma.auditLog.findMany({
			where: { targetType: 'Certificate', targetId: certificate.id },
			orderBy: { createdAt: 'asc' },
			select: { action: true, actorId: true, details: true },
		})
		expect(audit.map((a) => a.action)).toEqual(['certificate.issued', 'certificate.revoked', 'certificate.reinstated'])
		expect(audit[1]).toMatchObject({ actorId: admin.id, details: { reason: 'Completed on behalf of the learner' } })
		expect(audit[2]).toMatchObject({
			actorId: admin.id,
			details: { note: 'Checked with the trust', previousReason: 'Completed on behalf of the learner' },
		})
	})

	test('re-issuing takes the corrected name from the account and emails a fresh copy, keeping the code', async () => {
		const { user, certificate } = await createCertificate({ learnerName: 'Sian Llewellyn' })
		await prisma.user.update({ where: { id: user.id }, data: { name: 'Siân Llewellyn-Nowak' } })
		const admin = await createLearner({ role: 'ADMIN' })
		await run(
			adminAction,
			post(`/admin/certificates/${certificate.code}`, { intent: 'reissue' }, await sessionCookie(admin.id)),
			{
				code: certificate.code,
			},
		)
		const row = await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })
		expect(row).toMatchObject({ code: certificate.code, learnerName: 'Siân Llewellyn-Nowak' })
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'certificate-issued' } })).toBe(2)
	})
})

describe('/cpd entries', () => {
	test('another learner’s entry is a 404, to read and to change', async () => {
		const { user, certificate } = await createCertificate()
		const entry = await prisma.cpdEntry.findUniqueOrThrow({ where: { certificateId: certificate.id } })
		const other = await createLearner()
		const cookie = await sessionCookie(other.id)

		expect(statusOf(await run(editLoader, get(`/cpd/${entry.id}/edit`, cookie), { id: entry.id }))).toBe(404)
		expect(
			statusOf(
				await run(editAction, post(`/cpd/${entry.id}/edit`, { reflection: 'Not mine to write' }, cookie), {
					id: entry.id,
				}),
			),
		).toBe(404)
		expect(
			statusOf(await run(editAction, post(`/cpd/${entry.id}/edit`, { intent: 'delete' }, cookie), { id: entry.id })),
		).toBe(404)
		const row = await prisma.cpdEntry.findUniqueOrThrow({ where: { id: entry.id } })
		expect(row.reflection).toBeNull()
		expect(row.userId).toBe(user.id)

		// The owner can open it.
		expect(
			statusOf(await run(editLoader, get(`/cpd/${entry.id}/edit`, await sessionCookie(user.id)), { id: entry.id })),
		).toBe(200)
	})

	test('bad input gets an error beside each field and nothing is saved', async () => {
		const learner = await createLearner()
		const cookie = await sessionCookie(learner.id)
		const result = (await run(
			newAction,
			post(
				'/cpd/new',
				{
					method: 'Workshop',
					title: 'Conference',
					date: '2999-01-01',
					hours: '2',
					participatoryHours: '3',
					reflection: 'x'.repeat(5001),
				},
				cookie,
			),
		)) as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
		expect(result.init.status).toBe(400)
		expect(result.data.result.error).toMatchObject({
			date: ['The date cannot be in the future'],
			participatoryHours: ['Participatory hours cannot be more than the total hours'],
			reflection: ['Your reflection must be 5,000 characters or fewer'],
		})

		const old = (await run(
			newAction,
			post('/cpd/new', { method: 'Reading', title: 'Old book', date: '1899-06-01', hours: '1' }, cookie),
		)) as {
			data: { result: { error: Record<string, string[]> } }
		}
		expect(old.data.result.error.date).toEqual(['Enter a date from 1900 onwards'])
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id } })).toBe(0)
	})

	test('a good entry is saved and shows in the CSV export with its reflection', async () => {
		const learner = await createLearner({ registrationBody: 'SWE' })
		const cookie = await sessionCookie(learner.id)
		const saved = (await run(
			newAction,
			post(
				'/cpd/new',
				{
					method: 'Peer discussion',
					title: 'Case discussion with a colleague',
					date: '2020-05-04',
					hours: '1.5',
					participatoryHours: '1.5',
					reflection: 'My colleague helped me see the family’s strengths.',
					standards: ['Peer reflection', 'Promote rights, strengths and wellbeing'],
				},
				cookie,
			),
		)) as Response
		expect(saved.status).toBe(302)
		expect(saved.headers.get('Location')).toBe('/cpd?done=added')

		const csv = (await run(csvLoader, get('/cpd/export.csv?format=swe', cookie))) as Response
		expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		const text = await csv.text()
		expect(text).toContain('04/05/2020')
		expect(text).toContain('My colleague helped me see the family’s strengths.')
		expect(text).toContain('Peer reflection; Promote rights, strengths and wellbeing')
	})
})
