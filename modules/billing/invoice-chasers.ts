import { prisma } from '#modules/db/client.ts'
import type { JobHandler } from '#modules/jobs/job-types.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { audit } from './audit.ts'
import { PartySchema, SupplierSchema } from './invoice-documents.ts'
import { claimInvoiceChase } from './sql.ts'

/** Every day at 09:20 UK time: chase the invoices that became overdue. */
export const INVOICE_CHASERS_CRON = '20 9 * * *'

/** Days past the due date at which an unpaid invoice is chased. */
export const CHASE_STEPS = [1, 14, 30] as const

const DAY = 86_400_000
/**
 * Chases unpaid invoices at `now`: an invoice order still awaiting payment whose due date is at
 * least 1, 14 or 30 days past gets the email of the latest step it has reached, emailed to the
 * billing contact on the invoice. Each step is claimed (an InvoiceChase row) in the transaction
 * that queues its email, so however many workers run and however often, each step goes once; a
 * worker that was down sends only the latest step, and the earlier ones it skipped are used up
 * without an email. The first chase flags the invoice overdue (`overdueAt`) for platform admins
 * and writes the audit log. Returns how many emails this call queued.
 */
export async function runInvoiceChasers({ now }: { now: Date }) {
	const invoices = await prisma.invoice.findMany({
		where: {
			paidAt: null,
			dueAt: { lte: new Date(now.getTime() - CHASE_STEPS[0] * DAY) },
			order: { status: 'PENDING', paymentMethod: 'INVOICE' },
		},
		orderBy: { dueAt: 'asc' },
		take: 500,
		select: {
			id: true,
			number: true,
			orderId: true,
			organisationId: true,
			dueAt: true,
			overdueAt: true,
			totalPence: true,
			purchaseOrderNumber: true,
			buyer: true,
			supplier: true,
			chases: { select: { step: true } },
		},
	})
	let sent = 0
	for (const invoice of invoices) {
		const daysLate = Math.floor((now.getTime() - invoice.dueAt.getTime()) / DAY)
		const reached = CHASE_STEPS.filter((step) => step <= daysLate)
		const step = reached.at(-1)
		if (step === undefined || invoice.chases.some((c) => c.step === step)) continue
		const queued = await prisma.$transaction(async (tx) => {
			// Skipped steps are used up first, so a later run never sends an earlier, milder reminder.
			for (const earlier of reached.slice(0, -1)) await claimInvoiceChase(tx, { invoiceId: invoice.id, step: earlier })
			if (!(await claimInvoiceChase(tx, { invoiceId: invoice.id, step }))) return false
			const buyer = PartySchema.parse(invoice.buyer)
			const supplier = SupplierSchema.parse(invoice.supplier)
			if (!invoice.overdueAt) {
				await tx.invoice.update({ where: { id: invoice.id }, data: { overdueAt: now }, select: { id: true } })
			}
			await audit(tx, {
				actorId: null,
				organisationId: invoice.organisationId,
				action: 'order.invoice_chased',
				orderId: invoice.orderId,
				details: { invoice: invoice.number, daysOverdue: step },
			})
			if (!buyer.email) return false
			const message = await sendEmail(
				{
					to: buyer.email,
					template: 'invoice-overdue',
					props: {
						number: invoice.number,
						buyerName: buyer.name,
						amountPence: invoice.totalPence,
						dueAt: invoice.dueAt,
						daysOverdue: step,
						purchaseOrderNumber: invoice.purchaseOrderNumber,
						bank: supplier.bank,
					},
					attachments: [{ kind: 'invoice-document', number: invoice.number }],
				},
				tx,
			)
			await tx.invoiceChase.update({
				where: { invoiceId_step: { invoiceId: invoice.id, step } },
				data: { emailMessageId: message.id },
				select: { step: true },
			})
			return true
		})
		if (queued) sent += 1
	}
	return { sent }
}

/** The `invoice-chasers` job: a scan at `now` (the run's time unless a test or operator passes one). */
export const handleInvoiceChasersJob: JobHandler<'invoice-chasers'> = async (data) => {
	const now = data.now ? new Date(data.now) : new Date()
	if (Number.isNaN(now.getTime())) throw new Error(`Not an instant: ${data.now}`)
	const { sent } = await runInvoiceChasers({ now })
	if (sent > 0) console.log(`[jobs] invoice-chasers: ${sent} sent`)
}
