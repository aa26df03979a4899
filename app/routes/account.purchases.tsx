import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { requireUserId } from '#app/utils/auth.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { listMyOrders } from '#modules/billing/get-order-summary.ts'
import type { Route } from './+types/account.purchases'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('purchases.metaTitle', { ns: 'account' }), t('purchases.metaDescription', { ns: 'account' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const userId = await requireUserId(request)
	const orders = await listMyOrders({ userId })
	return {
		orders: orders.map((o) => ({
			id: o.id,
			reference: o.reference,
			status: o.status,
			quantity: o.quantity,
			amountPence: o.amountPence,
			amountRefundedPence: o.amountRefundedPence,
			paymentMethod: o.paymentMethod,
			date: (o.fulfilledAt ?? o.createdAt).toISOString(),
			organisation: o.organisation,
			courseTitle: o.courseTitle,
			invoice: o.invoice
				? {
						number: o.invoice.number,
						unpaidDue: o.invoice.paidAt ? null : o.invoice.dueAt.toISOString(),
						creditNotes: o.invoice.creditNotes,
					}
				: null,
		})),
	}
}

const STATUS = {
	PAID: 'success',
	PENDING: 'neutral',
	REFUNDED: 'accent',
	EXPIRED: 'neutral',
	FAILED: 'accent',
} as const

/** The buyer's own orders (places and seat licences), each linking to its receipt. */
export default function AccountPurchasesRoute({ loaderData }: Route.ComponentProps) {
	const { orders } = loaderData
	const { t } = useTranslation('account')
	const { date: formatDate, price: formatPrice } = useFormat()
	return (
		<section aria-labelledby="purchases-heading">
			<h2 id="purchases-heading" className="text-2xl font-semibold text-stone-900">
				{t('purchases.heading')}
			</h2>
			{orders.length ? (
				<ul className="mt-5 space-y-3">
					{orders.map((order) => {
						const tone = STATUS[order.status]
						const status = t(`purchases.status.${order.status}`)
						return (
							<li key={order.id} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
								<div className="flex flex-wrap items-start justify-between gap-3">
									<div className="min-w-0">
										<p className="font-semibold text-stone-900">
											<Link
												to={`/checkout/success?order=${encodeURIComponent(order.id)}`}
												className="text-brand-700 underline underline-offset-2 hover:text-brand-900"
											>
												{order.courseTitle}
											</Link>
										</p>
										<p className="mt-1 text-stone-700">
											{order.organisation
												? t('purchases.seats', { count: order.quantity, organisation: order.organisation.name })
												: t('purchases.place')}
											{' · '}
											{formatDate(order.date)} · {order.reference}
										</p>
										{order.invoice ? (
											<ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
												<li>
													<a
														href={`/account/purchases/${order.invoice.number}.pdf`}
														className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900"
													>
														{t('purchases.invoice', { number: order.invoice.number })}
													</a>
													{order.invoice.unpaidDue && order.status === 'PENDING'
														? t('purchases.due', { date: formatDate(order.invoice.unpaidDue) })
														: null}
												</li>
												{order.invoice.creditNotes.map((note) => (
													<li key={note.number}>
														<a
															href={`/account/purchases/${note.number}.pdf`}
															className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900"
														>
															{t('purchases.creditNote', { number: note.number })}
														</a>{' '}
														{t('purchases.creditNoteFor', { amount: formatPrice(note.totalPence) })}
													</li>
												))}
											</ul>
										) : null}
									</div>
									<div className="text-right">
										<p className="font-semibold text-stone-900 tabular-nums">{formatPrice(order.amountPence)}</p>
										{order.invoice ? <p className="text-sm text-stone-600">{t('purchases.includingVat')}</p> : null}
										<Badge tone={tone}>
											{order.paymentMethod === 'DEMO' ? t('purchases.demo', { status }) : status}
										</Badge>
									</div>
								</div>
							</li>
						)
					})}
				</ul>
			) : (
				<p className="mt-4 text-stone-700">
					{t('purchases.none')}{' '}
					<Link to="/courses" className="font-semibold text-brand-700 underline underline-offset-2">
						{t('purchases.browse')}
					</Link>
				</p>
			)}
		</section>
	)
}
