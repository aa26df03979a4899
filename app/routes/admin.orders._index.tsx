import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { requireRole } from '#app/utils/auth.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listOrders } from '#modules/admin/list-orders.ts'
import { ORDER_STATUSES } from '#modules/admin/schemas.ts'
import type { OrderStatus } from '#modules/db/generated/enums.ts'
import {
	AdminPage,
	FilterSelect,
	linkClasses,
	ListFilters,
	OrderStatusBadge,
	Pagination,
	readListParams,
	ResultSummary,
	TableFrame,
	TableHead,
	tdClasses,
	usePaymentMethodLabel,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.orders._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('orders.meta.title', { ns: 'admin' }), t('orders.meta.description', { ns: 'admin' }), NOINDEX)
}

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
	const { t } = useTranslation('admin')
	const format = useFormat()
	const methodLabel = usePaymentMethodLabel()
	return (
		<AdminPage title={t('orders.title')} intro={t('orders.intro')}>
			<ListFilters label={t('orders.title')} searchLabel={t('orders.searchLabel')} q={q} pageSize={pageSize}>
				<FilterSelect
					id="order-status"
					name="status"
					label={t('orders.status')}
					value={status}
					options={[
						{ value: '', label: t('orders.anyStatus') },
						...ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) })),
					]}
				/>
			</ListFilters>
			<ResultSummary page={page} pageSize={pageSize} total={total} kind="orders" rows={orders.length} />
			{orders.length ? (
				<TableFrame minWidth="60rem">
					<caption className="sr-only">{q ? t('orders.captionMatching', { q }) : t('orders.title')}</caption>
					<TableHead
						columns={[
							t('orders.columns.date'),
							t('orders.columns.buyer'),
							t('orders.columns.organisation'),
							t('orders.columns.course'),
							t('orders.columns.places'),
							t('orders.columns.amount'),
							t('orders.columns.method'),
							t('orders.columns.status'),
						]}
					/>
					<tbody className="divide-y divide-stone-200">
						{orders.map((o) => (
							<tr key={o.id}>
								<td className={`${tdClasses} whitespace-nowrap`}>
									<Link to={`/admin/orders/${o.id}`} className={linkClasses}>
										{format.date(o.createdAt)}
										<span className="sr-only">{t('orders.orderId', { id: o.id })}</span>
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
										<span className="text-stone-600">{t('orders.none')}</span>
									)}
								</td>
								<td className={tdClasses}>{o.courseTitle}</td>
								<td className={tdClasses}>{format.number(o.quantity)}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{format.price(o.amountPence)}
									{o.amountRefundedPence > 0 ? (
										<>
											<br />
											<span className="text-stone-600">
												{t('orders.refunded', { amount: format.price(o.amountRefundedPence) })}
											</span>
										</>
									) : null}
								</td>
								<td className={tdClasses}>{methodLabel(o.paymentMethod)}</td>
								<td className={tdClasses}>
									<OrderStatusBadge status={o.status} />
									{o.overdueInvoice ? (
										<p className="mt-1 text-sm font-semibold text-red-800">
											{t('orders.overdue', { number: o.overdueInvoice })}
										</p>
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
