import { randomUUID } from 'node:crypto'
import { fillWaitingSeats } from '#modules/assignments/fill-waiting-seats.ts'
import { type OrderStatus, prisma, type Tx } from '#modules/db/client.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { formatDate, formatPrice } from '#modules/i18n/format.ts'
import type { Language } from '#modules/i18n/languages.ts'
import { appUrl } from '#modules/env/env.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { grantPurchasedProgramme } from '#modules/programmes/grant-purchased-programme.ts'
import { audit } from './audit.ts'
import { ORDER_PRODUCT_SELECT, orderProduct } from './product.ts'
import { issueInvoice } from './invoice-documents.ts'
import { revokePurchase } from './revoke-purchase.ts'
import { lockOrder } from './sql.ts'
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
	paidVia: 'stripe-checkout' | 'stripe-invoice' | 'bank-transfer' | 'demo'
	/** Facts read from Stripe (never from the browser). */
	amountPence?: number | null
	paymentIntentId?: string | null
	/** What has happened to the charge since it was paid, read from Stripe with the payment. */
	charge?: ChargeState | null
	/** The webhook event being handled: recorded in the same transaction as the effect. */
	stripeEvent?: StripeEventRef
	/** When the payment arrived (a bank transfer recorded by an admin); now when not given. */
	now?: Date
	/** Run inside the caller's transaction. */
	tx?: Tx
}

/** A charge as Stripe reports it now: refunds are cumulative and a dispute, once opened, stays on it. */
export type ChargeState = { chargeId: string; refundedPence: number; disputed: boolean }

/**
 * The one fulfilment core: marks a paid order PAID and grants what it bought, exactly once. The
 * order row is locked (SELECT … FOR UPDATE) and only a PENDING, EXPIRED or FAILED order moves to
 * PAID, so replays and simultaneous calls (webhook and success page at once) grant once. An
 * individual order enrols the buyer (source PURCHASE); an organisation order adds its quantity to
 * the organisation's seat pool for the course. Writes AuditLog 'order.fulfilled' and queues the
 * receipt email. Callers have already established that the money arrived: fulfilCheckout and
 * fulfilInvoice by re-reading Stripe, completeDemoCheckout outside production only.
 *
 * `charge` (read from Stripe with the payment) settles refunds and disputes under the same lock,
 * whichever webhook arrives first (ADR 0010): a payment fully refunded or disputed before fulfilment
 * grants nothing and the order is recorded REFUNDED (or PAID with `disputedAt`, as a dispute after
 * fulfilment leaves it); a partial refund grants, then withdraws what the refund covers by
 * revokePurchase's rule (an individual keeps the place; a licence loses the seats refunded); an order
 * already settled gets the refund or dispute applied through revokePurchase, which is cumulative.
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
	const current = await lockOrder(tx, orderId)
	if (!current) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	const charge = options.charge ?? null
	const clawedBack = charge !== null && (charge.refundedPence > 0 || charge.disputed)
	if (current.status === 'PAID' || current.status === 'REFUNDED') {
		// A refund or dispute that raced the fulfilment waited on the lock above: apply it now.
		if (!clawedBack) return { orderId, status: current.status, fulfilledNow: false }
		const revoked = await revokePurchase(tx, revocationFor(orderId, charge))
		return { orderId, status: revoked.status, fulfilledNow: false }
	}

	const paidPence = amountPence ?? current.amountPence
	if (charge && (charge.disputed || (charge.refundedPence > 0 && charge.refundedPence >= paidPence))) {
		return withholdFulfilment(tx, { orderId, paidPence, paymentIntentId, charge })
	}

	const fulfilledAt = options.now ?? new Date()
	const order = await tx.order.update({
		where: { id: orderId },
		data: {
			status: 'PAID',
			fulfilledAt,
			...(amountPence != null ? { amountPence } : {}),
			...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}),
			...(charge ? { stripeChargeId: charge.chargeId } : {}),
		},
		select: {
			id: true,
			quantity: true,
			amountPence: true,
			organisationId: true,
			buyer: { select: { id: true, email: true, name: true } },
			organisation: { select: { id: true, slug: true, name: true } },
			...ORDER_PRODUCT_SELECT,
		},
	})
	const product = orderProduct(order)

	// An order on invoice terms may have had its seats already (on order, or on approval).
	const grant = current.seatsGrantedAt
		? { seatsGrantedAt: current.seatsGrantedAt.toISOString() }
		: await grantOrder(tx, { orderId, now: fulfilledAt })
	const courseTitle = product.title
	await sendEmail(
		{
			to: order.buyer.email,
			template: 'receipt',
			props: {
				name: order.buyer.name,
				courseTitle,
				quantity: order.quantity,
				organisationName: order.organisation?.name ?? null,
				amountPence: order.amountPence,
				paidAt: fulfilledAt,
				orderReference: orderReference(order.id),
				nextUrl: order.organisation ? `${appUrl()}/org/${order.organisation.slug}` : `${appUrl()}${product.learnUrl}`,
				demo: paidVia === 'demo',
			},
		},
		tx,
	)
	// Every paid order has its VAT invoice: issued now, or (invoice terms) marked paid now. Last, as
	// the invoice counter's row stays locked until this transaction ends.
	const invoice = await issueInvoice(tx, { orderId, now: fulfilledAt, paidAt: fulfilledAt })
	await audit(tx, {
		actorId: order.buyer.id,
		organisationId: order.organisationId,
		action: 'order.fulfilled',
		orderId: order.id,
		details: { paidVia, quantity: order.quantity, amountPence: order.amountPence, invoice: invoice.number, ...grant },
	})

	if (charge && charge.refundedPence > 0) {
		// Partly refunded before it was fulfilled: the same withdrawal a later refund would make.
		const revoked = await revokePurchase(tx, revocationFor(orderId, charge))
		return { orderId, status: revoked.status, fulfilledNow: true }
	}
	return { orderId, status: 'PAID', fulfilledNow: true }
}

/**
 * Gives what an order bought, inside the caller's transaction (which holds the order's lock): an
 * individual's enrolment, a programme's places, or an organisation's seats added to its pool (and
 * people waiting for one given a seat). Called once per order: by fulfilOrder when it is paid, or
 * earlier by grantInvoiceSeats for an organisation on invoice terms. Returns what it did, for the audit log.
 */
export async function grantOrder(tx: Tx, { orderId, now }: { orderId: string; now: Date }) {
	const order = await tx.order.findUniqueOrThrow({
		where: { id: orderId },
		select: { id: true, quantity: true, courseId: true, programmeId: true, buyerUserId: true, organisationId: true },
	})
	if (order.programmeId) {
		// A programme is bought for the buyer only (createCheckout refuses organisations).
		const granted = await grantPurchasedProgramme(tx, {
			programmeId: order.programmeId,
			userId: order.buyerUserId,
			orderId: order.id,
			now,
		})
		return { programmeId: order.programmeId, enrolmentIds: granted.enrolmentIds }
	}
	if (order.organisationId && order.courseId) {
		// One statement: creates the pool or adds to it, safe against a concurrent purchase for the same course.
		await tx.$executeRaw`
			INSERT INTO "SeatPool" (id, "organisationId", "courseId", seats, used, "lastOrderId", "createdAt", "updatedAt")
			VALUES (${randomUUID()}, ${order.organisationId}, ${order.courseId}, ${order.quantity}, 0, ${order.id}, now(), now())
			ON CONFLICT ("organisationId", "courseId") DO UPDATE
			SET seats = "SeatPool".seats + EXCLUDED.seats, "lastOrderId" = EXCLUDED."lastOrderId", "updatedAt" = now()`
		// People assigned the course who were waiting for a seat get one now, soonest due first.
		const { filled } = await fillWaitingSeats(tx, { organisationId: order.organisationId, courseId: order.courseId })
		return { seatsAdded: order.quantity, ...(filled ? { waitingSeatsFilled: filled } : {}) }
	}
	const enrolment = await enrolInCourse({
		userId: order.buyerUserId,
		courseId: order.courseId!,
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
	return { enrolmentId: enrolment.id }
}

function revocationFor(orderId: string, charge: ChargeState) {
	return {
		orderId,
		refundedPence: charge.refundedPence,
		disputed: charge.disputed,
		chargeId: charge.chargeId,
		reason: charge.disputed ? 'Payment disputed' : 'Payment refunded',
	}
}

/**
 * The money came back (a full refund or a dispute) before the order was fulfilled: record that on
 * the order and grant nothing, so no enrolment, seat or receipt ever exists for it.
 */
async function withholdFulfilment(
	tx: Tx,
	{
		orderId,
		paidPence,
		paymentIntentId,
		charge,
	}: { orderId: string; paidPence: number; paymentIntentId?: string | null; charge: ChargeState },
): Promise<FulfilmentResult> {
	const now = new Date()
	const fullyRefunded = charge.refundedPence >= paidPence
	const order = await tx.order.update({
		where: { id: orderId },
		data: {
			status: fullyRefunded ? 'REFUNDED' : 'PAID',
			amountPence: paidPence,
			amountRefundedPence: charge.refundedPence,
			stripeChargeId: charge.chargeId,
			...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}),
			...(fullyRefunded ? { refundedAt: now } : {}),
			...(charge.disputed ? { disputedAt: now } : {}),
		},
		select: { status: true, organisationId: true },
	})
	await audit(tx, {
		actorId: null,
		organisationId: order.organisationId,
		action: charge.disputed ? 'order.disputed' : 'order.refunded',
		orderId,
		details: {
			reason: charge.disputed ? 'Payment disputed' : 'Payment refunded',
			refundedPence: charge.refundedPence,
			beforeFulfilment: true,
			removed: 0,
		},
	})
	return { orderId, status: order.status, fulfilledNow: false }
}

/**
 * Brings an order in line with its Stripe Checkout Session, re-read from Stripe with its line items
 * and its charge (never trusting a webhook's copy or the browser): paid (or nothing to pay) →
 * fulfilOrder, which also settles a refund or dispute already on the charge; expired → EXPIRED; an
 * async payment (Bacs, SEPA) that failed → FAILED; still unpaid → nothing granted. Shared by the
 * webhook (checkout and charge events) and the /checkout/success page; safe to call any number of
 * times, in any order. A session whose line items do not match the order is an error and grants
 * nothing; a session that is not one of Circle's orders is `UNKNOWN` (and its event recorded).
 */
export async function fulfilCheckout({
	checkoutSessionId,
	stripeEvent,
}: {
	checkoutSessionId: string
	stripeEvent?: StripeEventRef
}): Promise<FulfilmentResult> {
	const stripe = await requireStripe()
	const session = await stripe.checkout.sessions.retrieve(checkoutSessionId, {
		expand: ['line_items', 'payment_intent.latest_charge'],
	})
	const checkout = { status: session.status, paymentStatus: session.payment_status }
	const result = await fulfilSession(session, await readChargeState(stripe, session.payment_intent), stripeEvent)
	return { ...result, checkout }
}

async function fulfilSession(
	session: Stripe.Checkout.Session,
	charge: ChargeState | null,
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
			charge,
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
	const stripe = await requireStripe()
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
	const paymentIntent = payment?.payment.payment_intent ?? null
	return fulfilOrder({
		orderId: order.id,
		paidVia: 'stripe-invoice',
		amountPence: invoice.amount_paid,
		paymentIntentId: idOf(paymentIntent),
		charge: await readChargeState(stripe, paymentIntent),
		stripeEvent,
	})
}

/**
 * Handles `charge.refunded` and `charge.dispute.created` by bringing the charge's order up to date
 * through its fulfilment (fulfilCheckout or fulfilInvoice), which re-reads the charge and settles
 * the refund or dispute under the order's lock. The order is found by the charge or payment intent
 * Circle stored at fulfilment; a refund or dispute that arrives before that (Stripe does not promise
 * order) asks Stripe which checkout session took the payment intent, so it is never recorded as
 * processed without having found its order (ADR 0010). A charge that is none of Circle's is `UNKNOWN`.
 */
export async function applyChargeEvent({
	chargeId,
	stripeEvent,
}: {
	chargeId: string
	stripeEvent?: StripeEventRef
}): Promise<FulfilmentResult> {
	const stripe = await requireStripe()
	const charge = await stripe.charges.retrieve(chargeId)
	const paymentIntentId = idOf(charge.payment_intent)
	const order = await prisma.order.findFirst({
		where: {
			OR: [{ stripeChargeId: charge.id }, ...(paymentIntentId ? [{ stripePaymentIntentId: paymentIntentId }] : [])],
		},
		select: { stripeCheckoutSessionId: true, stripeInvoiceId: true },
	})
	if (order?.stripeInvoiceId && !order.stripeCheckoutSessionId) {
		return fulfilInvoice({ invoiceId: order.stripeInvoiceId, stripeEvent })
	}
	let checkoutSessionId = order?.stripeCheckoutSessionId ?? null
	if (!checkoutSessionId && paymentIntentId) {
		const sessions = await stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 })
		checkoutSessionId = sessions.data[0]?.id ?? null
	}
	if (checkoutSessionId) return fulfilCheckout({ checkoutSessionId, stripeEvent })
	if (stripeEvent) await prisma.$transaction((tx) => claimStripeEvent(tx, stripeEvent))
	return { orderId: null, status: 'UNKNOWN', fulfilledNow: false }
}

/** The payment intent's latest charge as Stripe reports it now, expanding what was not expanded. */
async function readChargeState(
	stripe: Stripe,
	paymentIntent: string | Stripe.PaymentIntent | null | undefined,
): Promise<ChargeState | null> {
	if (!paymentIntent) return null
	const intent =
		typeof paymentIntent === 'string'
			? await stripe.paymentIntents.retrieve(paymentIntent, { expand: ['latest_charge'] })
			: paymentIntent
	const latest = intent.latest_charge
	if (!latest) return null
	const charge = typeof latest === 'string' ? await stripe.charges.retrieve(latest) : latest
	return { chargeId: charge.id, refundedPence: charge.amount_refunded, disputed: charge.disputed }
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

export function formatPounds(pence: number, language?: Language) {
	return formatPrice(pence, language)
}

export function formatUkDate(date: Date, language?: Language) {
	return formatDate(date, language)
}

/** The reference printed on receipts and shown to buyers: short, upper case, from the order id. */
export function orderReference(orderId: string) {
	return `CIR-${orderId.slice(-8).toUpperCase()}`
}
