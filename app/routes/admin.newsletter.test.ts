// /admin/newsletter: a platform admin finds a subscriber by email, sees their consent record, and
// erases one who has no account on request (audited); everyone else is refused at the route and in
// the module, and an address an account holds is erased with the account instead.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { deleteNewsletterSubscriber } from '#modules/admin/newsletter-subscribers.ts'
import { formRequest, getRequest, releaseTestResources, uniqueEmail } from '#tests/factories/auth.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action, loader } from './admin.newsletter.tsx'

afterAll(releaseTestResources)

const WORDING = 'By subscribing you agree to receive Circle’s newsletter by email.'

async function subscriber(email = uniqueEmail('only-subscribed')) {
	const row = await prisma.newsletterSubscriber.create({
		data: {
			email,
			status: 'CONFIRMED',
			sectors: ['SCHOOLS'],
			unsubscribeToken: `t-${email}`,
			consents: { create: { event: 'signed-up', source: 'home', wording: WORDING } },
		},
		select: { id: true, email: true },
	})
	await prisma.emailMessage.create({
		data: { to: email, subject: 'Confirm your subscription', template: 'newsletter-confirm', html: '', text: 'x' },
		select: { id: true },
	})
	return row
}

const erase = (cookie: string, subscriberId: string, reason = 'Asked by email on 3 December') =>
	formRequest('/admin/newsletter', { intent: 'erase', subscriberId, reason }, { cookie })

describe('/admin/newsletter', () => {
	test('learners and trainers are refused by the loader, the action and the module; nothing is erased', async () => {
		const s = await subscriber()
		const learner = await createLearner()
		const trainer = await createLearner({ role: 'TRAINER' })
		for (const user of [learner, trainer]) {
			const cookie = await sessionCookie(user.id)
			expect(statusOf(await runRoute(loader, getRequest('/admin/newsletter', { cookie })))).toBe(403)
			expect(statusOf(await runRoute(action, erase(cookie, s.id)))).toBe(403)
			await expect(
				deleteNewsletterSubscriber({ actorId: user.id, subscriberId: s.id, reason: 'no' }),
			).rejects.toMatchObject({ code: 'ADMIN_ONLY', kind: 'forbidden' })
		}
		expect(await prisma.newsletterSubscriber.count({ where: { id: s.id } })).toBe(1)
	})

	test('an admin searches by email and sees status, sectors and the consent wording', async () => {
		const s = await subscriber()
		await subscriber()
		const admin = await sessionCookie((await createLearner({ role: 'ADMIN' })).id)
		const result = (await runRoute(
			loader,
			getRequest(`/admin/newsletter?q=${encodeURIComponent(s.email.toUpperCase())}`, { cookie: admin }),
		)) as Awaited<ReturnType<typeof loader>>
		expect(result.subscribers).toHaveLength(1)
		expect(result.subscribers[0]).toMatchObject({
			email: s.email,
			status: 'CONFIRMED',
			sectors: ['SCHOOLS'],
			hasAccount: false,
			consents: [expect.objectContaining({ event: 'signed-up', source: 'home', wording: WORDING })],
		})
		expect(JSON.stringify(result)).not.toContain(`t-${s.email}`)
	})

	test('an admin erases a subscriber without an account: subscription, consents and outbox mail go, audited without the address', async () => {
		const s = await subscriber()
		const adminUser = await createLearner({ role: 'ADMIN' })
		const admin = await sessionCookie(adminUser.id)
		const result = await runRoute(action, erase(admin, s.id))
		expect(statusOf(result)).toBe(200)
		expect(result).toMatchObject({ ok: true })
		expect(await prisma.newsletterSubscriber.count({ where: { id: s.id } })).toBe(0)
		expect(await prisma.newsletterConsent.count({ where: { subscriberId: s.id } })).toBe(0)
		expect(await prisma.emailMessage.count({ where: { to: s.email } })).toBe(0)
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { actorId: adminUser.id, action: 'newsletter.subscriber_erased', targetId: s.id },
		})
		expect(audit.details).toMatchObject({ reason: 'Asked by email on 3 December', emailsDeleted: 1 })
		expect(JSON.stringify(audit)).not.toContain(s.email)
		// Erasing again finds nothing.
		expect(statusOf(await runRoute(action, erase(admin, s.id)))).toBe(404)
	})

	test('no reason is a 400 beside the field; an address an account holds is refused (erase the account)', async () => {
		const admin = await sessionCookie((await createLearner({ role: 'ADMIN' })).id)
		const lone = await subscriber()
		const blank = await runRoute(action, erase(admin, lone.id, ''))
		expect(statusOf(blank)).toBe(400)
		expect((blank as { data: { reasonError: string } }).data.reasonError).toBe('Say why this subscriber is being erased')

		const person = await createLearner()
		const personalEmail = uniqueEmail('personal')
		await prisma.user.update({ where: { id: person.id }, data: { personalEmail } })
		for (const email of [person.email, personalEmail.toUpperCase()]) {
			const held = await subscriber(email)
			const refused = await runRoute(action, erase(admin, held.id))
			expect(statusOf(refused)).toBe(409)
			expect(await prisma.newsletterSubscriber.count({ where: { id: held.id } })).toBe(1)
		}
		expect(await prisma.newsletterSubscriber.count({ where: { id: lone.id } })).toBe(1)
	})
})
