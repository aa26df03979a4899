import { prisma, type OrderStatus, type Prisma } from '#modules/db/client.ts'
import { AdminError } from '#modules/admin/errors.ts'
import { assertPlatformAdmin } from './assert-admin.ts'
import { ORDER_PRODUCT_SELECT, orderProduct } from '#modules/billing/product.ts'
import { normalisePage, normaliseQuery, pageInfo, type PageRequest } from './pagination.ts'

export type ListOrdersOptions = PageRequest & {
	actorId: string
	status?: OrderStatus | null
	/** An order id, part of the buyer's email address, or part of the course's title or slug. */
	query?: string | null
}

/**
 * One page of orders for the admin list (a platform admin only), newest first, filtered by status
 * and searched by order id, buyer email or course (any letter case). A fixed number of queries.
 */
export async function listOrders({ actorId, status, query, ...paging }: ListOrdersOptions) {
	await assertPlatformAdmin({ actorId })
	const { page, pageSize, skip, take } = normalisePage(paging)
	const q = normaliseQuery(query)
	const where: Prisma.OrderWhereInput = {
		...(status ? { status } : {}),
		...(q
			? {
					OR: [
						{ id: q },
						{ buyer: { email: { contains: q, mode: 'insensitive' } } },
						{ course: { slug: { contains: q, mode: 'insensitive' } } },
						{ course: { versions: { some: { title: { contains: q, mode: 'insensitive' } } } } },
						{ programme: { title: { contains: q, mode: 'insensitive' } } },
						{ programme: { slug: { contains: q, mode: 'insensitive' } } },
						{ organisation: { name: { contains: q, mode: 'insensitive' } } },
					],
				}
			: {}),
	}
	const [total, orders] = await Promise.all([
		prisma.order.count({ where }),
		prisma.order.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip,
			take,
			select: {
				id: true,
				createdAt: true,
				quantity: true,
				amountPence: true,
				amountRefundedPence: true,
				currency: true,
				status: true,
				paymentMethod: true,
				invoice: { select: { number: true, overdueAt: true, paidAt: true } },
				buyer: { select: { id: true, name: true, email: true } },
				organisation: { select: { id: true, name: true } },
				...ORDER_PRODUCT_SELECT,
			},
		}),
	])
	return {
		orders: orders.map(({ course, programme, ...order }) => ({
			...order,
			courseTitle: orderProduct({ course, programme }).title,
		})),
		...pageInfo({ page, pageSize, total }),
	}
}

/** One order with everything an admin needs before refunding it (a platform admin only). */
export async function getOrderForAdmin({ actorId, orderId }: { actorId: string; orderId: string }) {
	await assertPlatformAdmin({ actorId })
	const order = await prisma.order.findUnique({
		where: { id: orderId },
		select: {
			id: true,
			createdAt: true,
			updatedAt: true,
			fulfilledAt: true,
			refundedAt: true,
			disputedAt: true,
			quantity: true,
			amountPence: true,
			amountRefundedPence: true,
			currency: true,
			status: true,
			paymentMethod: true,
			purchaseOrderNumber: true,
			stripeCheckoutSessionId: true,
			stripePaymentIntentId: true,
			stripeInvoiceId: true,
			seatsGrantedAt: true,
			invoice: {
				select: {
					number: true,
					dueAt: true,
					paidAt: true,
					overdueAt: true,
					creditNotes: { orderBy: { sequence: 'asc' }, select: { number: true, totalPence: true } },
				},
			},
			buyer: { select: { id: true, name: true, email: true } },
			organisation: { select: { id: true, name: true, slug: true } },
			...ORDER_PRODUCT_SELECT,
			_count: { select: { enrolments: true } },
		},
	})
	if (!order) throw new AdminError('not_found', 'ORDER_NOT_FOUND', 'There is no order with that id.')
	const audit = await prisma.auditLog.findMany({
		where: { targetType: 'Order', targetId: orderId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: 50,
		select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true } } },
	})
	const { course, programme, _count, ...rest } = order
	const product = orderProduct({ course, programme })
	return {
		// `course` is what was bought (a course or a programme): its title and public page.
		order: {
			...rest,
			course: {
				id: product.id,
				slug: product.slug,
				title: product.title,
				pageUrl: product.pageUrl,
				kind: product.kind,
			},
		},
		enrolmentCount: _count.enrolments,
		audit,
	}
}
