import { registerAttachmentResolver } from '#modules/mail/attachments.ts'
import { loadInvoiceDocument } from './invoice-documents.ts'
import { renderInvoicePdf } from './invoice-pdf.ts'

/**
 * Teaches mail delivery to attach an invoice or credit note as a PDF, drawn from its stored copy
 * when the email is delivered. A number not in the database yet belongs to a transaction that has
 * not committed: throwing makes the send-email job retry. Registered when this module loads; the
 * worker loads it with its job handlers (modules/jobs/handlers.ts).
 */
export function registerInvoiceAttachmentResolver() {
	registerAttachmentResolver('invoice-document', async ({ number }) => {
		const document = await loadInvoiceDocument(number)
		if (!document) throw new Error(`Invoice document ${number} is not in the database (yet)`)
		const { filename, content } = await renderInvoicePdf(document)
		return { filename, content, contentType: 'application/pdf' }
	})
}

registerInvoiceAttachmentResolver()
