import { prisma } from '#modules/db/client.ts'
import { BillingError } from './errors.ts'
import { loadInvoiceDocument } from './invoice-documents.ts'
import { renderInvoicePdf } from './invoice-pdf.ts'

/**
 * An invoice (CIR-…) or credit note (CRN-…) as a PDF, for someone allowed to see it: the person who
 * placed the order, an owner or administrator of the organisation it was for, or a platform admin.
 * Anyone else, and a number that does not exist, is `not_found` alike.
 */
export async function getInvoicePdf({ number, userId }: { number: string; userId: string }) {
	const notFound = () => new BillingError('not_found', 'INVOICE_NOT_FOUND', 'We could not find that invoice.')
	if (!/^(CIR|CRN)-\d{4}-\d{6}$/.test(number)) throw notFound()
	const document = await loadInvoiceDocument(number)
	if (!document) throw notFound()
	const { invoice } = document
	if (invoice.order.buyerUserId !== userId) {
		const [user, membership] = await Promise.all([
			prisma.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } }),
			invoice.organisationId
				? prisma.membership.findFirst({
						where: {
							organisationId: invoice.organisationId,
							userId,
							role: { in: ['OWNER', 'ADMIN'] },
							deactivatedAt: null,
						},
						select: { role: true },
					})
				: null,
		])
		if (!user || user.disabledAt || (user.role !== 'ADMIN' && !membership)) throw notFound()
	}
	return renderInvoicePdf(document)
}
