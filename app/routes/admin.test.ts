import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { createCertificate, createLearner } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { loader as certificateLoader, action as certificateAction } from './admin.certificates.$code.tsx'
import { loader as certificatesLoader } from './admin.certificates._index.tsx'
import { loader as enquiriesLoader, action as enquiriesAction } from './admin.enquiries._index.tsx'
import { loader as overviewLoader } from './admin._index.tsx'
import { loader as ordersLoader } from './admin.orders._index.tsx'
import { loader as organisationLoader, action as organisationAction } from './admin.organisations.$id.tsx'
import { loader as organisationsLoader } from './admin.organisations._index.tsx'
import { loader as userLoader, action as userAction } from './admin.users.$id.tsx'
import { loader as usersLoader } from './admin.users._index.tsx'
import { loader as layoutLoader } from './admin/route.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>
const context = { clientIp: '2001:db8::ad', cspNonce: 'test' }

async function run(handler: Handler, request: Request, params: Record<string, string> = {}) {
	return handler({ request, params, context } as never).catch((thrown: unknown) => thrown)
}

function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	if (result && typeof result === 'object' && 'init' in result) {
		return (result as { init?: { status?: number } | null }).init?.status ?? 200
	}
	return 200
}

async function fixtures() {
	const target = await createLearner({ name: 'Target Person' })
	const organisation = await createOrganisation({ name: 'Admin Test Trust' })
	const certificate = await createCertificate()
	const enquiry = await prisma.enquiry.create({
		data: {
			name: 'Asha Patel',
			email: 'asha@example.org',
			organisationName: 'Northfield School',
			message: 'Seats for 40 staff?',
		},
		select: { id: true },
	})
	return { target, organisation, certificate, enquiry }
}

/** Every loader and action under /admin, with the request each one is given. */
function adminEndpoints(f: Awaited<ReturnType<typeof fixtures>>) {
	const code = f.certificate.certificate.code
	return [
		{ name: 'layout loader', handler: layoutLoader, request: (c: string) => getRequest('/admin', { cookie: c }) },
		{ name: 'overview', handler: overviewLoader, request: (c: string) => getRequest('/admin', { cookie: c }) },
		{ name: 'users', handler: usersLoader, request: (c: string) => getRequest('/admin/users', { cookie: c }) },
		{
			name: 'user page',
			handler: userLoader,
			request: (c: string) => getRequest(`/admin/users/${f.target.id}`, { cookie: c }),
			params: { id: f.target.id },
		},
		{
			name: 'user action (disable)',
			handler: userAction,
			request: (c: string) =>
				formRequest(
					`/admin/users/${f.target.id}`,
					{ intent: 'disable', reason: 'Left the organisation' },
					{ cookie: c },
				),
			params: { id: f.target.id },
		},
		{
			name: 'organisations',
			handler: organisationsLoader,
			request: (c: string) => getRequest('/admin/organisations', { cookie: c }),
		},
		{
			name: 'organisation page',
			handler: organisationLoader,
			request: (c: string) => getRequest(`/admin/organisations/${f.organisation.id}`, { cookie: c }),
			params: { id: f.organisation.id },
		},
		{
			name: 'organisation action (invoice terms)',
			handler: organisationAction,
			request: (c: string) =>
				formRequest(
					`/admin/organisations/${f.organisation.id}`,
					{ intent: 'invoice-seats', invoiceSeats: 'ON_ORDER' },
					{ cookie: c },
				),
			params: { id: f.organisation.id },
		},
		{ name: 'orders', handler: ordersLoader, request: (c: string) => getRequest('/admin/orders', { cookie: c }) },
		{
			name: 'certificates',
			handler: certificatesLoader,
			request: (c: string) => getRequest('/admin/certificates', { cookie: c }),
		},
		{
			name: 'certificate page',
			handler: certificateLoader,
			request: (c: string) => getRequest(`/admin/certificates/${code}`, { cookie: c }),
			params: { code },
		},
		{
			name: 'certificate action (revoke)',
			handler: certificateAction,
			request: (c: string) =>
				formRequest(`/admin/certificates/${code}`, { intent: 'revoke', reason: 'Issued in error' }, { cookie: c }),
			params: { code },
		},
		{
			name: 'enquiries',
			handler: enquiriesLoader,
			request: (c: string) => getRequest('/admin/enquiries', { cookie: c }),
		},
		{
			name: 'enquiries action',
			handler: enquiriesAction,
			request: (c: string) =>
				formRequest('/admin/enquiries', { intent: 'handled', enquiryId: f.enquiry.id }, { cookie: c }),
		},
	] as const
}

describe('/admin', () => {
	test('every admin loader and action answers 403 to learners and trainers, and changes nothing', async () => {
		const f = await fixtures()
		const learner = await sessionCookie((await createLearner()).id)
		const trainer = await sessionCookie((await createLearner({ role: 'TRAINER' })).id)
		for (const endpoint of adminEndpoints(f)) {
			for (const [who, cookie] of [
				['learner', learner],
				['trainer', trainer],
			] as const) {
				const params = 'params' in endpoint ? endpoint.params : {}
				const result = await run(endpoint.handler as Handler, endpoint.request(cookie), params)
				expect(statusOf(result), `${endpoint.name} as a ${who}`).toBe(403)
			}
		}
		const target = await prisma.user.findUniqueOrThrow({ where: { id: f.target.id } })
		expect(target.disabledAt).toBeNull()
		const certificate = await prisma.certificate.findUniqueOrThrow({ where: { code: f.certificate.certificate.code } })
		expect(certificate.revokedAt).toBeNull()
		const enquiry = await prisma.enquiry.findUniqueOrThrow({ where: { id: f.enquiry.id } })
		expect(enquiry.handledAt).toBeNull()
	})

	test('a visitor who is not signed in is sent to log in', async () => {
		const f = await fixtures()
		for (const endpoint of adminEndpoints(f)) {
			const params = 'params' in endpoint ? endpoint.params : {}
			const result = await run(endpoint.handler as Handler, endpoint.request(''), params)
			expect(result, endpoint.name).toBeInstanceOf(Response)
			const response = result as Response
			expect(response.status, endpoint.name).toBe(302)
			expect(response.headers.get('Location'), endpoint.name).toMatch(/^\/login\?redirectTo=/)
		}
	})

	test('a platform admin may use every page and action', async () => {
		const f = await fixtures()
		const admin = await sessionCookie((await createLearner({ role: 'ADMIN' })).id)
		for (const endpoint of adminEndpoints(f)) {
			const params = 'params' in endpoint ? endpoint.params : {}
			const result = await run(endpoint.handler as Handler, endpoint.request(admin), params)
			expect(statusOf(result), endpoint.name).toBe(200)
		}
		const target = await prisma.user.findUniqueOrThrow({ where: { id: f.target.id } })
		expect(target.disabledAt).not.toBeNull()
		const certificate = await prisma.certificate.findUniqueOrThrow({ where: { code: f.certificate.certificate.code } })
		expect(certificate.revokedAt).not.toBeNull()
		const enquiry = await prisma.enquiry.findUniqueOrThrow({ where: { id: f.enquiry.id } })
		expect(enquiry.handledAt).not.toBeNull()
	})
})
