import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { pdfDownload } from '#app/utils/pdf-response.server.ts'
import { getInvoicePdf } from '#modules/billing/get-invoice-pdf.ts'
import type { Route } from './+types/account.purchases.$number[.]pdf'

/**
 * An invoice or credit note as a PDF: for the buyer, the organisation's owners and administrators,
 * and platform admins (getInvoicePdf checks; anyone else gets a 404).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const pdf = await withDomainErrors(() => getInvoicePdf({ number: params.number, userId: user.id }))
	return pdfDownload(pdf)
}
