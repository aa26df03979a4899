// Stripe does not promise the order of its webhooks: a refund or a dispute can arrive before the
// checkout.session.completed that paid for it, and Circle's own record of the checkout session
// (createCheckout's last write) can land after any of them. Every ordering is delivered here as
// real signed webhooks, with the real Stripe client talking to the HTTP fake, and none may leave a
// refunded or disputed purchase open, nor close a purchase that was simply paid.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { confirmCheckout } from './confirm-checkout.ts'
import { createCheckout } from './create-checkout.ts'
import {
	createTestOrganisation,
	deliver,
	type FakeStripe,
	signedEvent,
	useFakeStripe,
} from '#tests/factories/billing.ts'

let fake: FakeStripe
let stop: () => Promise<void>

beforeAll(async () => {
	;({ fake, stop } = await useFakeStripe())
})

afterAll(async () => {
	await stop()
	await releaseTestResources()
})

type Step = 'created' | 'completed' | 'refunded' | 'disputed'
type Buyer = 'learner' | 'organisation'

type Scenario = {
	name: string
	refund: 'full' | 'partial' | null
	dispute: boolean
}

const SCENARIOS: Scenario[] = [
	{ name: 'refunded and disputed', refund: 'full', dispute: true },
	{ name: 'refunded', refund: 'full', dispute: false },
	{ name: 'disputed', refund: null, dispute: true },
	{ name: 'partly refunded', refund: 'partial', dispute: false },
	{ name: 'paid', refund: null, dispute: false },
]

const SEATS = 3
const LEARNER_PRICE = 4900
const SEAT_PRICE = 3000
/** A partial refund: less than a learner's place, exactly one seat of a licence. */
const partialRefund = (buyer: Buyer) => (buyer === 'learner' ? 1000 : SEAT_PRICE)

function stepsOf(scenario: Scenario): Step[] {
	return [
		'created',
		'completed',
		...(scenario.refund ? (['refunded'] as const) : []),
		...(scenario.dispute ? (['disputed'] as const) : []),
	]
}

function permutations<T>(items: T[]): T[][] {
	if (items.length <= 1) return [items]
	return items.flatMap((item, index) =>
		permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
	)
}

/**
 * A checkout as createCheckout leaves it just before its last write: the session exists in Stripe
 * (its metadata names the order) but Circle has not stored the session id yet. The `created` step
 * makes that write.
 */
async function purchase(buyer: Buyer) {
	const user = await createUser()
	const course = await createCourse({ pricePence: buyer === 'learner' ? LEARNER_PRICE : SEAT_PRICE, modules: 1 })
	const organisation =
		buyer === 'organisation' ? await createTestOrganisation({ userId: user.id, role: 'ADMIN' }) : null
	const { orderId } = await createCheckout({
		buyerUserId: user.id,
		courseId: course.id,
		method: 'CARD',
		...(organisation ? { organisationId: organisation.id, quantity: SEATS } : {}),
	})
	const written = await prisma.order.findUniqueOrThrow({
		where: { id: orderId },
		select: { stripeCheckoutSessionId: true, checkoutUrl: true, checkoutExpiresAt: true },
	})
	await prisma.order.update({
		where: { id: orderId },
		data: { stripeCheckoutSessionId: null, checkoutUrl: null, checkoutExpiresAt: null },
	})
	const sessionId = written.stripeCheckoutSessionId!
	return {
		user,
		course,
		organisation,
		orderId,
		sessionId,
		recordSession: () => prisma.order.update({ where: { id: orderId }, data: written }),
	}
}

type Purchase = Awaited<ReturnType<typeof purchase>>

/** What Stripe does, each at most once and in Stripe's own order: the customer pays, then money goes back. */
function stripeSide(buyer: Buyer, p: Purchase, scenario: Scenario) {
	let chargeId: string | null = null
	let dispute: Record<string, unknown> | null = null
	let refunded = false
	const pay = () => {
		if (!chargeId) chargeId = fake.chargeFor(fake.completeSession(p.sessionId, 'paid').payment_intent).id
		return chargeId!
	}
	return {
		pay,
		refund() {
			const charge = pay()
			if (!refunded) fake.refundCharge(charge, scenario.refund === 'partial' ? partialRefund(buyer) : undefined)
			refunded = true
			return charge
		},
		dispute() {
			dispute ??= fake.disputeCharge(pay())
			return dispute
		},
		/** Everything in the scenario has happened in Stripe (webhooks delayed, or retried late). */
		all() {
			pay()
			if (scenario.refund) this.refund()
			if (scenario.dispute) this.dispute()
		},
	}
}

/** The webhook Stripe sends for a step, signed; the Stripe action behind it happens first. */
function eventFor(step: Exclude<Step, 'created'>, p: Purchase, stripe: ReturnType<typeof stripeSide>) {
	switch (step) {
		case 'completed':
			stripe.pay()
			return signedEvent('checkout.session.completed', { id: p.sessionId, object: 'checkout.session' })
		case 'refunded':
			return signedEvent('charge.refunded', { id: stripe.refund(), object: 'charge' })
		case 'disputed':
			return signedEvent('charge.dispute.created', stripe.dispute())
	}
}

async function expectOutcome(buyer: Buyer, p: Purchase, scenario: Scenario) {
	const order = await prisma.order.findUniqueOrThrow({ where: { id: p.orderId } })
	const fullyRefunded = scenario.refund === 'full'
	const closed = fullyRefunded || scenario.dispute
	expect(order.status).toBe(fullyRefunded ? 'REFUNDED' : 'PAID')
	expect(order.disputedAt !== null).toBe(scenario.dispute)
	expect(order.amountRefundedPence).toBe(
		fullyRefunded ? order.amountPence : scenario.refund === 'partial' ? partialRefund(buyer) : 0,
	)
	expect(order.stripeCheckoutSessionId).toBe(p.sessionId)

	if (buyer === 'learner') {
		const active = await prisma.enrolment.count({
			where: { userId: p.user.id, courseId: p.course.id, status: 'ACTIVE' },
		})
		expect(active).toBe(closed ? 0 : 1)
	} else {
		const pool = await prisma.seatPool.findFirst({
			where: { organisationId: p.organisation!.id, courseId: p.course.id },
			select: { seats: true, used: true },
		})
		const expected = closed ? 0 : scenario.refund === 'partial' ? SEATS - 1 : SEATS
		expect(pool?.seats ?? 0).toBe(expected)
	}
	// Granted at most once, and a receipt only for what was granted.
	const fulfilled = await prisma.auditLog.count({ where: { targetId: p.orderId, action: 'order.fulfilled' } })
	expect(fulfilled).toBeLessThanOrEqual(1)
	expect(await prisma.emailMessage.count({ where: { to: p.user.email, template: 'receipt' } })).toBe(fulfilled)
	if (!closed) expect(fulfilled).toBe(1)
}

type Case = { buyer: Buyer; scenario: Scenario; order: Step[]; timing: 'as it happens' | 'late' }

const sequentialCases: Case[] = (['learner', 'organisation'] as const).flatMap((buyer) =>
	SCENARIOS.flatMap((scenario) =>
		permutations(stepsOf(scenario)).flatMap((order) =>
			(['as it happens', 'late'] as const).map((timing) => ({ buyer, scenario, order, timing })),
		),
	),
)

describe('every ordering of created / completed / refunded / disputed', () => {
	test.concurrent.for(
		sequentialCases.map((c) => [`${c.buyer}, ${c.scenario.name}, ${c.timing}: ${c.order.join(' → ')}`, c] as const),
	)('%s', async ([, { buyer, scenario, order, timing }]) => {
		const p = await purchase(buyer)
		const stripe = stripeSide(buyer, p, scenario)
		// "late": every webhook is delivered after Stripe has done everything (delays, retries).
		if (timing === 'late') stripe.all()
		const delivered: Array<{ payload: string; signature: string; id: string }> = []
		for (const step of order) {
			if (step === 'created') {
				await p.recordSession()
				continue
			}
			const event = eventFor(step, p, stripe)
			delivered.push(event)
			expect((await deliver(event)).status).toBe(200)
		}
		// Stripe redelivers each of them, all at once, and the buyer reloads the success page.
		const replies = await Promise.all([
			...delivered.map((event) => deliver(event)),
			confirmCheckout({ sessionId: p.sessionId, userId: p.user.id }),
		])
		for (const reply of replies.slice(0, delivered.length)) expect(reply).toMatchObject({ status: 200 })
		expect(await prisma.stripeEvent.count({ where: { id: { in: delivered.map((e) => e.id) } } })).toBe(delivered.length)
		await expectOutcome(buyer, p, scenario)
	})
})

describe('concurrent delivery', () => {
	const cases = (['learner', 'organisation'] as const).flatMap((buyer) =>
		SCENARIOS.map((scenario) => [`${buyer}, ${scenario.name}`, { buyer, scenario }] as const),
	)
	test.for(cases)('%s: every event three times at once, with the success page', async ([, { buyer, scenario }]) => {
		const p = await purchase(buyer)
		const stripe = stripeSide(buyer, p, scenario)
		stripe.all()
		const events = stepsOf(scenario).flatMap((step) => (step === 'created' ? [] : [eventFor(step, p, stripe)]))
		const replies = await Promise.all([
			p.recordSession(),
			...[...events, ...events, ...events].map((event) => deliver(event)),
			confirmCheckout({ sessionId: p.sessionId, userId: p.user.id }).catch(() => null),
			confirmCheckout({ sessionId: p.sessionId, userId: p.user.id }).catch(() => null),
		])
		for (const reply of replies.slice(1, 1 + events.length * 3)) expect(reply).toMatchObject({ status: 200 })
		await expectOutcome(buyer, p, scenario)
	})

	test.for(['learner', 'organisation'] as const)(
		'%s: a refund made while checkout.session.completed is being fulfilled is not lost',
		{ timeout: 60_000 },
		async (buyer) => {
			const scenario: Scenario = { name: 'refunded', refund: 'full', dispute: false }
			const p = await purchase(buyer)
			await p.recordSession()
			const stripe = stripeSide(buyer, p, scenario)
			const completed = eventFor('completed', p, stripe)

			// Hold the order's row so both deliveries stop at fulfilment's lock, in a known state.
			let release!: () => void
			const held = new Promise<void>((resolve) => (release = resolve))
			let locked!: (pid: number) => void
			const holderPid = new Promise<number>((resolve) => (locked = resolve))
			const holder = prisma.$transaction(
				async (tx) => {
					await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${p.orderId} FOR UPDATE`
					const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`
					locked(pid)
					await held
				},
				{ timeout: 30_000 },
			)
			const pid = await holderPid
			const waitForWaiters = async (n: number) => {
				// A second waiter for the row queues behind the first one, not the holder: count the chain.
				const waiting = async () =>
					Number(
						(
							await prisma.$queryRaw<[{ n: bigint }]>`
								WITH RECURSIVE blocked(pid) AS (
									SELECT pid FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))
									UNION
									SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid))
								)
								SELECT count(*) AS n FROM blocked`
						)[0].n,
					)
				for (let i = 0; i < 1000 && (await waiting()) < n; i++) await new Promise((r) => setTimeout(r, 25))
				expect(await waiting()).toBe(n)
			}

			let completedReply: ReturnType<typeof deliver> | undefined
			let refundedReply: ReturnType<typeof deliver> | undefined
			try {
				// completed has read Stripe (paid, nothing refunded) and waits; then the refund happens.
				completedReply = deliver(completed)
				await waitForWaiters(1)
				refundedReply = deliver(eventFor('refunded', p, stripe))
				await waitForWaiters(2)
			} finally {
				release()
				await holder
			}
			expect((await completedReply)?.status).toBe(200)
			expect((await refundedReply)?.status).toBe(200)
			await expectOutcome(buyer, p, scenario)
		},
	)
})
