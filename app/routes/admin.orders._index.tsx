import { Link } from 'react-router'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatDate, formatPrice } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listOrders } from '#modules/admin/list-orders.ts'
import { ORDER_STATUSES } from '#modules/admin/schemas.ts'
import type { OrderStatus } from '#modules/db/generated/enums.ts'
import {
	AdminPage,
	FilterSelect,
	linkClasses,
	ListFilters,
	ORDER_STATUS_LABELS,
	OrderStatusBadge,
	Pagination,
	PAYMENT_METHOD_LABELS,
	readListParams,
	ResultSummary,
	TableFrame,
	TableHead,
	tdClasses,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.orders._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Orders | Admin | Circle',
		'Every order on Circle: course purchases and seat licences, with their payment status and refunds.',
		NOINDEX,
	)

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { params, q, page, pageSize } = readListParams(request)
	const statusParam = params.get('status') ?? ''
	const status = (ORDER_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as OrderStatus) : null
	const result = await listOrders({ actorId: admin.id, query: q, status, page, pageSize })
	return {
		q,
		status: status ?? '',
		page: result.page,
		pageSize: result.pageSize,
		pageCount: result.pageCount,
		total: result.total,
		orders: result.orders.map((o) => ({
			id: o.id,
			createdAt: o.createdAt.toISOString(),
			buyer: o.buyer,
			organisation: o.organisation,
			courseTitle: o.courseTitle,
			quantity: o.quantity,
			amountPence: o.amountPence,
			amountRefundedPence: o.amountRefundedPence,
			paymentMethod: o.paymentMethod,
			status: o.status,
			// Flagged once the chaser has sent its first reminder, until the invoice is paid.
			overdueInvoice: o.invoice && !o.invoice.paidAt && o.invoice.overdueAt ? o.invoice.number : null,
		})),
	}
}

export default function AdminOrdersRoute({ loaderData }: Route.ComponentProps) {
	const { q, status, orders, page, pageSize, pageCount, total } = loaderData
	return (
		<AdminPage
			title="Orders"
			intro="Every purchase of a course, by a learner or for an organisation. Amounts include VAT where it applies."
		>
			<ListFilters
				label="Orders"
				searchLabel="Order number, buyer’s email, organisation or course"
				q={q}
				pageSize={pageSize}
			>
				<FilterSelect
					id="order-status"
					name="status"
					label="Status"
					value={status}
					options={[
						{ value: '', label: 'Any status' },
						...ORDER_STATUSES.map((s) => ({ value: s, label: ORDER_STATUS_LABELS[s] })),
					]}
				/>
			</ListFilters>
			<ResultSummary page={page} pageSize={pageSize} total={total} noun="order" rows={orders.length} />
			{orders.length ? (
				<TableFrame minWidth="60rem">
					<caption className="sr-only">Orders{q ? ` matching “${q}”` : ''}</caption>
					<TableHead columns={['Date', 'Buyer', 'Organisation', 'Course', 'Places', 'Amount', 'Method', 'Status']} />
					<tbody className="divide-y divide-stone-200">
						{orders.map((o) => (
							<tr key={o.id}>
								<td className={`${tdClasses} whitespace-nowrap`}>
									<Link to={`/admin/orders/${o.id}`} className={linkClasses}>
										{formatDate(o.createdAt)}
										<span className="sr-only">, order {o.id}</span>
									</Link>
								</td>
								<td className={tdClasses}>
									{o.buyer.name}
									<br />
									<span className="break-all text-stone-600">{o.buyer.email}</span>
								</td>
								<td className={tdClasses}>
									{o.organisation ? (
										<Link to={`/admin/organisations/${o.organisation.id}`} className={linkClasses}>
											{o.organisation.name}
										</Link>
									) : (
										<span className="text-stone-600">None</span>
									)}
								</td>
								<td className={tdClasses}>{o.courseTitle}</td>
								<td className={tdClasses}>{o.quantity}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{formatPrice(o.amountPence)}
									{o.amountRefundedPence > 0 ? (
										<>
											<br />
											<span className="text-stone-600">{formatPrice(o.amountRefundedPence)} refunded</span>
										</>
									) : null}
								</td>
								<td className={tdClasses}>{PAYMENT_METHOD_LABELS[o.paymentMethod] ?? o.paymentMethod}</td>
								<td className={tdClasses}>
									<OrderStatusBadge status={o.status} />
									{o.overdueInvoice ? (
										<p className="mt-1 text-sm font-semibold text-red-800">Invoice {o.overdueInvoice} overdue</p>
									) : null}
								</td>
							</tr>
						))}
					</tbody>
				</TableFrame>
			) : null}
			<Pagination page={page} pageCount={pageCount} />
		</AdminPage>
	)
}
