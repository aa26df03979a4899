import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { type RequestOrigin, recordAudit } from '#modules/audit/record.ts'
import { type InvoiceSeats, prisma } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { BillingError } from './errors.ts'
import { BILLING_PARTY_SELECT, billingAddressOf } from './invoice-documents.ts'
import type { BillingDetails } from './schemas.ts'
import { isUkVatNumber, normaliseVatNumber, VAT_NUMBER_MESSAGE } from './vat.ts'

const DETAILS_SELECT = { ...BILLING_PARTY_SELECT, invoiceSeats: true } as const

/**
 * An organisation's billing details and its invoices (newest first, with their credit notes), for
 * its owners and administrators (the route checks access; every query is scoped to the id).
 */
export async function getBillingDetails({ organisationId }: { organisationId: string }) {
	const [organisation, invoices] = await Promise.all([
		prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: DETAILS_SELECT }),
		prisma.invoice.findMany({
			where: { organisationId },
			orderBy: [{ issuedAt: 'desc' }, { sequence: 'desc' }],
			take: 100,
			select: {
				number: true,
				issuedAt: true,
				dueAt: true,
				paidAt: true,
				overdueAt: true,
				totalPence: true,
				purchaseOrderNumber: true,
				paymentTermsDays: true,
				order: { select: { status: true } },
				creditNotes: { orderBy: { sequence: 'asc' }, select: { number: true, totalPence: true, issuedAt: true } },
			},
		}),
	])
	return { details: organisation, hasBillingAddress: billingAddressOf(organisation) !== null, invoices }
}

/**
 * Saves an organisation's billing details (an OWNER or ADMIN, checked in the write's transaction),
 * with the VAT number normalised and checked again here: a malformed one is `INVALID_VAT_NUMBER`
 * on the field and nothing is saved. Audited as `organisation.billing_updated`.
 */
export async function updateBillingDetails({
	organisationId,
	actorId,
	details,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; details: BillingDetails } & RequestOrigin) {
	const vatNumber = details.vatNumber ? normaliseVatNumber(details.vatNumber) : null
	if (vatNumber && !isUkVatNumber(vatNumber)) {
		throw new BillingError('invalid', 'INVALID_VAT_NUMBER', VAT_NUMBER_MESSAGE, { field: 'vatNumber' })
	}
	await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await tx.organisation.update({
			where: { id: organisationId },
			data: {
				billingName: details.billingName ?? null,
				billingAddressLine1: details.billingAddressLine1,
				billingAddressLine2: details.billingAddressLine2 ?? null,
				billingTown: details.billingTown,
				billingPostcode: details.billingPostcode,
				billingCountry: details.billingCountry,
				vatNumber,
				billingEmail: details.billingEmail.toLowerCase(),
			},
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'organisation.billing_updated',
			targetType: 'Organisation',
			targetId: organisationId,
			details: { vatNumber, billingEmail: details.billingEmail.toLowerCase() },
			ipAddress,
			userAgent,
		})
	})
}

/**
 * A platform admin sets when an organisation's invoice orders give their seats: ON_ORDER (trusted
 * to pay) or ON_APPROVAL. Checked and written in one transaction; audited with the old and new
 * terms. Orders already placed keep what they had. Returns whether anything changed.
 */
export async function setInvoiceSeats({
	organisationId,
	actorId,
	invoiceSeats,
	ipAddress,
	userAgent,
}: {
	organisationId: string
	actorId: string
	invoiceSeats: InvoiceSeats
} & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		const current = await tx.organisation.findUnique({
			where: { id: organisationId },
			select: { invoiceSeats: true },
		})
		if (!current) throw new BillingError('not_found', 'NOT_FOUND', 'We could not find that organisation.')
		if (current.invoiceSeats === invoiceSeats) return { changed: false }
		await tx.organisation.update({ where: { id: organisationId }, data: { invoiceSeats }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'organisation.invoice_terms_set',
			targetType: 'Organisation',
			targetId: organisationId,
			details: { from: current.invoiceSeats, to: invoiceSeats },
			ipAddress,
			userAgent,
		})
		return { changed: true }
	})
}
