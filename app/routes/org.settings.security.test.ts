import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action, loader } from './org.$slug.settings.security.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>
function call<T extends Handler>(handler: T, request: Request, params: Record<string, string>) {
	const args = { request, params, context: { clientIp: '2001:db8::78', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}
function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	return (outcome as { init?: { status?: number } | null })?.init?.status ?? 200
}

describe('/org/:slug/settings/security', () => {
	test('owners and admins set the MFA policy (audited); members cannot; bad input changes nothing', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const params = { slug: org.slug }
		const path = `/org/${org.slug}/settings/security`

		const memberCookie = await sessionCookie(member.id)
		expect(statusOf(await call(loader, getRequest(path, { cookie: memberCookie }), params))).toBe(403)
		expect(statusOf(await call(action, formRequest(path, { policy: 'ALL' }, { cookie: memberCookie }), params))).toBe(
			403,
		)

		const ownerCookie = await sessionCookie(org.owner.id)
		expect(statusOf(await call(action, formRequest(path, { policy: 'SOME' }, { cookie: ownerCookie }), params))).toBe(
			400,
		)
		const policy = () => prisma.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { mfaPolicy: true } })
		expect((await policy()).mfaPolicy).toBe('NONE')

		expect(statusOf(await call(action, formRequest(path, { policy: 'ALL' }, { cookie: ownerCookie }), params))).toBe(
			200,
		)
		expect((await policy()).mfaPolicy).toBe('ALL')
		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { organisationId: org.id, action: 'organisation.mfa_policy_changed' },
		})
		expect(entry).toMatchObject({
			actorId: org.owner.id,
			details: { from: 'NONE', to: 'ALL' },
			ipAddress: '2001:db8::78',
		})

		// The owner has no second factor yet, so the policy now sends them to set one up.
		const gated = (await call(loader, getRequest(path, { cookie: ownerCookie }), params)) as Response
		expect(gated.headers.get('Location')).toBe('/account/security?setup=required')
	})

	test('only owners choose whether an erased person’s certificates keep their name (audited); admins and members cannot', async () => {
		const org = await createOrganisation()
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const member = await addMember({ organisationId: org.id })
		const params = { slug: org.slug }
		const path = `/org/${org.slug}/settings/security`
		const keep = { intent: 'certificate-names', certificateNames: 'keep' }
		const setting = async () =>
			(
				await prisma.organisation.findUniqueOrThrow({
					where: { id: org.id },
					select: { erasureKeepsCertificateNames: true },
				})
			).erasureKeepsCertificateNames

		const memberCookie = await sessionCookie(member.id)
		expect(statusOf(await call(action, formRequest(path, keep, { cookie: memberCookie }), params))).toBe(403)
		const adminCookie = await sessionCookie(admin.id)
		expect(statusOf(await call(action, formRequest(path, keep, { cookie: adminCookie }), params))).toBe(403)
		const adminView = (await call(loader, getRequest(path, { cookie: adminCookie }), params)) as {
			certificateNames: string
			canChangeNames: boolean
		}
		expect(adminView).toMatchObject({ certificateNames: 'remove', canChangeNames: false })
		expect(await setting()).toBe(false)

		const ownerCookie = await sessionCookie(org.owner.id)
		expect(
			statusOf(
				await call(
					action,
					formRequest(path, { intent: 'certificate-names', certificateNames: 'maybe' }, { cookie: ownerCookie }),
					params,
				),
			),
		).toBe(400)
		expect(await setting()).toBe(false)

		expect(statusOf(await call(action, formRequest(path, keep, { cookie: ownerCookie }), params))).toBe(200)
		expect(await setting()).toBe(true)
		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { organisationId: org.id, action: 'organisation.erasure_certificate_names_changed' },
		})
		expect(entry).toMatchObject({ actorId: org.owner.id, details: { from: false, to: true } })
		const ownerView = (await call(loader, getRequest(path, { cookie: ownerCookie }), params)) as {
			certificateNames: string
			canChangeNames: boolean
		}
		expect(ownerView).toMatchObject({ certificateNames: 'keep', canChangeNames: true })

		const remove = { intent: 'certificate-names', certificateNames: 'remove' }
		expect(statusOf(await call(action, formRequest(path, remove, { cookie: ownerCookie }), params))).toBe(200)
		expect(await setting()).toBe(false)
	})
})
