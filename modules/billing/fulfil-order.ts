import { randomUUID } from 'node:crypto'
import { type OrderStatus, prisma, type Tx } from '#modules/db/client.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { appUrl } from '#modules/env/env.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { audit } from './audit.ts'
import { claimStripeEvent, type StripeEventRef } from './stripe-events.ts'
import { requireStripe, type Stripe } from './stripe-client.ts'

export type FulfilmentResult = {
	orderId: string | null
	/** The order's status afterwards; UNKNOWN when the checkout is not one of Circle's orders. */
	status: OrderStatus | 'UNKNOWN'
	/** True only for the one call that granted the purchase. */
	fulfilledNow: boolean
	/** fulfilCheckout only: the Checkout Session as Stripe reported it (open, complete but unpaid…). */
	checkout?: { status: Stripe.Checkout.Session.Status | null; paymentStatus: Stripe.Checkout.Session.PaymentStatus }
}

export type FulfilOrderOptions = {
	orderId: string
	/** How the payment was confirmed: re-read from Stripe, or the demo checkout. */
	paidVia: 'stripe-checkout' | 'stripe-invoice' | 'demo'
	/** Facts read from Stripe (never from the browser). */
	amountPence?: number | null
	paymentIntentId?: string | null
	/** The webhook event being handled: recorded in the same transaction as the effect. */
	stripeEvent?: StripeEventRef
	/** Run inside the caller's transaction. */
	tx?: Tx
}

/**
 * The one fulfilment core: marks a paid order PAID and grants what it bought, exactly once. The
 * order row is locked (SELECT … FOR UPDATE) and only a PENDING, EXPIRED or FAILED order moves to
 * PAID, so replays and simultaneous calls (webhook and success page at once) grant once. An
 * individual order enrols the buyer (source PURCHASE); an organisation order adds its quantity to
 * the organisation's seat pool for the course. Writes AuditLog 'order.fulfilled' and queues the
 * receipt email. Callers have already established that the money arrived: fulfilCheckout and
 * fulfilInvoice by re-reading Stripe, completeDemoCheckout outside production only.
 */
export async function fulfilOrder(options: FulfilOrderOptions): Promise<FulfilmentResult> {
	const { tx, ...rest } = options
	if (tx) return fulfilWith(tx, rest)
	return prisma.$transaction((t) => fulfilWith(t, rest), { timeout: 20_000 })
}

async function fulfilWith(tx: Tx, options: Omit<FulfilOrderOptions, 'tx'>): Promise<FulfilmentResult> {
	const { orderId, paidVia, amountPence, paymentIntentId, stripeEvent } = options
	if (stripeEvent && !(await claimStripeEvent(tx, stripeEvent))) {
		const order = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } })
		return { orderId, status: order?.status ?? 'UNKNOWN', fulfilledNow: false }
	}
	const locked = await tx.$queryRaw<Array<{ status: OrderStatus }>>`
		SELECT status FROM "Order" WHERE id = ${orderId} FOR UPDATE`
	const current = locked[0]
	if (!current) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	if (current.status === 'PAID' || current.status === 'REFUNDED') {
		return { orderId, status: current.status, fulfilledNow: false }
	}

	const fulfilledAt = new Date()
	const order = await tx.order.update({
		where: { id: orderId },
		data: {
			status: 'PAID',
			fulfilledAt,
			...(amountPence != null ? { amountPence } : {}),
			...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}),
		},
		select: {
			id: true,
			quantity: true,
			amountPence: true,
			currency: true,
			courseId: true,
			organisationId: true,
			buyer: { select: { id: true, email: true, name: true } },
			organisation: { select: { id: true, slug: true, name: true } },
			course: { select: { slug: true, publishedVersion: { select: { title: true } } } },
		},
	})

	let grant: Record<string, unknown>
	if (order.organisation) {
		// One statement: creates the pool or adds to it, safe against a concurrent purchase for the same course.
		await tx.$executeRaw`
			INSERT INTO "SeatPool" (id, "organisationId", "courseId", seats, used, "lastOrderId", "createdAt", "updatedAt")
			VALUES (${randomUUID()}, ${order.organisation.id}, ${order.courseId}, ${order.quantity}, 0, ${order.id}, now(), now())
			ON CONFLICT ("organisationId", "courseId") DO UPDATE
			SET seats = "SeatPool".seats + EXCLUDED.seats, "lastOrderId" = EXCLUDED."lastOrderId", "updatedAt" = now()`
		grant = { seatsAdded: order.quantity }
	} else {
		const enrolment = await enrolInCourse({
			userId: order.buyer.id,
			courseId: order.courseId,
			source: 'PURCHASE',
			orderId: order.id,
			tx,
		})
		if (enrolment.status === 'REVOKED') {
			// Bought again after a refund: the new purchase restores access, on the version they had.
			await tx.enrolment.update({
				where: { id: enrolment.id },
				data: { status: 'ACTIVE', source: 'PURCHASE', orderId: order.id, revokedAt: null, revokedReason: null },
			})
		}
		grant = { enrolmentId: enrolment.id }
	}

	await audit(tx, {
		actorId: order.buyer.id,
		organisationId: order.organisationId,
		action: 'order.fulfilled',
		orderId: order.id,
		details: { paidVia, quantity: order.quantity, amountPence: order.amountPence, ...grant },
	})

	const courseTitle = order.course.publishedVersion?.title ?? order.course.slug
	await sendEmail(
		{
			to: order.buyer.email,
			template: 'receipt',
			props: {
				name: order.buyer.name,
				courseTitle,
				quantity: order.quantity,
				organisationName: order.organisation?.name ?? null,
				amountLabel: formatPounds(order.amountPence),
				paidOn: formatUkDate(fulfilledAt),
				orderReference: orderReference(order.id),
				nextUrl: order.organisation
					? `${appUrl()}/org/${order.organisation.slug}`
					: `${appUrl()}/learn/${order.course.slug}`,
				demo: paidVia === 'demo',
			},
		},
		tx,
	)
	return { orderId, status: 'PAID', fulfilledNow: true }
}

/**
 * Brings an order in line with its Stripe Checkout Session, re-read from Stripe with its line items
 * (never trusting a webhook's copy or the browser): paid (or nothing to pay) → fulfilOrder; expired
 * → EXPIRED; an async payment (Bacs, SEPA) that failed → FAILED; still unpaid → nothing granted.
 * Shared by the webhook and the /checkout/success page; safe to call any number of times, in any
 * order. A session whose line items do not match the order is an error and grants nothing.
 */
export async function fulfilCheckout({
	checkoutSessionId,
	stripeEvent,
}: {
	checkoutSessionId: string
	stripeEvent?: StripeEventRef
}): Promise<FulfilmentResult> {
	const stripe = requireStripe()
	const session = await stripe.checkout.sessions.retrieve(checkoutSessionId, { expand: ['line_items'] })
	const checkout = { status: session.status, paymentStatus: session.payment_status }
	const result = await fulfilSession(session, stripeEvent)
	return { ...result, checkout }
}

async function fulfilSession(
	session: Stripe.Checkout.Session,
	stripeEvent: StripeEventRef | undefined,
): Promise<FulfilmentResult> {
	const order = await findOrderForSession(session)
	if (!order) {
		if (stripeEvent) await prisma.$transaction((tx) => claimStripeEvent(tx, stripeEvent))
		return { orderId: null, status: 'UNKNOWN', fulfilledNow: false }
	}
	if (!order.stripeCheckoutSessionId) {
		// The webhook beat createCheckout's own write of the session id.
		await prisma.order.updateMany({
			where: { id: order.id, stripeCheckoutSessionId: null },
			data: { stripeCheckoutSessionId: session.id },
		})
	}

	if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') {
		const quantity = (session.line_items?.data ?? []).reduce((sum, item) => sum + (item.quantity ?? 0), 0)
		if (quantity !== order.quantity || (session.currency && session.currency !== order.currency)) {
			throw new Error(
				`Checkout ${session.id} does not match order ${order.id}: ${quantity} ${session.currency} against ${order.quantity} ${order.currency}`,
			)
		}
		return fulfilOrder({
			orderId: order.id,
			paidVia: 'stripe-checkout',
			amountPence: session.amount_total,
			paymentIntentId: idOf(session.payment_intent),
			stripeEvent,
		})
	}

	const closeAs: OrderStatus | null =
		session.status === 'expired'
			? 'EXPIRED'
			: stripeEvent?.type === 'checkout.session.async_payment_failed'
				? 'FAILED'
				: null
	return prisma.$transaction(async (tx) => {
		if (stripeEvent && !(await claimStripeEvent(tx, stripeEvent))) {
			return { orderId: order.id, status: order.status, fulfilledNow: false }
		}
		if (closeAs) {
			await tx.order.updateMany({ where: { id: order.id, status: 'PENDING' }, data: { status: closeAs } })
			await audit(tx, {
				actorId: null,
				organisationId: order.organisationId,
				action: closeAs === 'FAILED' ? 'order.payment_failed' : 'order.expired',
				orderId: order.id,
			})
		}
		const after = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })
		return { orderId: order.id, status: after.status, fulfilledNow: false }
	})
}

/**
 * The invoice path (public-sector buyers): when Stripe says the invoice is paid (re-read from
 * Stripe), its order is fulfilled through fulfilOrder. Anything else grants nothing.
 */
export async function fulfilInvoice({
	invoiceId,
	stripeEvent,
}: {
	invoiceId: string
	stripeEvent?: StripeEventRef
}): Promise<FulfilmentResult> {
	const stripe = requireStripe()
	const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ['payments'] })
	const orderId = invoice.metadata?.orderId
	const order = await prisma.order.findFirst({
		where: {
			OR: [{ stripeInvoiceId: invoice.id }, ...(orderId ? [{ id: orderId, paymentMethod: 'INVOICE' as const }] : [])],
		},
		select: { id: true, status: true },
	})
	if (!order || invoice.status !== 'paid') {
		if (stripeEvent) await prisma.$transaction((tx) => claimStripeEvent(tx, stripeEvent))
		return { orderId: order?.id ?? null, status: order?.status ?? 'UNKNOWN', fulfilledNow: false }
	}
	const payment = invoice.payments?.data.find((p) => p.status === 'paid') ?? invoice.payments?.data[0]
	return fulfilOrder({
		orderId: order.id,
		paidVia: 'stripe-invoice',
		amountPence: invoice.amount_paid,
		paymentIntentId: idOf(payment?.payment.payment_intent),
		stripeEvent,
	})
}

async function findOrderForSession(session: Stripe.Checkout.Session) {
	const select = {
		id: true,
		status: true,
		quantity: true,
		currency: true,
		organisationId: true,
		stripeCheckoutSessionId: true,
	} as const
	const bySession = await prisma.order.findUnique({ where: { stripeCheckoutSessionId: session.id }, select })
	if (bySession) return bySession
	const orderId = session.metadata?.orderId ?? session.client_reference_id
	if (!orderId) return null
	const byId = await prisma.order.findUnique({ where: { id: orderId }, select })
	// An order already tied to another session is not this session's.
	return byId && (byId.stripeCheckoutSessionId === null || byId.stripeCheckoutSessionId === session.id) ? byId : null
}

function idOf(value: string | { id: string } | null | undefined) {
	if (!value) return null
	return typeof value === 'string' ? value : value.id
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const ukDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London',
})

export function formatPounds(pence: number) {
	return gbp.format(pence / 100)
}

export function formatUkDate(date: Date) {
	return ukDate.format(date)
}

/** The reference printed on receipts and shown to buyers: short, upper case, from the order id. */
export function orderReference(orderId: string) {
	return `CIR-${orderId.slice(-8).toUpperCase()}`
}
