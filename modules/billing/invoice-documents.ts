import { z } from 'zod'
import { prisma, type Tx } from '#modules/db/client.ts'
import { BillingError } from './errors.ts'
import { supplierDetails } from './invoice-config.ts'
import { ORDER_PRODUCT_SELECT, orderProduct } from './product.ts'
import { takeDocumentNumber } from './sql.ts'
import { splitGross } from './vat.ts'

// Issuing VAT invoices and credit notes (ADR 0036). Everything printed is copied onto the row when
// the document is issued: a later change to the organisation's address or to the supplier's
// configuration never rewrites a document that has been sent.

export const PartySchema = z.object({
	name: z.string(),
	address: z.array(z.string()),
	vatNumber: z.string().nullable(),
	email: z.string().nullable(),
})
export const SupplierSchema = PartySchema.extend({
	companyNumber: z.string().nullable(),
	bank: z.object({ accountName: z.string(), sortCode: z.string(), accountNumber: z.string() }),
	demo: z.boolean(),
})
export const LineSchema = z.object({
	description: z.string(),
	quantity: z.number().int(),
	unitNetPence: z.number().int(),
	netPence: z.number().int(),
	vatRatePercent: z.number(),
	vatPence: z.number().int(),
	grossPence: z.number().int(),
})
export type Party = z.infer<typeof PartySchema>
export type Supplier = z.infer<typeof SupplierSchema>
export type InvoiceLine = z.infer<typeof LineSchema>

const ukYear = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/London' })
/** The calendar year in the UK (Europe/London) at `date`: the year a document's number belongs to. */
export function ukYearOf(date: Date) {
	return Number(ukYear.format(date))
}

/** CIR-2027-000123: the series, the UK year and six digits. */
export function documentNumber(series: 'CIR' | 'CRN', year: number, sequence: number) {
	return `${series}-${year}-${String(sequence).padStart(6, '0')}`
}

/** An organisation's billing address as printed: null when line 1, town or postcode is missing. */
/** What an invoice says about the organisation it is addressed to (and the billing page edits). */
export const BILLING_PARTY_SELECT = {
	name: true,
	billingName: true,
	billingEmail: true,
	billingAddressLine1: true,
	billingAddressLine2: true,
	billingTown: true,
	billingPostcode: true,
	billingCountry: true,
	vatNumber: true,
} as const

export function billingAddressOf(organisation: {
	billingAddressLine1: string | null
	billingAddressLine2: string | null
	billingTown: string | null
	billingPostcode: string | null
	billingCountry: string
}) {
	const { billingAddressLine1, billingAddressLine2, billingTown, billingPostcode, billingCountry } = organisation
	if (!billingAddressLine1 || !billingTown || !billingPostcode) return null
	return [billingAddressLine1, billingAddressLine2, billingTown, billingPostcode, billingCountry].filter(
		(line): line is string => Boolean(line),
	)
}

export function billingAddressRequired(organisationName: string) {
	return new BillingError(
		'invalid',
		'BILLING_ADDRESS_REQUIRED',
		`${organisationName} has no billing address yet. An owner or admin adds it under Settings → Billing, then you can ask for an invoice.`,
		{ field: 'organisationId' },
	)
}

const DAY = 86_400_000

export type IssueInvoiceOptions = {
	orderId: string
	now: Date
	/** Set when the order is already paid (card, Stripe, demo): the invoice is issued as paid. */
	paidAt?: Date | null
	/** Days to pay, for an order on invoice terms; 0 (due on issue) for one already paid. */
	paymentTermsDays?: number
}

/**
 * Issues the VAT invoice of an order inside the caller's transaction, or returns the one it has
 * (marking it paid when `paidAt` is given and it was not): each order has at most one invoice. The
 * number is the next of the CIR series for the UK year of `now`, taken last so the counter row is
 * locked as briefly as possible. The buyer is the organisation (its billing name, address, VAT
 * number and billing email) or, for a place bought for oneself, the person. An organisation on
 * invoice terms without a billing address is refused (`BILLING_ADDRESS_REQUIRED`).
 */
export async function issueInvoice(tx: Tx, { orderId, now, paidAt = null, paymentTermsDays = 0 }: IssueInvoiceOptions) {
	const existing = await tx.invoice.findUnique({ where: { orderId }, select: { id: true, number: true, paidAt: true } })
	if (existing) {
		if (paidAt && !existing.paidAt) {
			await tx.invoice.update({ where: { id: existing.id }, data: { paidAt }, select: { id: true } })
		}
		return { id: existing.id, number: existing.number, issuedNow: false }
	}
	const order = await tx.order.findUniqueOrThrow({
		where: { id: orderId },
		select: {
			id: true,
			quantity: true,
			amountPence: true,
			currency: true,
			paymentMethod: true,
			purchaseOrderNumber: true,
			buyer: { select: { name: true, email: true } },
			organisation: {
				select: { id: true, ...BILLING_PARTY_SELECT },
			},
			...ORDER_PRODUCT_SELECT,
		},
	})
	const organisation = order.organisation
	const address = organisation ? billingAddressOf(organisation) : []
	if (organisation && !address && order.paymentMethod === 'INVOICE') throw billingAddressRequired(organisation.name)

	const supplier = supplierDetails()
	const buyer: Party = organisation
		? {
				name: organisation.billingName ?? organisation.name,
				address: address ?? [],
				vatNumber: organisation.vatNumber,
				email: organisation.billingEmail ?? order.buyer.email,
			}
		: { name: order.buyer.name, address: [], vatNumber: null, email: order.buyer.email }
	const product = orderProduct(order)
	const split = splitGross(order.amountPence, supplier.vatRatePercent)
	const line: InvoiceLine = {
		description: organisation
			? `${product.title}: seat licence for ${organisation.name}`
			: `${product.title}: one learner place`,
		quantity: order.quantity,
		unitNetPence: Math.round(split.netPence / order.quantity),
		netPence: split.netPence,
		vatRatePercent: supplier.vatRatePercent,
		vatPence: split.vatPence,
		grossPence: split.grossPence,
	}
	const year = ukYearOf(now)
	const sequence = await takeDocumentNumber(tx, { series: 'CIR', year })
	const number = documentNumber('CIR', year, sequence)
	const { demo, vatRatePercent: _rate, ...printed } = supplier
	const invoice = await tx.invoice.create({
		data: {
			number,
			year,
			sequence,
			orderId,
			organisationId: organisation?.id ?? null,
			issuedAt: now,
			// Issued at the supply or within 14 days of it: the invoice date is the tax point.
			taxPointAt: paidAt && paidAt < now ? paidAt : now,
			dueAt: new Date(now.getTime() + paymentTermsDays * DAY),
			paymentTermsDays,
			purchaseOrderNumber: order.purchaseOrderNumber,
			buyer,
			supplier: { ...printed, demo } satisfies Supplier,
			lines: [line],
			netPence: split.netPence,
			vatPence: split.vatPence,
			totalPence: split.grossPence,
			currency: order.currency,
			paidAt,
		},
		select: { id: true, number: true },
	})
	return { ...invoice, issuedNow: true }
}

/**
 * Issues a credit note against an order's invoice for `amountPence` (VAT-inclusive) of it, inside
 * the caller's transaction: the next number of the CRN series, VAT split at the invoice's own rate.
 * The credit note that brings the credited total to the invoice total takes exactly the invoice's
 * remaining net and VAT, so a full refund in parts still cancels the invoice to the penny. Returns
 * null when the order has no invoice (orders from before invoices existed) or nothing is left to credit.
 */
export async function issueCreditNote(
	tx: Tx,
	{ orderId, amountPence, reason, now }: { orderId: string; amountPence: number; reason: string; now: Date },
) {
	const invoice = await tx.invoice.findUnique({
		where: { orderId },
		select: {
			id: true,
			number: true,
			netPence: true,
			vatPence: true,
			totalPence: true,
			lines: true,
			creditNotes: { select: { netPence: true, vatPence: true, totalPence: true } },
		},
	})
	if (!invoice) return null
	const credited = invoice.creditNotes.reduce(
		(sum, note) => ({
			net: sum.net + note.netPence,
			vat: sum.vat + note.vatPence,
			total: sum.total + note.totalPence,
		}),
		{ net: 0, vat: 0, total: 0 },
	)
	const remaining = invoice.totalPence - credited.total
	const gross = Math.min(amountPence, remaining)
	if (gross <= 0) return null
	const [line] = z.array(LineSchema).parse(invoice.lines)
	const rate = line?.vatRatePercent ?? 0
	const split =
		gross === remaining
			? { netPence: invoice.netPence - credited.net, vatPence: invoice.vatPence - credited.vat, grossPence: gross }
			: splitGross(gross, rate)
	const full = gross === invoice.totalPence
	const creditLine: InvoiceLine = {
		description: `${full ? 'Credit' : 'Partial credit'} against invoice ${invoice.number}: ${line?.description ?? 'order'}`,
		quantity: full ? (line?.quantity ?? 1) : 1,
		unitNetPence: full && line ? line.unitNetPence : split.netPence,
		netPence: split.netPence,
		vatRatePercent: rate,
		vatPence: split.vatPence,
		grossPence: split.grossPence,
	}
	const year = ukYearOf(now)
	const sequence = await takeDocumentNumber(tx, { series: 'CRN', year })
	return tx.creditNote.create({
		data: {
			number: documentNumber('CRN', year, sequence),
			year,
			sequence,
			invoiceId: invoice.id,
			issuedAt: now,
			reason: reason.slice(0, 500),
			lines: [creditLine],
			netPence: split.netPence,
			vatPence: split.vatPence,
			totalPence: split.grossPence,
		},
		select: { id: true, number: true, totalPence: true },
	})
}

/** The fields a PDF of an invoice or credit note is drawn from. */
export const INVOICE_DOCUMENT_SELECT = {
	id: true,
	number: true,
	issuedAt: true,
	taxPointAt: true,
	dueAt: true,
	paymentTermsDays: true,
	purchaseOrderNumber: true,
	buyer: true,
	supplier: true,
	lines: true,
	netPence: true,
	vatPence: true,
	totalPence: true,
	currency: true,
	paidAt: true,
	orderId: true,
	organisationId: true,
	order: { select: { buyerUserId: true, paymentMethod: true } },
} as const

/** Reads the copy of a document for rendering, or null. */
export async function loadInvoiceDocument(number: string) {
	if (number.startsWith('CRN-')) {
		const note = await prisma.creditNote.findUnique({
			where: { number },
			select: {
				number: true,
				issuedAt: true,
				reason: true,
				lines: true,
				netPence: true,
				vatPence: true,
				totalPence: true,
				invoice: { select: INVOICE_DOCUMENT_SELECT },
			},
		})
		return note ? { kind: 'credit-note' as const, note, invoice: note.invoice } : null
	}
	const invoice = await prisma.invoice.findUnique({ where: { number }, select: INVOICE_DOCUMENT_SELECT })
	return invoice ? { kind: 'invoice' as const, invoice } : null
}

export type InvoiceDocument = NonNullable<Awaited<ReturnType<typeof loadInvoiceDocument>>>
