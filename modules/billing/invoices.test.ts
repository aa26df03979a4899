// VAT invoices, credit notes and paying by invoice without a card (ADR 0036), against PostgreSQL.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createTestOrganisation, withoutStripe } from '#tests/factories/billing.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { createCheckout } from './create-checkout.ts'
import { completeDemoCheckout } from './demo-checkout.ts'
import { loadInvoiceDocument, ukYearOf } from './invoice-documents.ts'
import { runInvoiceChasers } from './invoice-chasers.ts'
import { approveInvoiceOrder, recordInvoicePayment } from './invoice-orders.ts'
import { renderInvoicePdf } from './invoice-pdf.ts'
import { refundOrder, revokePurchase } from './revoke-purchase.ts'
import { takeDocumentNumber } from './sql.ts'

const DAY = 86_400_000
let restore: () => void
beforeEach(() => {
	restore = withoutStripe()
})
afterEach(() => restore())
afterAll(() => releaseTestResources())

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('expected a rejection')
}

async function invoiceOrder({
	quantity = 12,
	pricePence = 9900,
	invoiceSeats = 'ON_APPROVAL' as 'ON_ORDER' | 'ON_APPROVAL',
	purchaseOrderNumber = 'PO-44817' as string | undefined,
} = {}) {
	const admin = await createUser({ name: 'Priya Shah' })
	const organisation = await createTestOrganisation({ userId: admin.id, role: 'ADMIN', invoiceSeats })
	await prisma.organisation.update({ where: { id: organisation.id }, data: { vatNumber: 'GB123456782' } })
	const course = await createCourse({ pricePence, modules: 1 })
	const { orderId, url } = await createCheckout({
		buyerUserId: admin.id,
		courseId: course.id,
		organisationId: organisation.id,
		quantity,
		method: 'INVOICE',
		purchaseOrderNumber,
		paymentTermsDays: 30,
	})
	const invoice = await prisma.invoice.findUniqueOrThrow({ where: { orderId } })
	return { admin, organisation, course, orderId, url, invoice }
}

const seatsOf = async (organisationId: string, courseId: string) =>
	(await prisma.seatPool.findUnique({ where: { organisationId_courseId: { organisationId, courseId } } }))?.seats ?? 0

function pdfText(pdf: Buffer, name: string) {
	const dir = path.resolve('tests/.tmp/invoices')
	fs.mkdirSync(dir, { recursive: true })
	const file = path.join(dir, name)
	fs.writeFileSync(file, pdf)
	return execFileSync('pdftotext', ['-layout', file, '-']).toString()
}

describe('paying by invoice without a card', () => {
	test('a 12-seat order with a PO number gets a numbered VAT invoice, emailed to the billing contact', async () => {
		const { orderId, url, invoice, organisation, course } = await invoiceOrder()
		const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
		// Not the demo card checkout: an order on invoice terms, awaiting payment.
		expect(order).toMatchObject({ paymentMethod: 'INVOICE', status: 'PENDING', purchaseOrderNumber: 'PO-44817' })
		expect(url).toBe(`/checkout/success?order=${orderId}`)
		expect(invoice.number).toMatch(new RegExp(`^CIR-${ukYearOf(invoice.issuedAt)}-\\d{6}$`))
		// Prices include VAT at 20%: £1,188.00 = £990.00 net + £198.00 VAT.
		expect(invoice).toMatchObject({ totalPence: 118_800, netPence: 99_000, vatPence: 19_800, paymentTermsDays: 30 })
		expect(invoice.dueAt.getTime() - invoice.issuedAt.getTime()).toBe(30 * DAY)
		expect(invoice.lines).toEqual([
			expect.objectContaining({ quantity: 12, unitNetPence: 8250, vatRatePercent: 20, netPence: 99_000 }),
		])
		expect(invoice.buyer).toMatchObject({
			address: ['1 River Lane', 'Leeds', 'LS2 7AB', 'United Kingdom'],
			vatNumber: 'GB123456782',
			email: 'finance@riverside.example',
		})
		// On approval terms: no seats until an admin approves or it is paid.
		expect(await seatsOf(organisation.id, course.id)).toBe(0)
		const email = await prisma.emailMessage.findFirstOrThrow({
			where: { to: 'finance@riverside.example', template: 'invoice-issued', subject: { contains: invoice.number } },
		})
		expect(email.subject).toContain('PO-44817')
		expect(email.attachments).toEqual([{ kind: 'invoice-document', number: invoice.number }])

		const document = await loadInvoiceDocument(invoice.number)
		const { filename, content } = await renderInvoicePdf(document!)
		expect(filename).toBe(`${invoice.number}.pdf`)
		const text = pdfText(content, 'invoice-12-seats.pdf')
		for (const expected of [
			'VAT invoice',
			invoice.number,
			'PO-44817',
			'1 River Lane',
			'GB123456782',
			'TAX POINT',
			'£990.00',
			'£198.00',
			'£1,188.00',
			'Sort code',
			'30 days from the invoice date',
		]) {
			expect(text).toContain(expected)
		}
	})

	test('an organisation trusted to pay gets its seats on ordering; the payment an admin records grants nothing twice', async () => {
		const { orderId, organisation, course, invoice } = await invoiceOrder({ invoiceSeats: 'ON_ORDER' })
		expect(await seatsOf(organisation.id, course.id)).toBe(12)
		const platformAdmin = await createUser({ role: 'ADMIN' })
		const receivedAt = new Date(invoice.issuedAt.getTime() + 10 * DAY)
		const result = await recordInvoicePayment({ orderId, actorId: platformAdmin.id, receivedAt, reference: 'BACS 771' })
		expect(result).toMatchObject({ status: 'PAID', fulfilledNow: true })
		expect(await seatsOf(organisation.id, course.id)).toBe(12)
		expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paidAt: receivedAt })
		expect(await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ fulfilledAt: receivedAt })
		const actions = await prisma.auditLog.findMany({ where: { targetId: orderId }, select: { action: true } })
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['order.created', 'order.seats_granted', 'order.fulfilled', 'order.payment_recorded']),
		)
		const again = await thrown(
			recordInvoicePayment({ orderId, actorId: platformAdmin.id, receivedAt, reference: null }),
		)
		expect(isDomainError(again) && again.code).toBe('ALREADY_PAID')
	})

	test('on approval terms, a platform admin approves (seats now) and only a platform admin may', async () => {
		const { orderId, organisation, course, admin } = await invoiceOrder()
		const refused = await thrown(approveInvoiceOrder({ orderId, actorId: admin.id, now: new Date() }))
		expect(isDomainError(refused) && refused.kind).toBe('forbidden')
		expect(await seatsOf(organisation.id, course.id)).toBe(0)

		const platformAdmin = await createUser({ role: 'ADMIN' })
		await approveInvoiceOrder({ orderId, actorId: platformAdmin.id, now: new Date() })
		expect(await seatsOf(organisation.id, course.id)).toBe(12)
		const twice = await thrown(approveInvoiceOrder({ orderId, actorId: platformAdmin.id, now: new Date() }))
		expect(isDomainError(twice) && twice.code).toBe('NOT_AWAITING_APPROVAL')
		await recordInvoicePayment({ orderId, actorId: platformAdmin.id, receivedAt: new Date(), reference: null })
		expect(await seatsOf(organisation.id, course.id)).toBe(12)
		const refusedPayment = await thrown(
			recordInvoicePayment({ orderId, actorId: admin.id, receivedAt: new Date(), reference: null }),
		)
		expect(isDomainError(refusedPayment) && refusedPayment.kind).toBe('forbidden')
	})

	test('an organisation without a billing address cannot be invoiced: a clear message, and nothing is saved', async () => {
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id, billingAddress: false })
		const course = await createCourse({ pricePence: 5000, modules: 1 })
		const year = ukYearOf(new Date())
		const counter = async () =>
			(await prisma.documentCounter.findUnique({ where: { series_year: { series: 'CIR', year } } }))?.last ?? 0
		const before = await counter()
		const error = await thrown(
			createCheckout({
				buyerUserId: admin.id,
				courseId: course.id,
				organisationId: organisation.id,
				quantity: 5,
				method: 'INVOICE',
				billingEmail: 'new-finance@riverside.example',
			}),
		)
		expect(isDomainError(error) && error.code).toBe('BILLING_ADDRESS_REQUIRED')
		expect(isDomainError(error) && error.field).toBe('organisationId')
		expect((error as Error).message).toMatch(/has no billing address yet.*Settings → Billing/)
		expect(await prisma.order.count({ where: { buyerUserId: admin.id } })).toBe(0)
		expect(await counter()).toBe(before)
		// Not even the billing email given with the request.
		expect(await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
			billingEmail: 'finance@riverside.example',
		})
	})

	test('a paid card (demo) order gets its invoice at fulfilment, issued as paid', async () => {
		const buyer = await createUser({ name: 'Sam Taylor' })
		const course = await createCourse({ pricePence: 4900, modules: 1 })
		const { orderId } = await createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' })
		expect(await prisma.invoice.count({ where: { orderId } })).toBe(0)
		await completeDemoCheckout({ orderId, userId: buyer.id })
		const invoice = await prisma.invoice.findUniqueOrThrow({ where: { orderId } })
		expect(invoice.paidAt).not.toBeNull()
		expect(invoice).toMatchObject({ paymentTermsDays: 0, totalPence: 4900, vatPence: 817, netPence: 4083 })
		expect(invoice.buyer).toMatchObject({ name: 'Sam Taylor', address: [] })
	})
})

describe('orders paid by invoice are limited per day', () => {
	const place = (buyerUserId: string, organisationId: string, courseId: string, purchaseOrderNumber: string) =>
		createCheckout({ buyerUserId, courseId, organisationId, quantity: 2, method: 'INVOICE', purchaseOrderNumber })
	const issued = (organisationId: string) => prisma.invoice.count({ where: { order: { organisationId } } })

	test('a buyer’s 11th in a day is refused beside the payment choice: no order, no invoice number, no email', async () => {
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id, role: 'ADMIN' })
		const course = await createCourse({ pricePence: 2500, modules: 1 })
		const first = await place(admin.id, organisation.id, course.id, 'PO-1')
		// Asking again for an order already open reuses it, and counts for nothing.
		expect(await place(admin.id, organisation.id, course.id, 'PO-1')).toEqual(first)
		for (let n = 2; n <= 10; n++) await place(admin.id, organisation.id, course.id, `PO-${n}`)
		expect(await issued(organisation.id)).toBe(10)
		const emails = await prisma.emailMessage.count({ where: { template: 'invoice-issued' } })

		const refused = await thrown(place(admin.id, organisation.id, course.id, 'PO-11'))
		expect(refused).toMatchObject({ kind: 'throttled', code: 'TOO_MANY_INVOICE_ORDERS', field: 'method' })
		expect((refused as Error).message).toContain('as one person can in a day')
		expect(await issued(organisation.id)).toBe(10)
		expect(await prisma.order.count({ where: { organisationId: organisation.id } })).toBe(10)
		expect(await prisma.emailMessage.count({ where: { template: 'invoice-issued' } })).toBe(emails)
		// The limit is the buyer's, whichever organisation they buy for; paying by card is not limited.
		const another = await createTestOrganisation({ userId: admin.id })
		expect(await thrown(place(admin.id, another.id, course.id, 'PO-12'))).toMatchObject({
			code: 'TOO_MANY_INVOICE_ORDERS',
		})
		await expect(
			createCheckout({
				buyerUserId: admin.id,
				courseId: course.id,
				organisationId: another.id,
				quantity: 2,
				method: 'CARD',
			}),
		).resolves.toMatchObject({ orderId: expect.any(String) })
	}, 60_000)

	test('an organisation’s 21st in a day is refused, whoever of its admins places it', async () => {
		const owner = await createUser()
		const organisation = await createTestOrganisation({ userId: owner.id })
		const admins = [owner]
		for (let n = 0; n < 2; n++) {
			const admin = await createUser()
			await prisma.membership.create({ data: { organisationId: organisation.id, userId: admin.id, role: 'ADMIN' } })
			admins.push(admin)
		}
		const course = await createCourse({ pricePence: 2500, modules: 1 })
		for (let n = 0; n < 20; n++) await place(admins[n % 2]!.id, organisation.id, course.id, `PO-${n}`)
		const refused = await thrown(place(admins[2]!.id, organisation.id, course.id, 'PO-21'))
		expect(refused).toMatchObject({ code: 'TOO_MANY_INVOICE_ORDERS', field: 'method' })
		expect((refused as Error).message).toContain('Your organisation has placed')
		expect(await issued(organisation.id)).toBe(20)
		// The third admin's own allowance was given back: it can still order for another organisation.
		const elsewhere = await createTestOrganisation({ userId: admins[2]!.id })
		await expect(place(admins[2]!.id, elsewhere.id, course.id, 'PO-1')).resolves.toBeTruthy()
	}, 90_000)

	test('refused orders count for nothing, so nobody outside an organisation can use up its allowance', async () => {
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id })
		const outsider = await createUser()
		const member = await createUser()
		await prisma.membership.create({ data: { organisationId: organisation.id, userId: member.id, role: 'MEMBER' } })
		const course = await createCourse({ pricePence: 2500, modules: 1 })
		for (let n = 0; n < 25; n++) {
			expect(await thrown(place(n % 2 ? outsider.id : member.id, organisation.id, course.id, `PO-${n}`))).toMatchObject(
				{
					code: 'NOT_ORGANISATION_ADMIN',
				},
			)
		}
		await expect(place(admin.id, organisation.id, course.id, 'PO-1')).resolves.toBeTruthy()
	}, 60_000)
})

describe('invoice numbers', () => {
	test('are gap-free and unique under 20 concurrent orders', async () => {
		const course = await createCourse({ pricePence: 2500, modules: 1 })
		const buyers = await Promise.all(
			Array.from({ length: 20 }, async () => {
				const user = await createUser()
				const organisation = await createTestOrganisation({ userId: user.id })
				return { user, organisation }
			}),
		)
		const orders = await Promise.all(
			buyers.map(({ user, organisation }) =>
				createCheckout({
					buyerUserId: user.id,
					courseId: course.id,
					organisationId: organisation.id,
					quantity: 3,
					method: 'INVOICE',
				}),
			),
		)
		const invoices = await prisma.invoice.findMany({
			where: { orderId: { in: orders.map((o) => o.orderId) } },
			select: { number: true, year: true, sequence: true },
		})
		expect(invoices).toHaveLength(20)
		const sequences = invoices.map((i) => i.sequence).sort((a, b) => a - b)
		expect(new Set(invoices.map((i) => i.number)).size).toBe(20)
		// Twenty consecutive numbers, and the whole year's series has no hole in it.
		expect(sequences.at(-1)! - sequences[0]!).toBe(19)
		const year = invoices[0]!.year
		const all = await prisma.invoice.findMany({ where: { year }, select: { sequence: true } })
		const counter = await prisma.documentCounter.findUniqueOrThrow({ where: { series_year: { series: 'CIR', year } } })
		expect(all.length).toBe(counter.last)
		expect(new Set(all.map((i) => i.sequence))).toEqual(new Set(Array.from({ length: counter.last }, (_, i) => i + 1)))
	}, 90_000)

	test('a transaction that rolls back gives its number back', async () => {
		const year = 2099
		const first = await prisma.$transaction((tx) => takeDocumentNumber(tx, { series: 'CRN', year }))
		await expect(
			prisma.$transaction(async (tx) => {
				await takeDocumentNumber(tx, { series: 'CRN', year })
				throw new Error('the invoice could not be written')
			}),
		).rejects.toThrow('could not be written')
		const next = await prisma.$transaction((tx) => takeDocumentNumber(tx, { series: 'CRN', year }))
		expect(next).toBe(first + 1)
	})
})

describe('credit notes', () => {
	test('a refund of an invoice paid by bank transfer issues a credit note for the whole invoice', async () => {
		const { orderId, invoice, organisation, course } = await invoiceOrder({ invoiceSeats: 'ON_ORDER' })
		const platformAdmin = await createUser({ role: 'ADMIN' })
		await recordInvoicePayment({ orderId, actorId: platformAdmin.id, receivedAt: new Date(), reference: null })
		const outcome = await refundOrder({ orderId, actorId: platformAdmin.id, reason: 'Course cancelled by the trust' })
		expect(outcome).toMatchObject({ state: 'refunded', status: 'REFUNDED', removed: 12 })
		expect(await seatsOf(organisation.id, course.id)).toBe(0)
		const [note] = await prisma.creditNote.findMany({ where: { invoiceId: invoice.id } })
		expect(note).toMatchObject({ totalPence: 118_800, netPence: 99_000, vatPence: 19_800 })
		expect(note!.number).toMatch(/^CRN-\d{4}-\d{6}$/)
		expect(
			await prisma.emailMessage.count({
				where: { to: 'finance@riverside.example', subject: { contains: note!.number } },
			}),
		).toBe(1)
		const { content } = await renderInvoicePdf((await loadInvoiceDocument(note!.number))!)
		const text = pdfText(content, 'credit-note.pdf')
		for (const expected of [
			'Credit note',
			note!.number,
			invoice.number,
			'Total credited',
			'£1,188.00',
			'PO-44817',
			'Course cancelled by the trust',
		]) {
			expect(text).toContain(expected)
		}
	})

	test('partial refunds credit what each returns, and the last one cancels the invoice to the penny', async () => {
		const { orderId, invoice } = await invoiceOrder({ quantity: 3, pricePence: 3333 })
		const platformAdmin = await createUser({ role: 'ADMIN' })
		await recordInvoicePayment({ orderId, actorId: platformAdmin.id, receivedAt: new Date(), reference: null })
		await prisma.$transaction((tx) => revokePurchase(tx, { orderId, refundedPence: 3333, reason: 'One seat' }))
		// Replayed: cumulative, so nothing more is credited.
		await prisma.$transaction((tx) => revokePurchase(tx, { orderId, refundedPence: 3333, reason: 'One seat' }))
		await prisma.$transaction((tx) => revokePurchase(tx, { orderId, refundedPence: 9999, reason: 'The rest' }))
		const notes = await prisma.creditNote.findMany({ where: { invoiceId: invoice.id }, orderBy: { sequence: 'asc' } })
		expect(notes.map((n) => n.totalPence)).toEqual([3333, 6666])
		expect(notes.reduce((s, n) => s + n.vatPence, 0)).toBe(invoice.vatPence)
		expect(notes.reduce((s, n) => s + n.netPence, 0)).toBe(invoice.netPence)
	})
})

describe('overdue invoices', () => {
	test('are chased once per step, flagged for admins, and not chased once paid', async () => {
		const { orderId, invoice } = await invoiceOrder()
		const at = (days: number) => new Date(invoice.dueAt.getTime() + days * DAY)
		const chases = () =>
			prisma.emailMessage.count({ where: { template: 'invoice-overdue', subject: { contains: invoice.number } } })
		await runInvoiceChasers({ now: at(0.5) })
		expect(await chases()).toBe(0)
		// Two workers at once, then a rerun: one email.
		await Promise.all([runInvoiceChasers({ now: at(1) }), runInvoiceChasers({ now: at(1) })])
		await runInvoiceChasers({ now: at(2) })
		expect(await chases()).toBe(1)
		expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).overdueAt).toEqual(at(1))
		await runInvoiceChasers({ now: at(14) })
		await runInvoiceChasers({ now: at(15) })
		expect(await chases()).toBe(2)
		const platformAdmin = await createUser({ role: 'ADMIN' })
		await recordInvoicePayment({ orderId, actorId: platformAdmin.id, receivedAt: at(20), reference: null })
		await runInvoiceChasers({ now: at(31) })
		expect(await chases()).toBe(2)
	}, 90_000)

	test('a scan that was late sends only the latest step', async () => {
		const { invoice } = await invoiceOrder()
		await runInvoiceChasers({ now: new Date(invoice.dueAt.getTime() + 35 * DAY) })
		const emails = await prisma.emailMessage.findMany({
			where: { template: 'invoice-overdue', subject: { contains: invoice.number } },
			select: { subject: true },
		})
		expect(emails).toEqual([{ subject: `Final reminder: invoice ${invoice.number} is overdue` }])
		const steps = await prisma.invoiceChase.findMany({ where: { invoiceId: invoice.id }, orderBy: { step: 'asc' } })
		expect(steps.map((s) => [s.step, s.emailMessageId !== null])).toEqual([
			[1, false],
			[14, false],
			[30, true],
		])
	})
})
