import type { Tx } from '#modules/db/client.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { PartySchema } from './invoice-documents.ts'

/**
 * Queues the email that sends an invoice or credit note (its PDF attached, built when the email is
 * delivered) to the billing contact printed on it, inside the caller's transaction: organisations
 * only (null for a person's own purchase).
 */
export async function sendInvoiceEmail(tx: Tx, { number }: { number: string }) {
	const credit = number.startsWith('CRN-')
	const invoice = credit
		? await tx.creditNote.findUniqueOrThrow({
				where: { number },
				select: { totalPence: true, invoice: { select: INVOICE_EMAIL_SELECT } },
			})
		: null
	const row =
		invoice?.invoice ?? (await tx.invoice.findUniqueOrThrow({ where: { number }, select: INVOICE_EMAIL_SELECT }))
	const buyer = PartySchema.parse(row.buyer)
	// Finance teams get each document by email; a person buying for themselves downloads it from their purchases.
	if (!buyer.email || !row.organisationId) return null
	return sendEmail(
		{
			to: buyer.email,
			template: 'invoice-issued',
			props: {
				kind: credit ? 'credit-note' : 'invoice',
				number,
				invoiceNumber: row.number,
				buyerName: buyer.name,
				amountPence: invoice ? invoice.totalPence : row.totalPence,
				dueAt: credit || row.paidAt ? null : row.dueAt,
				purchaseOrderNumber: row.purchaseOrderNumber,
			},
			attachments: [{ kind: 'invoice-document', number }],
		},
		tx,
	)
}

const INVOICE_EMAIL_SELECT = {
	number: true,
	buyer: true,
	totalPence: true,
	dueAt: true,
	paidAt: true,
	purchaseOrderNumber: true,
	organisationId: true,
} as const
