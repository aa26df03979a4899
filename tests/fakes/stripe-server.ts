import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// A small stand-in for api.stripe.com, for tests: the real `stripe` client talks to it over HTTP
// (STRIPE_API_URL). It implements only the endpoints Circle calls, keeps objects in memory, records
// every request with its Idempotency-Key, and answers a repeated key with the first response, as
// Stripe does. Tests drive what only Stripe could do (a customer paying, a bank transfer clearing,
// a refund from the dashboard) through its helper methods.

export type RecordedRequest = {
	method: string
	path: string
	idempotencyKey: string | null
	body: Record<string, unknown>
}

// Stripe objects are free-form JSON; the fake reads and writes them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

function id(prefix: string) {
	return `${prefix}_test_${randomBytes(10).toString('hex')}`
}

/** Decodes Stripe's form encoding (`a[b][0][c]=1`) into nested objects and arrays. */
export function parseStripeForm(text: string): Json {
	const root: Json = {}
	for (const [rawKey, value] of new URLSearchParams(text)) {
		const parts = rawKey.split(/[[\]]+/).filter((p) => p !== '')
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		let node: any = root
		parts.forEach((part, index) => {
			const last = index === parts.length - 1
			const nextIsIndex = !last && /^\d+$/.test(parts[index + 1]!)
			if (last) node[part] = value
			else node = node[part] ??= nextIsIndex ? [] : {}
		})
	}
	return root
}

class StripeError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly code = 'resource_missing',
	) {
		super(message)
	}
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>

export async function startFakeStripe() {
	const sessions = new Map<string, Json>()
	const lineItems = new Map<string, Json[]>()
	const customers = new Map<string, Json>()
	const invoices = new Map<string, Json>()
	const invoiceItems = new Map<string, Json>()
	const charges = new Map<string, Json>()
	const paymentIntents = new Map<string, Json>()
	const refunds = new Map<string, Json>()
	const disputes = new Map<string, Json>()
	const requests: RecordedRequest[] = []
	const replies = new Map<string, { status: number; body: string }>()
	/** "METHOD /v1/path-pattern" keys that answer 500 (with Stripe-Should-Retry: false) until removed. */
	const failing = new Set<string>()
	const now = () => Math.floor(Date.now() / 1000)

	function newPayment(amount: number, currency: string, metadata: Json = {}) {
		const pi = { id: id('pi'), object: 'payment_intent', amount, currency, status: 'succeeded', metadata }
		const charge = {
			id: id('ch'),
			object: 'charge',
			amount,
			currency,
			amount_refunded: 0,
			refunded: false,
			disputed: false,
			paid: true,
			payment_intent: pi.id,
			metadata: {},
		}
		paymentIntents.set(pi.id, { ...pi, latest_charge: charge.id })
		charges.set(charge.id, charge)
		return { paymentIntent: pi.id, charge: charge.id }
	}

	function refund(charge: Json, amount?: number) {
		const value = amount ?? charge.amount - charge.amount_refunded
		if (value <= 0 || charge.amount_refunded + value > charge.amount) {
			throw new StripeError(400, 'Refund amount exceeds the charge', 'charge_already_refunded')
		}
		charge.amount_refunded += value
		charge.refunded = charge.amount_refunded >= charge.amount
		const created = {
			id: id('re'),
			object: 'refund',
			amount: value,
			charge: charge.id,
			payment_intent: charge.payment_intent,
			currency: charge.currency,
			status: 'succeeded',
		}
		refunds.set(created.id, created)
		return created
	}

	function expandsOf(body: Json): string[] {
		return Array.isArray(body.expand) ? body.expand : []
	}

	/** A payment intent as Stripe returns it, with `latest_charge` expanded when asked. */
	function paymentIntentView(paymentIntentId: string, expandCharge: boolean) {
		const pi = paymentIntents.get(paymentIntentId)
		if (!pi) return paymentIntentId
		return expandCharge ? { ...pi, latest_charge: charges.get(pi.latest_charge) ?? pi.latest_charge } : pi
	}

	/** The session with what was asked for expanded: `line_items`, `payment_intent`, `payment_intent.latest_charge`. */
	function sessionView(session: Json, expand: string[]) {
		const view: Json = { ...session }
		if (expand.includes('line_items')) {
			const data = lineItems.get(session.id) ?? []
			view.line_items = {
				object: 'list',
				data,
				has_more: false,
				url: `/v1/checkout/sessions/${session.id}/line_items`,
			}
		}
		const expandCharge = expand.includes('payment_intent.latest_charge')
		if (session.payment_intent && (expandCharge || expand.includes('payment_intent'))) {
			view.payment_intent = paymentIntentView(session.payment_intent, expandCharge)
		}
		return view
	}

	function route(method: string, path: string, body: Json): { key: string; result: () => Json } {
		let m: RegExpMatchArray | null
		if (method === 'POST' && path === '/v1/checkout/sessions') {
			return {
				key: 'POST /v1/checkout/sessions',
				result: () => {
					const sessionId = id('cs')
					const items = (body.line_items ?? []) as Json[]
					const stored: Json[] = items.map((item) => {
						const quantity = Number(item.quantity ?? 1)
						const unit = Number(item.price_data?.unit_amount ?? 0)
						return {
							id: id('li'),
							object: 'item',
							quantity,
							currency: item.price_data?.currency ?? body.currency,
							amount_subtotal: unit * quantity,
							amount_total: unit * quantity,
							description: item.price_data?.product_data?.name ?? null,
							price: { unit_amount: unit },
						}
					})
					const total = stored.reduce((sum, li) => sum + li.amount_total, 0)
					const session = {
						id: sessionId,
						object: 'checkout.session',
						mode: body.mode,
						currency: body.currency ?? stored[0]?.currency ?? 'gbp',
						amount_subtotal: total,
						amount_total: total,
						payment_status: 'unpaid',
						status: 'open',
						url: `https://checkout.stripe.test/c/pay/${sessionId}`,
						expires_at: body.expires_at ? Number(body.expires_at) : now() + 24 * 3600,
						client_reference_id: body.client_reference_id ?? null,
						customer_email: body.customer_email ?? null,
						metadata: body.metadata ?? {},
						payment_intent: null,
						success_url: body.success_url,
						cancel_url: body.cancel_url,
						allow_promotion_codes: body.allow_promotion_codes === 'true',
						automatic_tax: { enabled: body.automatic_tax?.enabled === 'true' },
						payment_intent_metadata: body.payment_intent_data?.metadata ?? {},
					}
					sessions.set(sessionId, session)
					lineItems.set(sessionId, stored)
					return session
				},
			}
		}
		if (method === 'GET' && path === '/v1/checkout/sessions') {
			return {
				key: 'GET /v1/checkout/sessions',
				result: () => {
					// Only the filter Circle uses: which checkout took this payment intent.
					const data = [...sessions.values()]
						.filter((session) => !body.payment_intent || session.payment_intent === body.payment_intent)
						.slice(0, Number(body.limit ?? 10))
						.map((session) => sessionView(session, []))
					return { object: 'list', data, has_more: false, url: '/v1/checkout/sessions' }
				},
			}
		}
		if (method === 'GET' && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/))) {
			const sessionId = m[1]!
			return {
				key: 'GET /v1/checkout/sessions/:id',
				result: () => {
					const session = sessions.get(sessionId)
					if (!session) throw new StripeError(404, `No such checkout.session: '${sessionId}'`)
					return sessionView(session, expandsOf(body))
				},
			}
		}
		if (method === 'POST' && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/))) {
			const sessionId = m[1]!
			return {
				key: 'POST /v1/checkout/sessions/:id/expire',
				result: () => {
					const session = sessions.get(sessionId)
					if (!session) throw new StripeError(404, `No such checkout.session: '${sessionId}'`)
					if (session.status !== 'open') {
						throw new StripeError(
							400,
							`Only open sessions can be expired; this one is ${session.status}`,
							'session_not_open',
						)
					}
					session.status = 'expired'
					return session
				},
			}
		}
		if (method === 'POST' && path === '/v1/customers') {
			return {
				key: 'POST /v1/customers',
				result: () => {
					const customer = {
						id: id('cus'),
						object: 'customer',
						email: body.email ?? null,
						name: body.name ?? null,
						metadata: body.metadata ?? {},
					}
					customers.set(customer.id, customer)
					return customer
				},
			}
		}
		if (method === 'POST' && (m = path.match(/^\/v1\/customers\/([^/]+)$/))) {
			const customerId = m[1]!
			return {
				key: 'POST /v1/customers/:id',
				result: () => {
					const customer = customers.get(customerId)
					if (!customer) throw new StripeError(404, `No such customer: '${customerId}'`)
					for (const field of ['email', 'name'] as const) if (body[field] !== undefined) customer[field] = body[field]
					if (body.metadata) customer.metadata = { ...customer.metadata, ...body.metadata }
					return customer
				},
			}
		}
		if (method === 'POST' && path === '/v1/invoices') {
			return {
				key: 'POST /v1/invoices',
				result: () => {
					if (!customers.has(body.customer)) throw new StripeError(400, `No such customer: '${body.customer}'`)
					const invoice = {
						id: id('in'),
						object: 'invoice',
						customer: body.customer,
						// Stripe copies the customer's email onto the invoice when it is finalised.
						customer_email: customers.get(body.customer)!.email,
						currency: body.currency ?? 'gbp',
						collection_method: body.collection_method,
						days_until_due: body.days_until_due ? Number(body.days_until_due) : null,
						custom_fields: body.custom_fields ?? null,
						metadata: body.metadata ?? {},
						description: body.description ?? null,
						status: 'draft',
						amount_due: 0,
						amount_paid: 0,
						total: 0,
						hosted_invoice_url: null as string | null,
					}
					invoices.set(invoice.id, invoice)
					return invoice
				},
			}
		}
		if (method === 'POST' && path === '/v1/invoiceitems') {
			return {
				key: 'POST /v1/invoiceitems',
				result: () => {
					const invoice = invoices.get(body.invoice)
					if (!invoice) throw new StripeError(400, `No such invoice: '${body.invoice}'`)
					const item = {
						id: id('ii'),
						object: 'invoiceitem',
						customer: body.customer,
						invoice: body.invoice,
						amount: Number(body.amount),
						currency: body.currency,
						description: body.description ?? null,
					}
					invoiceItems.set(item.id, item)
					invoice.amount_due += item.amount
					invoice.total += item.amount
					return item
				},
			}
		}
		if (method === 'POST' && (m = path.match(/^\/v1\/invoices\/([^/]+)\/send$/))) {
			const invoiceId = m[1]!
			return {
				key: 'POST /v1/invoices/:id/send',
				result: () => {
					const invoice = invoices.get(invoiceId)
					if (!invoice) throw new StripeError(404, `No such invoice: '${invoiceId}'`)
					if (invoice.status === 'draft') invoice.status = 'open'
					invoice.hosted_invoice_url = `https://invoice.stripe.test/i/${invoice.id}`
					return invoice
				},
			}
		}
		if (method === 'GET' && (m = path.match(/^\/v1\/invoices\/([^/]+)$/))) {
			const invoiceId = m[1]!
			return {
				key: 'GET /v1/invoices/:id',
				result: () => {
					const invoice = invoices.get(invoiceId)
					if (!invoice) throw new StripeError(404, `No such invoice: '${invoiceId}'`)
					return invoice
				},
			}
		}
		if (method === 'GET' && (m = path.match(/^\/v1\/charges\/([^/]+)$/))) {
			const chargeId = m[1]!
			return {
				key: 'GET /v1/charges/:id',
				result: () => {
					const charge = charges.get(chargeId)
					if (!charge) throw new StripeError(404, `No such charge: '${chargeId}'`)
					return charge
				},
			}
		}
		if (method === 'GET' && (m = path.match(/^\/v1\/payment_intents\/([^/]+)$/))) {
			const paymentIntentId = m[1]!
			return {
				key: 'GET /v1/payment_intents/:id',
				result: () => {
					if (!paymentIntents.has(paymentIntentId)) {
						throw new StripeError(404, `No such payment_intent: '${paymentIntentId}'`)
					}
					return paymentIntentView(paymentIntentId, expandsOf(body).includes('latest_charge')) as Json
				},
			}
		}
		if (method === 'POST' && path === '/v1/refunds') {
			return {
				key: 'POST /v1/refunds',
				result: () => {
					const pi = paymentIntents.get(body.payment_intent)
					if (!pi) throw new StripeError(400, `No such payment_intent: '${body.payment_intent}'`)
					return refund(charges.get(pi.latest_charge)!, body.amount ? Number(body.amount) : undefined)
				},
			}
		}
		return {
			key: `${method} ${path}`,
			result: () => {
				throw new StripeError(404, `Unrecognised request URL (${method}: ${path}) in the fake Stripe`)
			},
		}
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://fake.stripe')
		const chunks: Buffer[] = []
		for await (const chunk of req) chunks.push(chunk as Buffer)
		const raw = Buffer.concat(chunks).toString('utf8')
		const method = req.method ?? 'GET'
		const body = parseStripeForm(method === 'GET' ? url.search.slice(1) : raw)
		const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null
		requests.push({ method, path: url.pathname, idempotencyKey, body })

		const send = (status: number, text: string, extra: Record<string, string> = {}) => {
			res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req'), ...extra })
			res.end(text)
		}
		if (idempotencyKey && replies.has(`${method} ${url.pathname} ${idempotencyKey}`)) {
			const reply = replies.get(`${method} ${url.pathname} ${idempotencyKey}`)!
			return send(reply.status, reply.body, { 'Idempotent-Replayed': 'true' })
		}
		const { key, result } = route(method, url.pathname, body)
		if (failing.has(key)) {
			return send(500, JSON.stringify({ error: { type: 'api_error', message: 'Fake Stripe is failing on purpose' } }), {
				'Stripe-Should-Retry': 'false',
			})
		}
		let status = 200
		let text: string
		try {
			text = JSON.stringify(result())
		} catch (error) {
			if (!(error instanceof StripeError)) throw error
			status = error.status
			text = JSON.stringify({ error: { type: 'invalid_request_error', code: error.code, message: error.message } })
		}
		if (idempotencyKey) replies.set(`${method} ${url.pathname} ${idempotencyKey}`, { status, body: text })
		send(status, text)
	}

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			res.writeHead(500, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }))
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		sessions,
		customers,
		invoices,
		charges,
		refunds,
		disputes,
		failing,
		/** The customer finishes checkout: `paid` (card) or `unpaid` (Bacs/SEPA still clearing). */
		completeSession(sessionId: string, paymentStatus: 'paid' | 'unpaid' = 'paid') {
			const session = sessions.get(sessionId)
			if (!session) throw new Error(`No fake session ${sessionId}`)
			session.status = 'complete'
			if (!session.payment_intent) {
				session.payment_intent = newPayment(
					session.amount_total,
					session.currency,
					session.payment_intent_metadata,
				).paymentIntent
			}
			session.payment_status = paymentStatus
			return session
		},
		/** An async payment clears (`paid`) or stays unpaid. */
		setPaymentStatus(sessionId: string, paymentStatus: 'paid' | 'unpaid') {
			const session = sessions.get(sessionId)
			if (!session) throw new Error(`No fake session ${sessionId}`)
			session.payment_status = paymentStatus
			return session
		},
		expireSession(sessionId: string) {
			const session = sessions.get(sessionId)!
			session.status = 'expired'
			return session
		},
		/** The buyer pays an invoice (by bank transfer): status paid, with a payment intent and charge. */
		payInvoice(invoiceId: string) {
			const invoice = invoices.get(invoiceId)
			if (!invoice) throw new Error(`No fake invoice ${invoiceId}`)
			const { paymentIntent } = newPayment(invoice.amount_due, invoice.currency)
			invoice.status = 'paid'
			invoice.amount_paid = invoice.amount_due
			invoice.payments = {
				object: 'list',
				data: [
					{
						id: id('inpay'),
						object: 'invoice_payment',
						status: 'paid',
						payment: { type: 'payment_intent', payment_intent: paymentIntent },
					},
				],
				has_more: false,
			}
			return invoice
		},
		/** The charge behind a paid session or invoice. */
		chargeFor(paymentIntentId: string) {
			return charges.get(paymentIntents.get(paymentIntentId)!.latest_charge)!
		},
		/** A refund made outside Circle (the Stripe dashboard). */
		refundCharge(chargeId: string, amount?: number) {
			return refund(charges.get(chargeId)!, amount)
		},
		/** The cardholder's bank opens a dispute (a chargeback): the charge reads `disputed: true`. */
		disputeCharge(chargeId: string) {
			const charge = charges.get(chargeId)
			if (!charge) throw new Error(`No fake charge ${chargeId}`)
			charge.disputed = true
			const dispute = {
				id: id('dp'),
				object: 'dispute',
				amount: charge.amount - charge.amount_refunded,
				currency: charge.currency,
				charge: charge.id,
				payment_intent: charge.payment_intent,
				reason: 'fraudulent',
				status: 'needs_response',
			}
			disputes.set(dispute.id, dispute)
			return dispute
		},
		close() {
			return new Promise<void>((resolve) => server.close(() => resolve()))
		},
	}
}
