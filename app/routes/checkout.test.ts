import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createTestOrganisation, type FakeStripe, useFakeStripe, withoutStripe } from '#tests/factories/billing.ts'
import { prisma } from '#modules/db/client.ts'
import { createCourse, createEnrolment, createUser } from '#tests/factories/learning.ts'
import { action as refundAction, loader as adminOrderLoader } from './admin.orders.$id.tsx'
import { loader as purchasesLoader } from './account.purchases.tsx'
import { action as demoAction, loader as demoLoader } from './checkout.demo.$orderId.tsx'
import { loader as successLoader } from './checkout.success.tsx'
import { loader as cancelLoader } from './checkout.cancel.tsx'
import { action as buyAction, loader as buyLoader } from './courses.$slug_.buy.tsx'
import { sessionCookie } from '#tests/factories/sessions.ts'

afterAll(releaseTestResources)

// Route tests: real requests with a real session cookie, real PostgreSQL, and Stripe faked only at
// its HTTP boundary (tests/fakes/stripe-server.ts), as in modules/billing/stripe-payments.test.ts.

async function signedIn(role: 'LEARNER' | 'ADMIN' = 'LEARNER') {
	const user = await createUser({ role })
	return { user, cookie: await sessionCookie(user.id) }
}

function args<T extends (...a: never[]) => unknown>(request: Request, params: Record<string, string> = {}) {
	return { request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } } as unknown as Parameters<T>[0]
}

function get(path: string, cookie?: string) {
	return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

function post(path: string, fields: Array<[string, string]>, cookie?: string) {
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' })
	if (cookie) headers.set('Cookie', cookie)
	return new Request(`http://localhost${path}`, { method: 'POST', headers, body: new URLSearchParams(fields) })
}

type DataReply = { data: Record<string, unknown>; init: { status?: number } | null }

/** Whatever a loader or action returned or threw. */
async function settle(promise: Promise<unknown> | unknown) {
	try {
		return await promise
	} catch (thrown) {
		return thrown
	}
}

function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as DataReply).init?.status ?? 200
}

function locationOf(result: unknown) {
	if (!(result instanceof Response)) throw new Error(`Expected a redirect, got ${JSON.stringify(result)}`)
	return result.headers.get('Location') ?? ''
}

function fieldErrors(result: unknown) {
	const reply = (result as DataReply).data.result as { error?: Record<string, string[] | null> }
	return reply.error ?? {}
}

async function buy(slug: string, fields: Array<[string, string]>, cookie?: string) {
	return settle(buyAction(args<typeof buyAction>(post(`/courses/${slug}/buy`, fields, cookie), { slug })))
}

async function success(query: string, cookie: string) {
	return settle(successLoader(args<typeof successLoader>(get(`/checkout/success?${query}`, cookie))))
}

describe('with Stripe configured', () => {
	let fake: FakeStripe
	let stop: () => Promise<void>
	beforeAll(async () => {
		;({ fake, stop } = await useFakeStripe())
	})
	afterAll(() => stop())

	async function sessionOf(orderId: string) {
		const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
		return fake.sessions.get(order.stripeCheckoutSessionId!)!
	}

	test('an anonymous visitor is sent to log in and back, and an anonymous POST buys nothing', async () => {
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		const page = await settle(
			buyLoader(args<typeof buyLoader>(get(`/courses/${course.slug}/buy`), { slug: course.slug })),
		)
		expect(statusOf(page)).toBe(302)
		expect(locationOf(page)).toBe(`/login?redirectTo=${encodeURIComponent(`/courses/${course.slug}/buy`)}`)
		const posted = await buy(course.slug, [['intent', 'individual']])
		expect(locationOf(posted)).toMatch(/^\/login\?redirectTo=/)
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('the page shows the price and tiers from the database and the organisations the user administers', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		await prisma.course.update({
			where: { id: course.id },
			data: {
				volumeTiers: [
					{ minQuantity: 50, unitPricePence: 3900 },
					{ minQuantity: 10, unitPricePence: 4400 },
				],
			},
		})
		const admin = await createTestOrganisation({ userId: user.id, role: 'ADMIN' })
		await createTestOrganisation({ userId: user.id, role: 'MEMBER' })
		const page = (await buyLoader(
			args<typeof buyLoader>(get(`/courses/${course.slug}/buy`, cookie), { slug: course.slug }),
		)) as Awaited<ReturnType<typeof buyLoader>>
		expect(page.course).toMatchObject({ pricePence: 4900, volumeTiers: [{ minQuantity: 10 }, { minQuantity: 50 }] })
		expect(page.adminOrganisations.map((o) => o.id)).toEqual([admin.id])
		expect(page).toMatchObject({ enrolled: false, demo: false })
	})

	test('the price comes from the database whatever the form posts', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		const reply = await buy(
			course.slug,
			[
				['intent', 'individual'],
				['amountPence', '1'],
				['unitPricePence', '1'],
				['pricePence', '1'],
				['quantity', '1'],
			],
			cookie,
		)
		expect(statusOf(reply)).toBe(303)
		const order = await prisma.order.findFirstOrThrow({ where: { buyerUserId: user.id, courseId: course.id } })
		expect(order).toMatchObject({ amountPence: 4900, quantity: 1, status: 'PENDING', paymentMethod: 'CARD' })
		const session = await sessionOf(order.id)
		expect(locationOf(reply)).toBe(session.url)
		expect(session.amount_total).toBe(4900)

		// Seats: the volume tier for the quantity, never a price in the form.
		const organisation = await createTestOrganisation({ userId: user.id })
		await prisma.course.update({
			where: { id: course.id },
			data: { volumeTiers: [{ minQuantity: 10, unitPricePence: 4400 }] },
		})
		const seats = await buy(
			course.slug,
			[
				['intent', 'seats'],
				['organisationId', organisation.id],
				['quantity', '12'],
				['method', 'CARD'],
				['unitPricePence', '100'],
			],
			cookie,
		)
		expect(statusOf(seats)).toBe(303)
		const seatOrder = await prisma.order.findFirstOrThrow({ where: { organisationId: organisation.id } })
		expect(seatOrder).toMatchObject({ quantity: 12, amountPence: 12 * 4400 })
		expect((await sessionOf(seatOrder.id)).amount_total).toBe(12 * 4400)
	})

	test('a bad quantity is refused beside its field, and nothing is ordered', async () => {
		const { user, cookie } = await signedIn()
		const organisation = await createTestOrganisation({ userId: user.id })
		const course = await createCourse({ modules: 1, pricePence: 3000 })
		for (const quantity of ['0', '1001', 'ten', '2.5', '']) {
			const reply = await buy(
				course.slug,
				[
					['intent', 'seats'],
					['organisationId', organisation.id],
					['quantity', quantity],
					['method', 'CARD'],
				],
				cookie,
			)
			expect(statusOf(reply)).toBe(400)
			expect(fieldErrors(reply).quantity?.[0]).toMatch(/from 1 to 1,000/)
			expect((reply as DataReply).data.intent).toBe('seats')
		}
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('a member who is not an owner or admin cannot buy seats for the organisation (403)', async () => {
		const { user, cookie } = await signedIn()
		const organisation = await createTestOrganisation({ userId: user.id, role: 'MEMBER' })
		const course = await createCourse({ modules: 1, pricePence: 3000 })
		const reply = await buy(
			course.slug,
			[
				['intent', 'seats'],
				['organisationId', organisation.id],
				['quantity', '5'],
				['method', 'CARD'],
			],
			cookie,
		)
		expect(statusOf(reply)).toBe(403)
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('an enrolled learner is told so, and cannot buy a second place', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 3000 })
		await createEnrolment({ userId: user.id, course })
		const page = (await buyLoader(
			args<typeof buyLoader>(get(`/courses/${course.slug}/buy`, cookie), { slug: course.slug }),
		)) as {
			enrolled: boolean
		}
		expect(page.enrolled).toBe(true)
		const reply = await buy(course.slug, [['intent', 'individual']], cookie)
		expect(statusOf(reply)).toBe(409)
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('a free course has nothing to buy: the page sends you to the course', async () => {
		const { cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 0 })
		const page = await settle(
			buyLoader(args<typeof buyLoader>(get(`/courses/${course.slug}/buy`, cookie), { slug: course.slug })),
		)
		expect(locationOf(page)).toBe(`/courses/${course.slug}`)
	})

	test('the success page fulfils through the shared function, once however often it is loaded', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		await buy(course.slug, [['intent', 'individual']], cookie)
		const order = await prisma.order.findFirstOrThrow({ where: { buyerUserId: user.id, courseId: course.id } })
		const session = await sessionOf(order.id)
		fake.completeSession(session.id, 'paid')

		const pages = [await success(`session_id=${session.id}`, cookie), await success(`session_id=${session.id}`, cookie)]
		for (const page of pages) {
			expect(page).toMatchObject({
				confirmed: true,
				awaitingPayment: false,
				order: { id: order.id, status: 'PAID', amountPence: 4900 },
			})
		}
		expect(await prisma.enrolment.count({ where: { userId: user.id, courseId: course.id } })).toBe(1)
		expect(await prisma.auditLog.count({ where: { targetId: order.id, action: 'order.fulfilled' } })).toBe(1)
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'receipt' } })).toBe(1)

		// It is listed on the buyer's purchases page.
		const purchases = (await purchasesLoader(args<typeof purchasesLoader>(get('/account/purchases', cookie)))) as {
			orders: Array<{ id: string; status: string }>
		}
		expect(purchases.orders).toEqual([expect.objectContaining({ id: order.id, status: 'PAID' })])
	})

	test('an async bank payment that has not cleared grants nothing and says so', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		await buy(course.slug, [['intent', 'individual']], cookie)
		const order = await prisma.order.findFirstOrThrow({ where: { buyerUserId: user.id, courseId: course.id } })
		const session = await sessionOf(order.id)
		fake.completeSession(session.id, 'unpaid')
		const page = await success(`session_id=${session.id}`, cookie)
		expect(page).toMatchObject({ awaitingPayment: true, order: { status: 'PENDING' } })
		expect(await prisma.enrolment.count({ where: { userId: user.id, courseId: course.id } })).toBe(0)
	})

	test("another user's order is a 404, by session or by order id, and is not fulfilled by them", async () => {
		const { user, cookie } = await signedIn()
		const other = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		await buy(course.slug, [['intent', 'individual']], cookie)
		const order = await prisma.order.findFirstOrThrow({ where: { buyerUserId: user.id, courseId: course.id } })
		const session = await sessionOf(order.id)
		fake.completeSession(session.id, 'paid')

		expect(statusOf(await success(`session_id=${session.id}`, other.cookie))).toBe(404)
		expect(statusOf(await success(`order=${order.id}`, other.cookie))).toBe(404)
		expect(statusOf(await success('session_id=cs_test_unknown', cookie))).toBe(404)
		expect(statusOf(await success('', cookie))).toBe(404)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PENDING')
		// The buyer can.
		expect(await success(`order=${order.id}`, cookie)).toMatchObject({ order: { id: order.id } })
	})

	test('an invoice request sends a Stripe invoice with the PO, terms and billing email, and shows the order', async () => {
		const { user, cookie } = await signedIn()
		const organisation = await createTestOrganisation({ userId: user.id })
		const course = await createCourse({ modules: 1, pricePence: 2500 })
		const reply = await buy(
			course.slug,
			[
				['intent', 'seats'],
				['organisationId', organisation.id],
				['quantity', '15'],
				['method', 'INVOICE'],
				['purchaseOrderNumber', 'PO-7781'],
				['paymentTermsDays', '60'],
				['billingEmail', 'Accounts@Riverside.example'],
			],
			cookie,
		)
		const order = await prisma.order.findFirstOrThrow({ where: { organisationId: organisation.id } })
		expect(locationOf(reply)).toBe(`/checkout/success?order=${order.id}`)
		const invoice = fake.invoices.get(order.stripeInvoiceId!)!
		expect(invoice).toMatchObject({
			days_until_due: 60,
			amount_due: 15 * 2500,
			custom_fields: [
				{ name: 'Purchase order', value: 'PO-7781' },
				{ name: 'VAT invoice', value: expect.stringMatching(/^CIR-\d{4}-\d{6}$/) },
			],
			customer_email: 'accounts@riverside.example',
		})
		expect((await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).billingEmail).toBe(
			'accounts@riverside.example',
		)
		const page = await success(`order=${order.id}`, cookie)
		expect(page).toMatchObject({
			order: {
				status: 'PENDING',
				paymentMethod: 'INVOICE',
				invoiceEmail: 'accounts@riverside.example',
				payUrl: invoice.hosted_invoice_url,
			},
		})

		// A later invoice to a new billing email updates the existing Stripe customer.
		const again = await buy(
			course.slug,
			[
				['intent', 'seats'],
				['organisationId', organisation.id],
				['quantity', '3'],
				['method', 'INVOICE'],
				['billingEmail', 'finance@riverside.example'],
			],
			cookie,
		)
		expect(statusOf(again)).toBe(303)
		expect(fake.customers.get(invoice.customer)!.email).toBe('finance@riverside.example')
	})

	test('unknown payment terms and a malformed billing email are refused beside their fields', async () => {
		const { user, cookie } = await signedIn()
		const organisation = await createTestOrganisation({ userId: user.id })
		const course = await createCourse({ modules: 1, pricePence: 2500 })
		const reply = await buy(
			course.slug,
			[
				['intent', 'seats'],
				['organisationId', organisation.id],
				['quantity', '5'],
				['method', 'INVOICE'],
				['paymentTermsDays', '365'],
				['billingEmail', 'not an email'],
			],
			cookie,
		)
		expect(statusOf(reply)).toBe(400)
		expect(Object.keys(fieldErrors(reply)).sort()).toEqual(['billingEmail', 'paymentTermsDays'])
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('the demo checkout is refused (404) once Stripe is configured, even for a demo order', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		const restore = withoutStripe()
		let demoUrl: string
		try {
			demoUrl = locationOf(await buy(course.slug, [['intent', 'individual']], cookie))
		} finally {
			restore()
		}
		expect(demoUrl).toMatch(/^\/checkout\/demo\//)
		const orderId = demoUrl.split('/').pop()!
		const page = await settle(demoLoader(args<typeof demoLoader>(get(demoUrl, cookie), { orderId })))
		expect(statusOf(page)).toBe(404)
		const paid = await settle(
			demoAction(args<typeof demoAction>(post(demoUrl, [['intent', 'pay']], cookie), { orderId })),
		)
		expect(statusOf(paid)).toBe(404)
		expect(await prisma.enrolment.count({ where: { userId: user.id, courseId: course.id } })).toBe(0)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PENDING')
	})

	test('admin refund: a non-admin gets 403; an admin refunds through Stripe with the reason kept', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		await buy(course.slug, [['intent', 'individual']], cookie)
		const order = await prisma.order.findFirstOrThrow({ where: { buyerUserId: user.id, courseId: course.id } })
		const session = await sessionOf(order.id)
		fake.completeSession(session.id, 'paid')
		await success(`session_id=${session.id}`, cookie)

		const path = `/admin/orders/${order.id}?refund=confirm`
		const refund = (c: string) =>
			settle(
				refundAction(
					args<typeof refundAction>(
						post(
							path,
							[
								['intent', 'refund'],
								['reason', 'Booked the wrong course'],
							],
							c,
						),
						{ id: order.id },
					),
				),
			)
		expect(statusOf(await refund(cookie))).toBe(403)
		expect(
			statusOf(await settle(adminOrderLoader(args<typeof adminOrderLoader>(get(path, cookie), { id: order.id })))),
		).toBe(403)
		expect(fake.refunds.size).toBe(0)

		const admin = await signedIn('ADMIN')
		const done = (await refund(admin.cookie)) as { done: string }
		expect(done.done).toMatch(/Refund sent to Stripe/)
		const refunds = [...fake.refunds.values()].filter((r) => r.payment_intent === session.payment_intent)
		expect(refunds).toHaveLength(1)
		expect(fake.requests.find((r) => r.path === '/v1/refunds')!.body).toMatchObject({
			metadata: { orderId: order.id, note: 'Booked the wrong course' },
		})
		const page = (await adminOrderLoader(args<typeof adminOrderLoader>(get(path, admin.cookie), { id: order.id }))) as {
			audit: Array<{ action: string; details: { reason?: string } }>
		}
		expect(page.audit[0]).toMatchObject({
			action: 'order.refund_requested',
			details: { reason: 'Booked the wrong course' },
		})
	})
})

describe('without Stripe (the demo checkout)', () => {
	let restore: () => void
	beforeEach(() => {
		restore = withoutStripe()
	})
	afterEach(() => restore())

	test('past the daily limit of orders paid by invoice, the form says so beside the payment choice (429)', async () => {
		const { user, cookie } = await signedIn()
		const organisation = await createTestOrganisation({ userId: user.id })
		const course = await createCourse({ modules: 1, pricePence: 2500 })
		const order = (po: string) =>
			buy(
				course.slug,
				[
					['intent', 'seats'],
					['organisationId', organisation.id],
					['quantity', '2'],
					['method', 'INVOICE'],
					['purchaseOrderNumber', po],
					['paymentTermsDays', '30'],
					['billingEmail', 'finance@riverside.example'],
				],
				cookie,
			)
		for (let n = 1; n <= 10; n++) expect(statusOf(await order(`PO-${n}`))).toBe(303)
		const reply = await order('PO-11')
		expect(statusOf(reply)).toBe(429)
		expect(fieldErrors(reply).method?.[0]).toContain('orders paid by invoice')
		expect(await prisma.invoice.count({ where: { order: { organisationId: organisation.id } } })).toBe(10)
	}, 60_000)

	test('a learner buys through the demo checkout and is enrolled once; reloading changes nothing', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		const page = (await buyLoader(
			args<typeof buyLoader>(get(`/courses/${course.slug}/buy`, cookie), { slug: course.slug }),
		)) as {
			demo: boolean
		}
		expect(page.demo).toBe(true)
		const reply = await buy(course.slug, [['intent', 'individual']], cookie)
		expect(statusOf(reply)).toBe(303)
		const demoUrl = locationOf(reply)
		const orderId = demoUrl.split('/').pop()!
		expect(demoUrl).toBe(`/checkout/demo/${orderId}`)

		const checkout = (await demoLoader(args<typeof demoLoader>(get(demoUrl, cookie), { orderId }))) as {
			checkout: { amountPence: number; status: string }
		}
		expect(checkout.checkout).toMatchObject({ amountPence: 4900, status: 'PENDING' })

		const paid = await settle(
			demoAction(args<typeof demoAction>(post(demoUrl, [['intent', 'pay']], cookie), { orderId })),
		)
		expect(statusOf(paid)).toBe(303)
		expect(locationOf(paid)).toBe(`/checkout/success?order=${orderId}`)
		for (let i = 0; i < 2; i++) {
			expect(await success(`order=${orderId}`, cookie)).toMatchObject({
				order: { status: 'PAID', paymentMethod: 'DEMO', product: { kind: 'course', slug: course.slug } },
			})
		}
		// Paying again (a second click) and revisiting the demo page change nothing.
		await settle(demoAction(args<typeof demoAction>(post(demoUrl, [['intent', 'pay']], cookie), { orderId })))
		const revisit = await settle(demoLoader(args<typeof demoLoader>(get(demoUrl, cookie), { orderId })))
		expect(locationOf(revisit)).toBe(`/checkout/success?order=${orderId}`)
		expect(await prisma.enrolment.count({ where: { userId: user.id, courseId: course.id, status: 'ACTIVE' } })).toBe(1)
		expect(await prisma.auditLog.count({ where: { targetId: orderId, action: 'order.fulfilled' } })).toBe(1)
	})

	test("someone else's demo checkout is a 404 and they cannot pay it", async () => {
		const { user, cookie } = await signedIn()
		const other = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		const demoUrl = locationOf(await buy(course.slug, [['intent', 'individual']], cookie))
		const orderId = demoUrl.split('/').pop()!
		expect(statusOf(await settle(demoLoader(args<typeof demoLoader>(get(demoUrl, other.cookie), { orderId }))))).toBe(
			404,
		)
		const paid = await settle(
			demoAction(args<typeof demoAction>(post(demoUrl, [['intent', 'pay']], other.cookie), { orderId })),
		)
		expect(statusOf(paid)).toBe(404)
		expect(await prisma.enrolment.count({ where: { courseId: course.id } })).toBe(0)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).buyerUserId).toBe(user.id)
	})

	test('cancelling closes the order and the cancelled page links back to the course', async () => {
		const { cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		const demoUrl = locationOf(await buy(course.slug, [['intent', 'individual']], cookie))
		const orderId = demoUrl.split('/').pop()!
		const cancelled = await settle(
			demoAction(args<typeof demoAction>(post(demoUrl, [['intent', 'cancel']], cookie), { orderId })),
		)
		expect(locationOf(cancelled)).toBe(`/checkout/cancel?course=${course.slug}`)
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('EXPIRED')
		expect(await cancelLoader(args<typeof cancelLoader>(get(`/checkout/cancel?course=${course.slug}`)))).toEqual({
			buyUrl: `/courses/${course.slug}/buy`,
			pageUrl: `/courses/${course.slug}`,
			back: 'course',
		})
		expect(await cancelLoader(args<typeof cancelLoader>(get('/checkout/cancel?programme=calm-schools')))).toEqual({
			buyUrl: '/programmes/calm-schools',
			pageUrl: '/programmes/calm-schools',
			back: 'programme',
		})
		expect(await cancelLoader(args<typeof cancelLoader>(get('/checkout/cancel?course=//evil.example')))).toBeNull()
		expect(await cancelLoader(args<typeof cancelLoader>(get('/checkout/cancel?programme=//evil.example')))).toBeNull()
		// Paying a cancelled checkout is refused.
		const late = await settle(
			demoAction(args<typeof demoAction>(post(demoUrl, [['intent', 'pay']], cookie), { orderId })),
		)
		expect(statusOf(late)).toBe(410)
	})

	test('seats bought through the demo checkout go to the organisation; an admin refund withdraws them', async () => {
		const { user, cookie } = await signedIn()
		const organisation = await createTestOrganisation({ userId: user.id })
		const course = await createCourse({ modules: 1, pricePence: 3000 })
		const demoUrl = locationOf(
			await buy(
				course.slug,
				[
					['intent', 'seats'],
					['organisationId', organisation.id],
					['quantity', '4'],
					['method', 'CARD'],
				],
				cookie,
			),
		)
		const orderId = demoUrl.split('/').pop()!
		await settle(demoAction(args<typeof demoAction>(post(demoUrl, [['intent', 'pay']], cookie), { orderId })))
		expect(await success(`order=${orderId}`, cookie)).toMatchObject({
			order: { status: 'PAID', quantity: 4, organisation: { slug: organisation.slug } },
		})
		const pool = await prisma.seatPool.findFirstOrThrow({
			where: { organisationId: organisation.id, courseId: course.id },
		})
		expect(pool.seats).toBe(4)

		const admin = await signedIn('ADMIN')
		const done = (await refundAction(
			args<typeof refundAction>(post(`/admin/orders/${orderId}`, [['intent', 'refund']], admin.cookie), {
				id: orderId,
			}),
		)) as { done: string }
		expect(done.done).toMatch(/^Refunded\. 4 seats withdrawn/)
		expect(await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).toMatchObject({ seats: 0 })
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('REFUNDED')

		// Refunding again is refused with a message, not a crash.
		const again = await refundAction(
			args<typeof refundAction>(post(`/admin/orders/${orderId}`, [['intent', 'refund']], admin.cookie), {
				id: orderId,
			}),
		)
		expect(statusOf(again)).toBe(409)
	})
})
