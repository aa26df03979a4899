// Demo invoices (ADR 0036): the demo trust has a billing address and a VAT number, and has ordered 12
// seats of a paid course by invoice with a purchase order number, so the invoice PDF, the overdue
// flag and "Approve" / "Record payment" can be tried as orgadmin@ and admin@circle.example.
import { createCheckout } from '#modules/billing/create-checkout.ts'
import { prisma } from '#modules/db/client.ts'

export const DEMO_PURCHASE_ORDER = 'PO-44817'

export async function seedDemoInvoices({
	organisationId,
	buyerUserId,
}: {
	organisationId: string
	buyerUserId: string
}) {
	await prisma.organisation.update({
		where: { id: organisationId },
		data: {
			billingName: 'Northfield Community Health NHS Trust',
			billingAddressLine1: 'Finance Department, Trust Headquarters',
			billingAddressLine2: '14 Riverside Way',
			billingTown: 'Northfield',
			billingPostcode: 'NF1 4RW',
			vatNumber: 'GB123456041',
			billingEmail: 'accounts-payable@northfield-trust.example',
		},
		select: { id: true },
	})
	const existing = await prisma.order.findFirst({
		where: { organisationId, purchaseOrderNumber: DEMO_PURCHASE_ORDER },
		select: { id: true },
	})
	if (existing) return
	const course = await prisma.course.findFirst({
		where: { pricePence: { gt: 0 }, versions: { some: { status: 'PUBLISHED' } } },
		orderBy: { createdAt: 'asc' },
		select: { id: true },
	})
	if (!course) return
	await createCheckout({
		buyerUserId,
		organisationId,
		courseId: course.id,
		quantity: 12,
		purchaseOrderNumber: DEMO_PURCHASE_ORDER,
		paymentTermsDays: 30,
		method: 'INVOICE',
	})
}
