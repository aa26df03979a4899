import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { createCheckout } from './create-checkout.ts'
import { fulfilCheckout } from './fulfil-order.ts'
import { refundOrder } from './revoke-purchase.ts'
import {
	createTestOrganisation,
	deliver,
	type FakeStripe,
	signedEvent,
	TEST_WEBHOOK_SECRET,
	useFakeStripe,
} from '#tests/factories/billing.ts'
import { requireStripe } from './stripe-client.ts'

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

function shuffled<T>(items: T[]) {
	const copy = [...items]
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1))
		;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
	}
	return copy
}

async function sessionOf(orderId: string) {
	const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
	return fake.sessions.get(order.stripeCheckoutSessionId!)!
}

async function individualCheckout(pricePence = 4900) {
	const buyer = await createUser()
	const course = await createCourse({ pricePence, modules: 1 })
	const { orderId, url } = await createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' })
	return { buyer, course, orderId, url, session: await sessionOf(orderId) }
}

async function seatCheckout(quantity: number, pricePence = 3000) {
	const admin = await createUser()
	const organisation = await createTestOrganisation({ userId: admin.id, role: 'ADMIN' })
	const course = await createCourse({ pricePence, modules: 1 })
	const { orderId } = await createCheckout({
		buyerUserId: admin.id,
		courseId: course.id,
		organisationId: organisation.id,
		quantity,
		method: 'CARD',
	})
	return { admin, organisation, course, orderId, session: await sessionOf(orderId) }
}

describe('createCheckout', () => {
	test('takes the price from the database: the course price, or the volume tier for the quantity', async () => {
		const { session, orderId } = await individualCheckout(4900)
		const [item] = (await lineItemsOf(session.id)) as Array<{ quantity: number; price: { unit_amount: number } }>
		expect(item).toMatchObject({ quantity: 1, price: { unit_amount: 4900 } })
		expect(session).toMatchObject({
			mode: 'payment',
			currency: 'gbp',
			allow_promotion_codes: true,
			client_reference_id: orderId,
			metadata: { orderId },
		})
		expect(session.success_url).toContain('/checkout/success?session_id={CHECKOUT_SESSION_ID}')

		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id })
		const course = await createCourse({ pricePence: 5000, modules: 1 })
		await prisma.course.update({
			where: { id: course.id },
			data: {
				volumeTiers: [
					{ minQuantity: 10, unitPricePence: 4000 },
					{ minQuantity: 50, unitPricePence: 3500 },
				],
			},
		})
		const seats = await createCheckout({
			buyerUserId: admin.id,
			courseId: course.id,
			organisationId: organisation.id,
			quantity: 20,
			method: 'CARD',
		})
		const order = await prisma.order.findUniqueOrThrow({ where: { id: seats.orderId } })
		expect(order.amountPence).toBe(20 * 4000)
		const seatSession = fake.sessions.get(order.stripeCheckoutSessionId!)!
		expect(seatSession.amount_total).toBe(80_000)
	})

	test('refuses 0 and 100,000 places, and creates no order', async () => {
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id })
		const course = await createCourse({ pricePence: 3000, modules: 1 })
		for (const quantity of [0, 100_000, 2.5]) {
			const error = await thrown(
				createCheckout({
					buyerUserId: admin.id,
					courseId: course.id,
					organisationId: organisation.id,
					quantity,
					method: 'CARD',
				}),
			)
			expect(isDomainError(error) && error.code).toBe('INVALID_QUANTITY')
		}
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('a member who is not an owner or admin cannot buy seats for the organisation', async () => {
		const member = await createUser()
		const organisation = await createTestOrganisation({ userId: member.id, role: 'MEMBER' })
		const course = await createCourse({ pricePence: 3000, modules: 1 })
		const error = await thrown(
			createCheckout({
				buyerUserId: member.id,
				courseId: course.id,
				organisationId: organisation.id,
				quantity: 5,
				method: 'CARD',
			}),
		)
		expect(isDomainError(error) && error.kind).toBe('forbidden')
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('refuses a learner who is already enrolled', async () => {
		const { buyer, course, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		await fulfilCheckout({ checkoutSessionId: session.id })
		const error = await thrown(createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' }))
		expect(isDomainError(error) && error.code).toBe('ALREADY_ENROLLED')
	})

	test('keeps at most one open checkout per buyer and course: reuses it, or expires it in Stripe and replaces it', async () => {
		const { buyer, course, orderId, url } = await individualCheckout()
		const again = await createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' })
		expect(again).toEqual({ orderId, url })
		expect(await prisma.order.count({ where: { buyerUserId: buyer.id, courseId: course.id } })).toBe(1)

		// Two at once (a double click) still make one open checkout.
		const both = await Promise.all([
			createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' }),
			createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' }),
		])
		expect(both.map((b) => b.orderId)).toEqual([orderId, orderId])

		// A checkout close to expiry is not handed out again: it is expired in Stripe and replaced.
		await prisma.order.update({ where: { id: orderId }, data: { checkoutExpiresAt: new Date(Date.now() + 60_000) } })
		const replaced = await createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' })
		expect(replaced.orderId).not.toBe(orderId)
		const old = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
		expect(old.status).toBe('EXPIRED')
		expect(fake.sessions.get(old.stripeCheckoutSessionId!)!.status).toBe('expired')
		expect(
			fake.requests.some(
				(r) => r.path === `/v1/checkout/sessions/${old.stripeCheckoutSessionId}/expire` && r.idempotencyKey,
			),
		).toBe(true)
		expect(await prisma.order.count({ where: { buyerUserId: buyer.id, courseId: course.id, status: 'PENDING' } })).toBe(
			1,
		)
	})

	test('an organisation changing the quantity gets a new checkout, and the old one is expired', async () => {
		const { admin, organisation, course, orderId } = await seatCheckout(5)
		const bigger = await createCheckout({
			buyerUserId: admin.id,
			courseId: course.id,
			organisationId: organisation.id,
			quantity: 8,
			method: 'CARD',
		})
		expect(bigger.orderId).not.toBe(orderId)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('EXPIRED')
		expect(await prisma.order.count({ where: { organisationId: organisation.id, status: 'PENDING' } })).toBe(1)
	})
})

async function lineItemsOf(sessionId: string) {
	const request = await fetch(`${fake.url}/v1/checkout/sessions/${sessionId}?expand[0]=line_items`)
	const body = (await request.json()) as { line_items: { data: unknown[] } }
	return body.line_items.data
}

describe('the Stripe webhook', () => {
	test('every event replayed 5 times, out of order and at once, grants one enrolment', async () => {
		const { buyer, course, orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		const completed = signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session' })
		const succeeded = signedEvent('checkout.session.async_payment_succeeded', {
			id: session.id,
			object: 'checkout.session',
		})
		const deliveries = shuffled([...Array(5).fill(completed), ...Array(5).fill(succeeded)])
		const replies = await Promise.all([
			...deliveries.map((event) => deliver(event)),
			fulfilCheckout({ checkoutSessionId: session.id }),
		])
		expect(replies.slice(0, 10).map((r) => ('status' in r ? r.status : 0))).toEqual(Array(10).fill(200))

		const enrolments = await prisma.enrolment.findMany({ where: { userId: buyer.id, courseId: course.id } })
		expect(enrolments).toHaveLength(1)
		expect(enrolments[0]).toMatchObject({ source: 'PURCHASE', orderId, status: 'ACTIVE' })
		const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
		expect(order).toMatchObject({ status: 'PAID', amountPence: 4900, stripePaymentIntentId: session.payment_intent })
		expect(order.fulfilledAt).toBeInstanceOf(Date)
		expect(await prisma.auditLog.count({ where: { targetId: orderId, action: 'order.fulfilled' } })).toBe(1)
		const receipts = await prisma.emailMessage.findMany({ where: { to: buyer.email, template: 'receipt' } })
		expect(receipts).toHaveLength(1)
		expect(receipts[0]!.text).toContain('£49.00')
		expect(await prisma.stripeEvent.count({ where: { id: { in: [completed.id, succeeded.id] } } })).toBe(2)
	})

	test('seats are added once however often the events arrive, and add to an existing pool', async () => {
		const { organisation, course, orderId, session } = await seatCheckout(7)
		fake.completeSession(session.id, 'paid')
		const expired = signedEvent('checkout.session.expired', { id: session.id, object: 'checkout.session' })
		const completed = signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session' })
		// The stale "expired" arrives first and afterwards: Stripe's own state (paid) decides.
		for (const event of shuffled([...Array(5).fill(completed), ...Array(5).fill(expired)])) {
			expect((await deliver(event)).status).toBe(200)
		}
		const pool = await prisma.seatPool.findUniqueOrThrow({
			where: { organisationId_courseId: { organisationId: organisation.id, courseId: course.id } },
		})
		expect(pool).toMatchObject({ seats: 7, used: 0, lastOrderId: orderId })
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PAID')
	})

	test('a bad signature is refused with 400 and changes nothing', async () => {
		const { orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		const event = signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session' })
		const forged = await deliver({ payload: event.payload, signature: 't=1,v1=deadbeef' })
		expect(forged.status).toBe(400)
		const missing = await deliver({ payload: event.payload, signature: '' })
		expect(missing.status).toBe(400)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PENDING')
		expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)
	})

	test('a tampered body is refused with 400', async () => {
		const { orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		const event = signedEvent('checkout.session.expired', { id: 'cs_someone_elses', object: 'checkout.session' })
		const tampered = event.payload
			.replace('cs_someone_elses', session.id)
			.replace('checkout.session.expired', 'checkout.session.completed')
		expect((await deliver({ payload: tampered, signature: event.signature })).status).toBe(400)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PENDING')
		expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)
	})

	test('an unpaid async checkout (Bacs) grants nothing until async_payment_succeeded', async () => {
		const { buyer, course, orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'unpaid')
		const completed = signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session' })
		expect((await deliver(completed)).status).toBe(200)
		expect(await fulfilCheckout({ checkoutSessionId: session.id })).toMatchObject({
			status: 'PENDING',
			fulfilledNow: false,
		})
		expect(await prisma.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(0)

		fake.setPaymentStatus(session.id, 'paid')
		const succeeded = signedEvent('checkout.session.async_payment_succeeded', {
			id: session.id,
			object: 'checkout.session',
		})
		expect((await deliver(succeeded)).status).toBe(200)
		expect(await prisma.enrolment.count({ where: { userId: buyer.id, courseId: course.id, status: 'ACTIVE' } })).toBe(1)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PAID')
	})

	test('a failed async payment marks the order FAILED and grants nothing', async () => {
		const { buyer, course, orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'unpaid')
		const failed = signedEvent('checkout.session.async_payment_failed', { id: session.id, object: 'checkout.session' })
		expect((await deliver(failed)).status).toBe(200)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('FAILED')
		expect(await prisma.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(0)
	})

	test('an expired checkout marks the order EXPIRED', async () => {
		const { orderId, session } = await individualCheckout()
		fake.expireSession(session.id)
		expect(
			(await deliver(signedEvent('checkout.session.expired', { id: session.id, object: 'checkout.session' }))).status,
		).toBe(200)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('EXPIRED')
	})

	test('answers 500 and does not record the event when fulfilment fails, so that Stripe retries', async () => {
		const { buyer, course, orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		const event = signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session' })
		fake.failing.add('GET /v1/checkout/sessions/:id')
		try {
			expect((await deliver(event)).status).toBe(500)
		} finally {
			fake.failing.delete('GET /v1/checkout/sessions/:id')
		}
		expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PENDING')

		// Stripe's retry of the same event then succeeds.
		expect((await deliver(event)).status).toBe(200)
		expect(await prisma.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1)
		expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1)
	})

	test('a failure inside the fulfilment transaction rolls back the event record too', async () => {
		const { buyer, course, orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		// The course loses its published version: enrolment fails after the order row was updated.
		await prisma.course.update({ where: { id: course.id }, data: { publishedVersionId: null } })
		const event = signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session' })
		expect((await deliver(event)).status).toBe(500)
		expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PENDING')
		await prisma.course.update({ where: { id: course.id }, data: { publishedVersionId: course.versionId } })
		expect((await deliver(event)).status).toBe(200)
		expect(await prisma.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1)
	})
})

describe('signed events about things Circle or Stripe does not know', () => {
	test('answer 200 and log a warning naming the event, never a secret; retries are skipped', async () => {
		// A checkout Stripe knows but Circle did not create (another app on the same Stripe account).
		const stripe = await requireStripe()
		const foreign = await stripe.checkout.sessions.create(
			{
				mode: 'payment',
				line_items: [
					{ quantity: 1, price_data: { currency: 'gbp', unit_amount: 1200, product_data: { name: 'Mug' } } },
				],
				success_url: 'https://shop.example/thanks',
			},
			{ idempotencyKey: 'foreign-session' },
		)
		const paid = fake.completeSession(foreign.id, 'paid')
		const foreignCharge = fake.chargeFor(paid.payment_intent)

		const events = [
			signedEvent('checkout.session.completed', { id: 'cs_test_nobody_knows', object: 'checkout.session' }),
			signedEvent('charge.refunded', { id: 'ch_test_nobody_knows', object: 'charge' }),
			signedEvent('charge.dispute.created', { id: 'dp_test_x', object: 'dispute', charge: 'ch_test_nobody_knows' }),
			signedEvent('invoice.paid', { id: 'in_test_nobody_knows', object: 'invoice' }),
			signedEvent('checkout.session.completed', { id: foreign.id, object: 'checkout.session' }),
			signedEvent('charge.refunded', { id: foreignCharge.id, object: 'charge' }),
		]
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		const error = vi.spyOn(console, 'error').mockImplementation(() => {})
		try {
			for (const event of events) expect(await deliver(event)).toMatchObject({ status: 200 })
			const warnings = warn.mock.calls.map((args) => args.join(' '))
			for (const event of events) expect(warnings.some((line) => line.includes(event.id))).toBe(true)
			expect(warnings.filter((line) => line.includes('is unknown to Stripe'))).toHaveLength(4)
			expect(warnings.filter((line) => line.includes('is not one of Circle’s orders'))).toHaveLength(2)
			for (const line of warnings) {
				expect(line).not.toContain(TEST_WEBHOOK_SECRET)
				expect(line).not.toContain('sk_test')
				expect(line).not.toContain('v1=')
				expect(line).not.toContain('"livemode"')
			}
			expect(error).not.toHaveBeenCalled()
			expect(await prisma.stripeEvent.count({ where: { id: { in: events.map((e) => e.id) } } })).toBe(events.length)

			// Stripe's retry of any of them is answered from the record, without asking Stripe again.
			const asked = fake.requests.length
			for (const event of events) expect(await deliver(event)).toEqual({ status: 200, body: 'Already processed' })
			expect(fake.requests.length).toBe(asked)
		} finally {
			warn.mockRestore()
			error.mockRestore()
		}
	})

	test('an order that disappears under fulfilment is acknowledged too, while a Stripe outage is still a 500', async () => {
		const { orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		const event = signedEvent('checkout.session.completed', { id: session.id, object: 'checkout.session' })
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		const error = vi.spyOn(console, 'error').mockImplementation(() => {})
		try {
			fake.failing.add('GET /v1/checkout/sessions/:id')
			expect((await deliver(event)).status).toBe(500)
			fake.failing.delete('GET /v1/checkout/sessions/:id')
			expect(error).toHaveBeenCalledTimes(1)
			expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0)

			// Deleted (by hand, in the database) between Stripe's first delivery and its retry.
			await prisma.order.delete({ where: { id: orderId } })
			expect(await deliver(event)).toMatchObject({ status: 200 })
			expect(warn.mock.calls.map((args) => args.join(' ')).join('\n')).toContain(event.id)
			expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1)
		} finally {
			fake.failing.delete('GET /v1/checkout/sessions/:id')
			warn.mockRestore()
			error.mockRestore()
		}
	})
})

describe('invoices', () => {
	test('an organisation pays by invoice with a purchase order; invoice.paid adds the seats once', async () => {
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id })
		const course = await createCourse({ pricePence: 2500, modules: 1 })
		const { orderId, url } = await createCheckout({
			buyerUserId: admin.id,
			courseId: course.id,
			organisationId: organisation.id,
			quantity: 12,
			purchaseOrderNumber: 'PO-2026-0042',
			method: 'INVOICE',
		})
		const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
		expect(order).toMatchObject({ status: 'PENDING', paymentMethod: 'INVOICE', purchaseOrderNumber: 'PO-2026-0042' })
		const invoice = fake.invoices.get(order.stripeInvoiceId!)!
		expect(url).toBe(invoice.hosted_invoice_url)
		expect(invoice).toMatchObject({
			status: 'open',
			collection_method: 'send_invoice',
			days_until_due: 30,
			amount_due: 12 * 2500,
			custom_fields: [
				{ name: 'Purchase order', value: 'PO-2026-0042' },
				{ name: 'VAT invoice', value: expect.stringMatching(/^CIR-\d{4}-\d{6}$/) },
			],
		})
		expect((await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).stripeCustomerId).toBe(
			invoice.customer,
		)

		// Sent but unpaid: nothing yet.
		const early = signedEvent('invoice.paid', { id: invoice.id, object: 'invoice' })
		expect((await deliver(early)).status).toBe(200)
		expect(await prisma.seatPool.count({ where: { organisationId: organisation.id } })).toBe(0)

		fake.payInvoice(invoice.id)
		const paid = signedEvent('invoice.paid', { id: invoice.id, object: 'invoice' })
		for (let i = 0; i < 5; i++) expect((await deliver(paid)).status).toBe(200)
		const pool = await prisma.seatPool.findFirstOrThrow({
			where: { organisationId: organisation.id, courseId: course.id },
		})
		expect(pool.seats).toBe(12)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PAID')
	})
	test('an invoice payment refunded before invoice.paid arrives adds no seats', async () => {
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id })
		const course = await createCourse({ pricePence: 2500, modules: 1 })
		const { orderId } = await createCheckout({
			buyerUserId: admin.id,
			courseId: course.id,
			organisationId: organisation.id,
			quantity: 4,
			method: 'INVOICE',
		})
		const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
		const invoice = fake.payInvoice(order.stripeInvoiceId!)
		const charge = fake.chargeFor(invoice.payments.data[0].payment.payment_intent)
		fake.refundCharge(charge.id)
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		try {
			// No checkout session to find it by: acknowledged, and the fulfilment reads the refund.
			expect((await deliver(signedEvent('charge.refunded', { id: charge.id, object: 'charge' }))).status).toBe(200)
		} finally {
			warn.mockRestore()
		}
		expect((await deliver(signedEvent('invoice.paid', { id: invoice.id, object: 'invoice' }))).status).toBe(200)
		expect(await prisma.seatPool.count({ where: { organisationId: organisation.id } })).toBe(0)
		expect(await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
			status: 'REFUNDED',
			amountRefundedPence: 4 * 2500,
			stripeChargeId: charge.id,
		})
		// A refund delivered again now finds the order by its payment intent: nothing changes.
		expect((await deliver(signedEvent('charge.refunded', { id: charge.id, object: 'charge' }))).status).toBe(200)
		expect(await prisma.seatPool.count({ where: { organisationId: organisation.id } })).toBe(0)
	})
})

describe('refunds and disputes', () => {
	test('refunding an individual purchase revokes the enrolment, once', async () => {
		const { buyer, course, orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		await fulfilCheckout({ checkoutSessionId: session.id })
		const platformAdmin = await createUser({ role: 'ADMIN' })

		const notAdmin = await thrown(refundOrder({ orderId, actorId: buyer.id }))
		expect(isDomainError(notAdmin) && notAdmin.kind).toBe('forbidden')

		const requested = await refundOrder({ orderId, actorId: platformAdmin.id })
		expect(requested.state).toBe('requested')
		// Nothing is revoked until Stripe confirms the refund.
		expect((await prisma.enrolment.findFirstOrThrow({ where: { userId: buyer.id, courseId: course.id } })).status).toBe(
			'ACTIVE',
		)

		const charge = fake.chargeFor(session.payment_intent)
		const refunded = signedEvent('charge.refunded', { id: charge.id, object: 'charge' })
		for (let i = 0; i < 5; i++) expect((await deliver(refunded)).status).toBe(200)
		const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { userId: buyer.id, courseId: course.id } })
		expect(enrolment.status).toBe('REVOKED')
		expect(enrolment.revokedAt).toBeInstanceOf(Date)
		expect(enrolment.revokedReason).toBe('Payment refunded')
		const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
		expect(order).toMatchObject({ status: 'REFUNDED', amountRefundedPence: 4900, stripeChargeId: charge.id })
		expect(await prisma.auditLog.count({ where: { targetId: orderId, action: 'order.refunded' } })).toBe(1)
	})

	test('a refund of seats reduces the pool, reclaiming unstarted seats first and never a started one', async () => {
		const { organisation, course, orderId, session } = await seatCheckout(5, 3000)
		fake.completeSession(session.id, 'paid')
		await fulfilCheckout({ checkoutSessionId: session.id })
		const pool = await prisma.seatPool.findFirstOrThrow({
			where: { organisationId: organisation.id, courseId: course.id },
		})

		// Two learners have started, one holds a seat but has not started, one invitation is pending: 1 seat free.
		const seat = async (started: boolean) => {
			const learner = await createUser()
			const assignment = await prisma.seatAssignment.create({
				data: { poolId: pool.id, userId: learner.id, email: learner.email, status: 'ASSIGNED' },
			})
			await prisma.enrolment.create({
				data: {
					userId: learner.id,
					courseId: course.id,
					versionId: course.versionId,
					source: 'SEAT',
					seatAssignmentId: assignment.id,
					startedAt: started ? new Date() : null,
				},
			})
			return assignment.id
		}
		const startedA = await seat(true)
		const startedB = await seat(true)
		const unstarted = await seat(false)
		const invitation = await prisma.invitation.create({
			data: {
				organisationId: organisation.id,
				email: 'pending@example.org',
				seatPoolId: pool.id,
				tokenHash: `hash-${orderId}`,
				expiresAt: new Date(Date.now() + 86_400_000),
			},
		})
		await prisma.seatPool.update({ where: { id: pool.id }, data: { used: 3 } })

		// Refund three seats' worth: the free seat, then the pending invitation, then the unstarted seat.
		const charge = fake.chargeFor(session.payment_intent)
		fake.refundCharge(charge.id, 9000)
		expect((await deliver(signedEvent('charge.refunded', { id: charge.id, object: 'charge' }))).status).toBe(200)
		expect(await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).toMatchObject({ seats: 2, used: 2 })
		const statuses = Object.fromEntries(
			(await prisma.seatAssignment.findMany({ where: { poolId: pool.id } })).map((a) => [a.id, a.status]),
		)
		expect(statuses).toEqual({ [startedA]: 'ASSIGNED', [startedB]: 'ASSIGNED', [unstarted]: 'RECLAIMED' })
		expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeInstanceOf(Date)
		expect(await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
			status: 'PAID',
			amountRefundedPence: 9000,
		})

		// The rest refunded (and the event replayed): started learners keep their seats.
		fake.refundCharge(charge.id)
		const full = signedEvent('charge.refunded', { id: charge.id, object: 'charge' })
		for (let i = 0; i < 3; i++) expect((await deliver(full)).status).toBe(200)
		expect(await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).toMatchObject({ seats: 2, used: 2 })
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('REFUNDED')
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { targetId: orderId, action: 'order.refunded' },
			orderBy: { createdAt: 'desc' },
		})
		expect(audit.details).toMatchObject({ notRecovered: 2 })
	})

	test('a dispute withdraws everything the order bought', async () => {
		const { buyer, course, orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		await fulfilCheckout({ checkoutSessionId: session.id })
		const charge = fake.chargeFor(session.payment_intent)
		const dispute = signedEvent('charge.dispute.created', fake.disputeCharge(charge.id))
		for (let i = 0; i < 3; i++) expect((await deliver(dispute)).status).toBe(200)
		expect((await prisma.enrolment.findFirstOrThrow({ where: { userId: buyer.id, courseId: course.id } })).status).toBe(
			'REVOKED',
		)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).disputedAt).toBeInstanceOf(Date)
	})
})

describe('idempotency keys', () => {
	test('every POST Circle sent to Stripe carried an Idempotency-Key', async () => {
		// Make sure every kind of POST has happened at least once in this file.
		const { orderId, session } = await individualCheckout()
		fake.completeSession(session.id, 'paid')
		await fulfilCheckout({ checkoutSessionId: session.id })
		await refundOrder({ orderId, actorId: (await createUser({ role: 'ADMIN' })).id })

		const posts = fake.requests.filter((r) => r.method === 'POST')
		const paths = new Set(posts.map((r) => r.path.replace(/\/(cs|in)_test_[0-9a-f]+/, '/:id')))
		expect(paths).toEqual(
			new Set([
				'/v1/checkout/sessions',
				'/v1/checkout/sessions/:id/expire',
				'/v1/customers',
				'/v1/invoices',
				'/v1/invoiceitems',
				'/v1/invoices/:id/send',
				'/v1/refunds',
			]),
		)
		expect(posts.filter((r) => !r.idempotencyKey)).toEqual([])
		// Keys are derived from the order and the operation, so a retry repeats the same key.
		expect(posts.find((r) => r.path === '/v1/refunds')!.idempotencyKey).toMatch(/^order-.+-refund$/)
	})
})
