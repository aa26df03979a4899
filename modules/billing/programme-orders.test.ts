// Programmes sold as a bundle: checkout through the Stripe HTTP fake, fulfilment that joins the
// programme and every course in it in one transaction, and a refund that withdraws all of it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { enrolInProgramme } from '#modules/programmes/enrol-in-programme.ts'
import { verifyProgrammeCertificate } from '#modules/programmes/programme-certificates.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import {
	createTestOrganisation,
	deliver,
	type FakeStripe,
	signedEvent,
	useFakeStripe,
} from '#tests/factories/billing.ts'
import { createUser } from '#tests/factories/learning.ts'
import { completeCourse, createPublishedProgramme } from '#tests/factories/programmes.ts'
import { createCheckout } from './create-checkout.ts'
import { fulfilCheckout } from './fulfil-order.ts'
import { refundOrder } from './revoke-purchase.ts'

let fake: FakeStripe
let stop: () => Promise<void>

beforeAll(async () => {
	;({ fake, stop } = await useFakeStripe())
})

afterAll(async () => {
	await stop()
	await releaseTestResources()
})

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('expected a rejection')
}

async function boughtProgramme({ sequential = false } = {}) {
	const programme = await createPublishedProgramme({ count: 2, sequential, pricePounds: 120, coursePricePence: 9000 })
	const buyer = await createUser()
	const { orderId } = await createCheckout({
		buyerUserId: buyer.id,
		programmeId: programme.programmeId,
		method: 'CARD',
	})
	const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
	const session = fake.sessions.get(order.stripeCheckoutSessionId!)!
	return { ...programme, buyer, orderId, order, session }
}

describe('buying a programme', () => {
	test('the price is the programme’s own, from the database, and the order points at the programme', async () => {
		const { order, session, programmeId, slug } = await boughtProgramme()
		expect(order).toMatchObject({ programmeId, courseId: null, amountPence: 12_000, quantity: 1, status: 'PENDING' })
		expect(session.amount_total).toBe(12_000)
		expect(session.cancel_url).toContain(`/checkout/cancel?programme=${slug}`)
	})

	test('paying enrols the buyer on the programme and every course in it, once, however often fulfilment runs', async () => {
		const { buyer, orderId, session, programmeId, courses } = await boughtProgramme()
		fake.completeSession(session.id, 'paid')
		const results = await Promise.all([1, 2, 3].map(() => fulfilCheckout({ checkoutSessionId: session.id })))
		expect(results.filter((r) => r.fulfilledNow)).toHaveLength(1)
		expect(await prisma.programmeEnrolment.count({ where: { programmeId, userId: buyer.id } })).toBe(1)
		const enrolments = await prisma.enrolment.findMany({
			where: { userId: buyer.id, courseId: { in: courses.map((c) => c.id) } },
			select: { status: true, source: true, orderId: true },
		})
		expect(enrolments).toHaveLength(2)
		for (const enrolment of enrolments) expect(enrolment).toEqual({ status: 'ACTIVE', source: 'PURCHASE', orderId })
		expect(await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: 'PAID' })
	})

	test('a free join of a priced programme is refused, and a second purchase is refused once on it', async () => {
		const { buyer, session, slug, programmeId } = await boughtProgramme()
		const stranger = await createUser()
		const free = await thrown(enrolInProgramme({ userId: stranger.id, slug, now: new Date() }))
		expect(isDomainError(free) && free.code).toBe('PAYMENT_REQUIRED')
		expect(await prisma.programmeEnrolment.count({ where: { programmeId, userId: stranger.id } })).toBe(0)

		fake.completeSession(session.id, 'paid')
		await fulfilCheckout({ checkoutSessionId: session.id })
		const again = await thrown(createCheckout({ buyerUserId: buyer.id, programmeId, method: 'CARD' }))
		expect(isDomainError(again) && again.code).toBe('ALREADY_ENROLLED')
	})

	test('organisations cannot buy programme seats; a free programme is not sold', async () => {
		const { programmeId } = await createPublishedProgramme({ pricePounds: 50 })
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id, role: 'ADMIN' })
		const seats = await thrown(
			createCheckout({
				buyerUserId: admin.id,
				programmeId,
				organisationId: organisation.id,
				quantity: 5,
				method: 'CARD',
			}),
		)
		expect(isDomainError(seats) && seats.code).toBe('PROGRAMME_SEATS')
		const free = await createPublishedProgramme({ pricePounds: 0 })
		const error = await thrown(createCheckout({ buyerUserId: admin.id, programmeId: free.programmeId, method: 'CARD' }))
		expect(isDomainError(error) && error.code).toBe('PROGRAMME_IS_FREE')
		expect(await prisma.order.count({ where: { programmeId: { in: [programmeId, free.programmeId] } } })).toBe(0)
	})
})

describe('refunding a programme', () => {
	test('withdraws every course place it gave and revokes the programme certificate, which verifies as revoked', async () => {
		const { buyer, orderId, session, courses, programmeId } = await boughtProgramme()
		fake.completeSession(session.id, 'paid')
		await fulfilCheckout({ checkoutSessionId: session.id })
		for (const course of courses) await completeCourse(buyer.id, course.id)
		const certificate = await prisma.programmeCertificate.findFirstOrThrow({ where: { programmeId, userId: buyer.id } })
		expect(certificate.revokedAt).toBeNull()

		const platformAdmin = await createUser({ role: 'ADMIN' })
		expect((await refundOrder({ orderId, actorId: platformAdmin.id })).state).toBe('requested')
		const charge = fake.chargeFor(session.payment_intent)
		const refunded = signedEvent('charge.refunded', { id: charge.id, object: 'charge' })
		for (let i = 0; i < 3; i++) expect((await deliver(refunded)).status).toBe(200)

		const enrolments = await prisma.enrolment.findMany({
			where: { userId: buyer.id, orderId },
			select: { status: true },
		})
		expect(enrolments.map((e) => e.status)).toEqual(['REVOKED', 'REVOKED'])
		const after = await prisma.programmeCertificate.findUniqueOrThrow({ where: { id: certificate.id } })
		expect(after.revokedAt).toBeInstanceOf(Date)
		expect(after.revokedReason).toContain('Payment refunded')
		const verified = await verifyProgrammeCertificate({
			code: certificate.code,
			ipAddress: `10.9.${Date.now() % 250}.1`,
		})
		expect(verified.status).toBe('revoked')
		expect(
			await prisma.auditLog.count({ where: { targetId: certificate.id, action: 'programme_certificate.revoked' } }),
		).toBe(1)
	})
})
