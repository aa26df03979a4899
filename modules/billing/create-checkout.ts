import { prisma, type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { consumeThrottle, refundThrottle } from '#modules/security/throttle.ts'
import { audit } from './audit.ts'
import { billingAddressOf, billingAddressRequired, issueInvoice } from './invoice-documents.ts'
import { sendInvoiceEmail } from './invoice-email.ts'
import { grantInvoiceSeats } from './invoice-orders.ts'
import { assertQuantity, DEFAULT_PAYMENT_TERMS_DAYS, PAYMENT_TERMS_DAYS, unitPriceFor } from './pricing.ts'
import { BillingConfigurationError, billingConfig, getStripe, type Stripe } from './stripe-client.ts'

export type CheckoutMethod = 'CARD' | 'INVOICE'

export type CreateCheckoutOptions = {
	buyerUserId: string
	/** The course to buy; or, with programmeId instead, a whole programme (for the buyer only). */
	courseId?: string
	programmeId?: string
	/** Places to buy: always 1 for an individual, 1–1,000 seats for an organisation. */
	quantity?: number
	/** Buy seats for this organisation (the buyer must be its OWNER or ADMIN). */
	organisationId?: string
	/** The buyer's purchase order number, printed on the invoice (INVOICE method). */
	purchaseOrderNumber?: string
	/** INVOICE only: days the organisation has to pay (14, 30 or 60; 30 when not given). */
	paymentTermsDays?: number
	/** INVOICE only: where the invoice is sent; saved as the organisation's billing email. */
	billingEmail?: string
	method: CheckoutMethod
}

export type CreateCheckoutResult = { url: string; orderId: string }

/** How long a hosted checkout stays open; Stripe allows 30 minutes to 24 hours. */
const CHECKOUT_LIFETIME_MS = 60 * 60 * 1000
/** An open checkout is reused only if the buyer still has this long to finish it. */
const REUSE_MARGIN_MS = 5 * 60 * 1000
/** A PENDING order with no checkout URL yet is another request creating its session right now. */
const BEING_CREATED_MS = 30 * 1000

/**
 * Starts a purchase and returns the page to send the buyer to, with the new (or reused) order's id.
 * The price comes only from the database: the course price, or the volume tier for the quantity.
 * An organisation purchase buys seats and needs the buyer to be an OWNER or ADMIN of it; an
 * individual purchase buys one place for the buyer, who must not already be enrolled.
 *
 * At most one open checkout exists per buyer, course and organisation: a still-open one with the
 * same quantity is reused, anything else is expired (in Stripe too) and replaced. The Order row is
 * written PENDING first, then the Stripe Checkout Session (or, for INVOICE, a Stripe invoice sent to
 * the billing email, due after the chosen payment terms) is created with an idempotency key derived from the order.
 * Without STRIPE_SECRET_KEY the order gets the labelled demo checkout; in production that is a
 * BillingConfigurationError instead.
 */
export async function createCheckout(options: CreateCheckoutOptions): Promise<CreateCheckoutResult> {
	const { buyerUserId, organisationId, method } = options
	const courseId = options.programmeId ? null : (options.courseId ?? null)
	const programmeId = options.programmeId ?? null
	if (!courseId && !programmeId) throw new Error('createCheckout needs a courseId or a programmeId')
	if (programmeId && organisationId) {
		// Seats are per course (SeatPool); a programme licence would need pools per programme.
		throw new BillingError(
			'invalid',
			'PROGRAMME_SEATS',
			'Programmes are bought one place at a time: organisations assign them course by course.',
		)
	}
	const quantity = options.quantity ?? 1
	assertQuantity(quantity)
	const purchaseOrderNumber = options.purchaseOrderNumber?.trim() || undefined
	if (purchaseOrderNumber && purchaseOrderNumber.length > 40) {
		throw new BillingError('invalid', 'INVALID_PO_NUMBER', 'A purchase order number can be at most 40 characters.', {
			field: 'purchaseOrderNumber',
		})
	}

	const paymentTermsDays = options.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS
	if (!(PAYMENT_TERMS_DAYS as readonly number[]).includes(paymentTermsDays)) {
		throw new BillingError('invalid', 'INVALID_PAYMENT_TERMS', 'Choose payment terms of 14, 30 or 60 days.', {
			field: 'paymentTermsDays',
		})
	}
	const billingEmail = method === 'INVOICE' ? options.billingEmail?.trim().toLowerCase() || undefined : undefined
	if (billingEmail && (billingEmail.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(billingEmail))) {
		throw new BillingError(
			'invalid',
			'INVALID_BILLING_EMAIL',
			'Enter the billing email address, like finance@school.org.uk.',
			{
				field: 'billingEmail',
			},
		)
	}

	const config = billingConfig()
	const stripe = await getStripe()
	if (!stripe && config.production) {
		throw new BillingConfigurationError(
			'Payments are not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (the demo checkout is never available in production).',
		)
	}
	if (method === 'INVOICE' && !organisationId) {
		throw new BillingError('invalid', 'INVOICE_NEEDS_ORGANISATION', 'Only organisations can pay by invoice.')
	}
	// Counted before anything is written, so requests in parallel cannot slip past the limit; given
	// back when the order is refused or an open one is reused (no new invoice number).
	const invoiceCount =
		method === 'INVOICE' && organisationId ? await countInvoiceOrder(buyerUserId, organisationId) : null

	const preparing = prisma.$transaction(async (tx) => {
		// Serialises checkouts for the same buyer + course + organisation, so "at most one open
		// checkout" holds even for a double-clicked button.
		const lockKey = `checkout:${buyerUserId}:${programmeId ? `programme:${programmeId}` : courseId}:${organisationId ?? ''}`
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`

		const course = programmeId ? await programmeForSale(tx, programmeId) : await courseForSale(tx, courseId!)

		const buyer = await tx.user.findUnique({
			where: { id: buyerUserId },
			select: { id: true, email: true, name: true, stripeCustomerId: true, disabledAt: true },
		})
		if (!buyer || buyer.disabledAt) throw new BillingError('unauthenticated', 'NO_BUYER', 'Please log in to buy.')

		let organisation: {
			id: string
			slug: string
			name: string
			billingEmail: string | null
			stripeCustomerId: string | null
			invoiceSeats: 'ON_ORDER' | 'ON_APPROVAL'
			hasBillingAddress: boolean
		} | null = null
		if (organisationId) {
			const membership = await tx.membership.findUnique({
				where: { organisationId_userId: { organisationId, userId: buyerUserId } },
				select: {
					role: true,
					deactivatedAt: true,
					organisation: {
						select: {
							id: true,
							slug: true,
							name: true,
							billingEmail: true,
							stripeCustomerId: true,
							invoiceSeats: true,
							billingAddressLine1: true,
							billingAddressLine2: true,
							billingTown: true,
							billingPostcode: true,
							billingCountry: true,
						},
					},
				},
			})
			if (
				!membership ||
				membership.deactivatedAt !== null ||
				(membership.role !== 'OWNER' && membership.role !== 'ADMIN')
			) {
				throw new BillingError(
					'forbidden',
					'NOT_ORGANISATION_ADMIN',
					'Only owners and admins of an organisation can buy seats for it.',
				)
			}
			const { billingAddressLine1, billingAddressLine2, billingTown, billingPostcode, billingCountry, ...chosen } =
				membership.organisation
			const address = billingAddressOf({
				billingAddressLine1,
				billingAddressLine2,
				billingTown,
				billingPostcode,
				billingCountry,
			})
			// An invoice goes to an address: refused before anything is written, so nothing is saved.
			if (method === 'INVOICE' && !address) throw billingAddressRequired(chosen.name)
			organisation = { ...chosen, hasBillingAddress: address !== null }
			if (billingEmail && billingEmail !== organisation.billingEmail) {
				await tx.organisation.update({ where: { id: organisation.id }, data: { billingEmail } })
				organisation = { ...organisation, billingEmail }
			}
		} else {
			if (quantity !== 1) {
				throw new BillingError('invalid', 'INDIVIDUAL_QUANTITY', 'You can buy one place for yourself.', {
					field: 'quantity',
				})
			}
			if (programmeId) {
				// On the programme already (bought, or assigned by an organisation) with a certificate
				// that still stands, or none yet: nothing to buy.
				const onProgramme = await tx.programmeEnrolment.findUnique({
					where: { programmeId_userId: { programmeId, userId: buyerUserId } },
					select: { certificate: { select: { revokedAt: true } } },
				})
				if (onProgramme && !onProgramme.certificate?.revokedAt) {
					throw new BillingError('conflict', 'ALREADY_ENROLLED', 'You are already on this programme.')
				}
			} else {
				const enrolment = await tx.enrolment.findUnique({
					where: { userId_courseId: { userId: buyerUserId, courseId: courseId! } },
					select: { status: true },
				})
				if (enrolment?.status === 'ACTIVE') {
					throw new BillingError('conflict', 'ALREADY_ENROLLED', 'You are already enrolled on this course.')
				}
			}
		}

		const unitPricePence = unitPriceFor(course, quantity)
		const amountPence = unitPricePence * quantity
		// Paying by invoice needs no card and no Stripe: the invoice is Circle's own (ADR 0036).
		const paymentMethod = method === 'INVOICE' ? 'INVOICE' : stripe ? 'CARD' : 'DEMO'
		const now = Date.now()

		const open = await tx.order.findMany({
			where: { buyerUserId, courseId, programmeId, organisationId: organisationId ?? null, status: 'PENDING' },
			orderBy: { createdAt: 'desc' },
			select: {
				id: true,
				quantity: true,
				amountPence: true,
				paymentMethod: true,
				purchaseOrderNumber: true,
				stripeCheckoutSessionId: true,
				checkoutUrl: true,
				checkoutExpiresAt: true,
				createdAt: true,
			},
		})
		const toExpire: string[] = []
		for (const order of open) {
			if (order.paymentMethod === 'INVOICE') {
				// An invoice stays open for 30 days; the same one is reused for the same purchase order.
				if (
					paymentMethod === 'INVOICE' &&
					order.quantity === quantity &&
					order.purchaseOrderNumber === (purchaseOrderNumber ?? null) &&
					(order.checkoutUrl || !stripe)
				) {
					return { reuse: { url: order.checkoutUrl ?? orderPageUrl(order.id), orderId: order.id } }
				}
				continue
			}
			const stillOpen = order.checkoutExpiresAt && order.checkoutExpiresAt.getTime() > now + REUSE_MARGIN_MS
			if (
				stillOpen &&
				order.checkoutUrl &&
				order.quantity === quantity &&
				order.amountPence === amountPence &&
				order.paymentMethod === paymentMethod
			) {
				return { reuse: { url: order.checkoutUrl, orderId: order.id } }
			}
			if (!order.checkoutUrl && now - order.createdAt.getTime() < BEING_CREATED_MS) {
				throw new BillingError(
					'conflict',
					'CHECKOUT_IN_PROGRESS',
					'Your checkout is being prepared: try again in a moment.',
				)
			}
			// Conditional: if the old checkout was paid in the meantime its fulfilment still wins
			// (fulfilment accepts EXPIRED orders that Stripe says are paid).
			await tx.order.updateMany({ where: { id: order.id, status: 'PENDING' }, data: { status: 'EXPIRED' } })
			if (order.stripeCheckoutSessionId) toExpire.push(order.id)
		}

		const created = await tx.order.create({
			data: {
				buyerUserId,
				organisationId: organisation?.id ?? null,
				courseId,
				programmeId,
				quantity,
				amountPence,
				currency: course.currency,
				status: 'PENDING',
				paymentMethod,
				purchaseOrderNumber: purchaseOrderNumber ?? null,
			},
			select: { id: true },
		})
		await audit(tx, {
			actorId: buyerUserId,
			organisationId: organisation?.id ?? null,
			action: 'order.created',
			orderId: created.id,
			details: {
				...(programmeId ? { programmeId } : { courseId }),
				quantity,
				unitPricePence,
				amountPence,
				paymentMethod,
				...(method === 'INVOICE' ? { paymentTermsDays, billingEmail: organisation?.billingEmail ?? buyer.email } : {}),
			},
		})
		let invoiceNumber: string | null = null
		if (paymentMethod === 'INVOICE' && organisation) {
			const now = new Date()
			// Seats at once for an organisation trusted to pay; otherwise when an admin approves (or it is paid).
			if (organisation.invoiceSeats === 'ON_ORDER') {
				await grantInvoiceSeats(tx, { orderId: created.id, actorId: buyerUserId, now, reason: 'on-order' })
			}
			const invoice = await issueInvoice(tx, { orderId: created.id, now, paymentTermsDays })
			invoiceNumber = invoice.number
			// Without Stripe, Circle emails its invoice; with Stripe, Stripe's hosted invoice goes instead (below).
			if (!stripe) await sendInvoiceEmail(tx, { number: invoice.number })
		}
		return {
			order: { id: created.id, quantity, unitPricePence, amountPence, currency: course.currency, paymentMethod },
			invoiceNumber,
			toExpire: await tx.order.findMany({
				where: { id: { in: toExpire } },
				select: { id: true, stripeCheckoutSessionId: true },
			}),
			course: { id: course.id, slug: course.slug, title: course.title, kind: course.kind },
			buyer,
			organisation,
		}
	})
	const prepared = await preparing.catch(async (error: unknown) => {
		await invoiceCount?.giveBack()
		throw error
	})

	if ('reuse' in prepared && prepared.reuse) {
		await invoiceCount?.giveBack()
		return prepared.reuse
	}
	if (!('order' in prepared)) throw new Error('unreachable')
	const { order, toExpire, course, buyer, organisation, invoiceNumber } = prepared

	if (!stripe && order.paymentMethod === 'INVOICE') {
		const url = orderPageUrl(order.id)
		await prisma.order.update({ where: { id: order.id }, data: { checkoutUrl: url } })
		return { url, orderId: order.id }
	}
	if (!stripe) {
		const url = `/checkout/demo/${order.id}`
		await prisma.order.update({
			where: { id: order.id },
			data: { checkoutUrl: url, checkoutExpiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS) },
		})
		return { url, orderId: order.id }
	}

	for (const old of toExpire) {
		if (!old.stripeCheckoutSessionId) continue
		try {
			await stripe.checkout.sessions.expire(
				old.stripeCheckoutSessionId,
				{},
				{ idempotencyKey: `order-${old.id}-expire` },
			)
		} catch (error) {
			// Already complete or expired in Stripe: nothing to close. A paid one is fulfilled by its webhook.
			console.warn(`[billing] could not expire checkout ${old.stripeCheckoutSessionId}: ${(error as Error).message}`)
		}
	}

	try {
		const description = `${course.title} — ${order.quantity === 1 ? '1 place' : `${order.quantity} seats`}`
		if (order.paymentMethod === 'INVOICE' && organisation) {
			const url = await createStripeInvoice({
				stripe,
				order,
				course,
				buyer,
				organisation,
				purchaseOrderNumber,
				invoiceNumber,
				paymentTermsDays,
				description,
			})
			return { url, orderId: order.id }
		}
		const session = await stripe.checkout.sessions.create(
			{
				mode: 'payment',
				currency: order.currency,
				line_items: [
					{
						quantity: order.quantity,
						price_data: {
							currency: order.currency,
							unit_amount: order.unitPricePence,
							product_data: {
								name: course.title,
								description: organisation
									? `Seat licence for ${organisation.name}`
									: course.kind === 'programme'
										? 'One learner place on every course in the programme'
										: 'One learner place',
							},
						},
					},
				],
				allow_promotion_codes: true,
				automatic_tax: { enabled: billingConfig().automaticTax },
				customer_email: buyer.email,
				client_reference_id: order.id,
				metadata: { orderId: order.id },
				payment_intent_data: { metadata: { orderId: order.id }, description },
				expires_at: Math.floor((Date.now() + CHECKOUT_LIFETIME_MS) / 1000),
				success_url: `${appUrl()}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
				cancel_url: `${appUrl()}/checkout/cancel?${course.kind}=${encodeURIComponent(course.slug)}`,
			},
			{ idempotencyKey: `order-${order.id}-checkout-session` },
		)
		if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`)
		await prisma.order.update({
			where: { id: order.id },
			data: {
				stripeCheckoutSessionId: session.id,
				checkoutUrl: session.url,
				checkoutExpiresAt: new Date(session.expires_at * 1000),
			},
		})
		return { url: session.url, orderId: order.id }
	} catch (error) {
		await prisma.order.updateMany({ where: { id: order.id, status: 'PENDING' }, data: { status: 'FAILED' } })
		throw error
	}
}

async function createStripeInvoice({
	stripe,
	order,
	buyer,
	organisation,
	purchaseOrderNumber,
	invoiceNumber,
	paymentTermsDays,
	description,
}: {
	stripe: Stripe
	order: { id: string; amountPence: number; currency: string }
	course: { id: string; slug: string; title: string; kind: 'course' | 'programme' }
	buyer: { email: string; name: string }
	organisation: { id: string; name: string; billingEmail: string | null; stripeCustomerId: string | null }
	purchaseOrderNumber: string | undefined
	invoiceNumber: string | null
	paymentTermsDays: number
	description: string
}) {
	const email = organisation.billingEmail ?? buyer.email
	let customerId = organisation.stripeCustomerId
	if (!customerId) {
		const customer = await stripe.customers.create(
			{
				name: organisation.name,
				email,
				metadata: { organisationId: organisation.id },
			},
			{ idempotencyKey: `organisation-${organisation.id}-customer` },
		)
		customerId = customer.id
		// Conditional: a concurrent purchase may have stored its customer first; keep that one.
		await prisma.organisation.updateMany({
			where: { id: organisation.id, stripeCustomerId: null },
			data: { stripeCustomerId: customerId },
		})
	} else {
		// The invoice goes to the customer's email: keep it in step with the billing email just given.
		await stripe.customers.update(customerId, { email }, { idempotencyKey: `order-${order.id}-customer-email` })
	}
	const invoice = await stripe.invoices.create(
		{
			customer: customerId,
			currency: order.currency,
			collection_method: 'send_invoice',
			days_until_due: paymentTermsDays,
			pending_invoice_items_behavior: 'exclude',
			automatic_tax: { enabled: billingConfig().automaticTax },
			custom_fields: [
				...(purchaseOrderNumber ? [{ name: 'Purchase order', value: purchaseOrderNumber }] : []),
				...(invoiceNumber ? [{ name: 'VAT invoice', value: invoiceNumber }] : []),
			],
			metadata: { orderId: order.id, ...(invoiceNumber ? { invoiceNumber } : {}) },
			description,
		},
		{ idempotencyKey: `order-${order.id}-invoice` },
	)
	await stripe.invoiceItems.create(
		{
			customer: customerId,
			invoice: invoice.id,
			currency: order.currency,
			amount: order.amountPence,
			description,
			metadata: { orderId: order.id },
		},
		{ idempotencyKey: `order-${order.id}-invoice-item` },
	)
	const sent = await stripe.invoices.sendInvoice(invoice.id, {}, { idempotencyKey: `order-${order.id}-invoice-send` })
	const url = sent.hosted_invoice_url ?? `${appUrl()}/checkout/success?invoice=${encodeURIComponent(invoice.id)}`
	await prisma.order.update({
		where: { id: order.id },
		data: { stripeInvoiceId: invoice.id, checkoutUrl: url },
	})
	return url
}

/**
 * Counts an order paid by invoice against the buyer's and the organisation's daily allowance
 * (THROTTLES.invoiceOrdersPerBuyer and invoiceOrdersPerOrganisation): each such order takes the next
 * number of the gap-free VAT invoice series (ADR 0036) and emails an invoice, so anyone who can
 * create an organisation could otherwise spend the series and mail invoices at will. Only an active
 * owner or admin of the organisation counts against it, so nobody outside can use up its allowance
 * (anyone else is refused in the transaction, as before). Returns how to give the count back.
 */
async function countInvoiceOrder(buyerUserId: string, organisationId: string) {
	const admin = await prisma.membership.findFirst({
		where: { organisationId, userId: buyerUserId, deactivatedAt: null, role: { in: ['OWNER', 'ADMIN'] } },
		select: { id: true },
	})
	if (!admin) return null
	await consumeThrottle('invoiceOrdersPerBuyer', buyerUserId).catch((error: unknown) => {
		throw tooManyInvoiceOrders(error, 'buyer')
	})
	try {
		await consumeThrottle('invoiceOrdersPerOrganisation', organisationId)
	} catch (error) {
		await refundThrottle('invoiceOrdersPerBuyer', buyerUserId)
		throw tooManyInvoiceOrders(error, 'organisation')
	}
	return {
		giveBack: async () => {
			await refundThrottle('invoiceOrdersPerBuyer', buyerUserId)
			await refundThrottle('invoiceOrdersPerOrganisation', organisationId)
		},
	}
}

function tooManyInvoiceOrders(error: unknown, who: 'buyer' | 'organisation') {
	if (!isDomainError(error) || error.kind !== 'throttled') return error
	const extra = { field: 'method', retryAfterSeconds: error.retryAfterSeconds }
	return who === 'buyer'
		? new BillingError(
				'throttled',
				'TOO_MANY_INVOICE_ORDERS',
				"You have placed as many orders paid by invoice as one person can in a day. Please try again tomorrow, pay by card, or contact Circle's support.",
				extra,
			)
		: new BillingError(
				'throttled',
				'TOO_MANY_INVOICE_ORDERS',
				"Your organisation has placed as many orders paid by invoice as it can in a day. Please try again tomorrow, pay by card, or contact Circle's support.",
				extra,
			)
}

/** The buyer's page for one order (its invoice, status and what to do next). */
function orderPageUrl(orderId: string) {
	return `/checkout/success?order=${encodeURIComponent(orderId)}`
}

type ForSale = {
	kind: 'course' | 'programme'
	id: string
	slug: string
	title: string
	pricePence: number
	currency: string
	volumeTiers: unknown
}

/** A published, priced course as checkout sells it; `not_found` or `invalid` (free) otherwise. */
async function courseForSale(tx: Tx, courseId: string): Promise<ForSale> {
	const course = await tx.course.findFirst({
		where: { id: courseId, archivedAt: null, publishedVersion: { status: 'PUBLISHED' } },
		select: {
			id: true,
			slug: true,
			pricePence: true,
			currency: true,
			volumeTiers: true,
			publishedVersion: { select: { title: true } },
		},
	})
	if (!course?.publishedVersion)
		throw new BillingError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')
	if (course.pricePence <= 0) {
		throw new BillingError('invalid', 'COURSE_IS_FREE', 'This course is free: enrol from the course page.')
	}
	return { kind: 'course', ...course, title: course.publishedVersion.title }
}

/**
 * A published, priced programme whose courses are all still published, as checkout sells it: one
 * price for the whole programme (no volume tiers: programmes are bought one place at a time).
 */
async function programmeForSale(tx: Tx, programmeId: string): Promise<ForSale> {
	const programme = await tx.programme.findFirst({
		where: { id: programmeId, publishedAt: { not: null } },
		select: {
			id: true,
			slug: true,
			title: true,
			pricePence: true,
			currency: true,
			courses: { select: { course: { select: { archivedAt: true, publishedVersionId: true } } } },
		},
	})
	if (!programme || programme.courses.some(({ course }) => course.archivedAt || !course.publishedVersionId)) {
		throw new BillingError('not_found', 'PROGRAMME_NOT_FOUND', 'We could not find that programme.')
	}
	if (programme.pricePence <= 0) {
		throw new BillingError('invalid', 'PROGRAMME_IS_FREE', 'This programme is free: join it from its page.')
	}
	return { kind: 'programme', ...programme, volumeTiers: null }
}
