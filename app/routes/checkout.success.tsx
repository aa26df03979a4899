import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Link } from 'react-router'
import { ErrorPage, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { confirmCheckout } from '#modules/billing/confirm-checkout.ts'
import { getOrderSummary } from '#modules/billing/get-order-summary.ts'
import type { Route } from './+types/checkout.success'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		loaderData?.order.status === 'PAID'
			? t('order.meta.thanks', { ns: 'billing' })
			: t('order.meta.yours', { ns: 'billing' }),
		t('order.meta.description', { ns: 'billing' }),
		NOINDEX,
	)
}

/**
 * Stripe's success_url (`?session_id=…`) and the page for one of the buyer's orders (`?order=…`:
 * after the demo checkout or an invoice request). With a session id it runs the shared, idempotent
 * fulfilment first, so the learner is enrolled even if the webhook has not arrived yet; reloading
 * grants nothing twice. Only the buyer sees their order: anyone else gets a 404.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const url = new URL(request.url)
	const sessionId = url.searchParams.get('session_id')
	const orderId = url.searchParams.get('order')
	if (sessionId) {
		const result = await withDomainErrors(() => confirmCheckout({ sessionId, userId: user.id }))
		return { ...result, order: serialise(result.order) }
	}
	if (orderId) {
		const order = await withDomainErrors(() => getOrderSummary({ orderId, userId: user.id }))
		return { order: serialise(order), confirmed: true, awaitingPayment: false }
	}
	throw data({ message: (await getT(request))('order.notFound', { ns: 'billing' }) }, { status: 404 })
}

function serialise(order: Awaited<ReturnType<typeof getOrderSummary>>) {
	return {
		...order,
		createdAt: order.createdAt.toISOString(),
		fulfilledAt: order.fulfilledAt?.toISOString() ?? null,
		refundedAt: order.refundedAt?.toISOString() ?? null,
	}
}

type Order = Route.ComponentProps['loaderData']['order']

const linkClasses = 'font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function CheckoutSuccessRoute({ loaderData }: Route.ComponentProps) {
	const { order, awaitingPayment, confirmed } = loaderData
	const { t } = useTranslation('billing')
	return (
		<Container width="prose" className="py-10 sm:py-14">
			<OrderHeadline order={order} awaitingPayment={awaitingPayment} confirmed={confirmed} />
			<Receipt order={order} />
			<p className="mt-8 text-stone-700">
				<Trans
					t={t}
					i18nKey="order.questions"
					values={{ reference: order.reference }}
					components={{
						contact: <Link to="/contact" className={linkClasses} />,
						strong: <strong className="font-semibold" />,
					}}
				/>{' '}
				<Link to="/account/purchases" className={linkClasses}>
					{t('order.allPurchases')}
				</Link>
			</p>
		</Container>
	)
}

function OrderHeadline({
	order,
	awaitingPayment,
	confirmed,
}: {
	order: Order
	awaitingPayment: boolean
	confirmed: boolean
}) {
	const { t } = useTranslation('billing')
	const format = useFormat()
	const ref = useRef<HTMLHeadingElement>(null)
	// Arriving back from the payment page: take focus to the outcome so it is read first.
	useEffect(() => ref.current?.focus(), [])
	const heading = (text: string) => (
		<h1
			ref={ref}
			tabIndex={-1}
			className="text-3xl font-bold tracking-tight text-stone-900 focus:outline-none sm:text-4xl"
		>
			{text}
		</h1>
	)
	const seats = Boolean(order.organisation)

	if (order.status === 'PAID') {
		return (
			<div className="rounded-2xl border border-green-200 bg-green-50 p-6 text-green-950 sm:p-8">
				<span className="grid size-12 place-items-center rounded-full bg-green-700 text-white" aria-hidden="true">
					<CheckIcon className="size-7" />
				</span>
				<div className="mt-4">{heading(seats ? t('order.paid.seatsHeading') : t('order.paid.enrolledHeading'))}</div>
				<p className="mt-3 text-lg leading-relaxed">
					{seats
						? t('order.paid.seats', {
								count: order.quantity,
								course: order.courseTitle,
								organisation: order.organisation!.name,
							})
						: t('order.paid.enrolled', { course: order.courseTitle })}
				</p>
				{order.paymentMethod === 'DEMO' ? <p className="mt-2 font-semibold">{t('order.paid.demo')}</p> : null}
				<p className="mt-6">
					{seats ? (
						<ButtonLink to={`/org/${order.organisation!.slug}`} size="lg">
							{t('order.paid.assign')}
						</ButtonLink>
					) : (
						<ButtonLink to={order.product.learnUrl} size="lg">
							{t('order.paid.start')}
						</ButtonLink>
					)}
				</p>
				<p className="mt-4 text-sm">{t('order.paid.receipt')}</p>
			</div>
		)
	}

	if (order.status === 'PENDING' && order.paymentMethod === 'INVOICE') {
		return (
			<div>
				{heading(t('order.invoice.heading'))}
				<p className="mt-4 text-lg leading-relaxed text-stone-700">
					<Trans
						t={t}
						i18nKey="order.invoice.sent"
						count={order.quantity}
						values={{ count: order.quantity, course: order.courseTitle, email: order.invoiceEmail }}
						components={{ strong: <strong className="font-semibold break-words" /> }}
					/>{' '}
					{order.seatsGranted
						? t('order.invoice.granted', { organisation: order.organisation?.name })
						: t('order.invoice.waiting', { organisation: order.organisation?.name })}
				</p>
				{order.invoice ? (
					<p className="mt-4">
						<a href={`/account/purchases/${order.invoice.number}.pdf`} className={linkClasses}>
							{t('order.invoice.download', { number: order.invoice.number })}
						</a>
						{order.invoice.paidAt ? null : t('order.invoice.due', { date: format.date(order.invoice.dueAt) })}
					</p>
				) : null}
				{order.payUrl ? (
					<p className="mt-4">
						<a href={order.payUrl} className={linkClasses}>
							{t('order.invoice.payOnline')}
						</a>
					</p>
				) : null}
			</div>
		)
	}

	if (order.status === 'PENDING') {
		if (awaitingPayment || !confirmed) {
			return (
				<div>
					{heading(t('order.processing.heading'))}
					<Notice tone="info" className="mt-4" role="status" title={t('order.processing.title')}>
						{awaitingPayment
							? order.organisation
								? t('order.processing.bankSeats')
								: t('order.processing.bankPlace')
							: order.organisation
								? t('order.processing.providerSeats')
								: t('order.processing.providerPlace')}
					</Notice>
				</div>
			)
		}
		return (
			<div>
				{heading(t('order.unfinished.heading'))}
				<p className="mt-4 text-lg leading-relaxed text-stone-700">{t('order.unfinished.body')}</p>
				<p className="mt-6 flex flex-wrap gap-4">
					{order.payUrl ? (
						<a
							href={order.payUrl}
							className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white hover:bg-brand-800"
						>
							{t('order.unfinished.continue')}
						</a>
					) : (
						<ButtonLink to={order.product.buyUrl} size="lg">
							{t('order.unfinished.startAgain')}
						</ButtonLink>
					)}
				</p>
			</div>
		)
	}

	if (order.status === 'REFUNDED') {
		return (
			<div>
				{heading(t('order.refunded.heading'))}
				<p className="mt-4 text-lg leading-relaxed text-stone-700">
					{order.refundedAt
						? t('order.refunded.bodyOn', {
								amount: format.price(order.amountRefundedPence),
								date: format.date(order.refundedAt),
							})
						: t('order.refunded.body', { amount: format.price(order.amountRefundedPence) })}
				</p>
			</div>
		)
	}

	return (
		<div>
			{heading(order.status === 'FAILED' ? t('order.failed.heading') : t('order.closed.heading'))}
			<p className="mt-4 text-lg leading-relaxed text-stone-700">
				{order.status === 'FAILED' ? t('order.failed.body') : t('order.closed.body')}
			</p>
			<p className="mt-6">
				<ButtonLink to={order.product.buyUrl} size="lg">
					{t('order.tryAgain')}
				</ButtonLink>
			</p>
		</div>
	)
}

function Receipt({ order }: { order: Order }) {
	const { t } = useTranslation('billing')
	const format = useFormat()
	const paid = order.status === 'PAID' || order.status === 'REFUNDED'
	const rows: Array<[string, string]> = [
		[order.product.kind === 'programme' ? t('order.receipt.programme') : t('order.receipt.course'), order.courseTitle],
		[
			order.organisation ? t('order.receipt.seats') : t('order.receipt.places'),
			order.organisation
				? t('demoCheckout.seatsFor', { count: order.quantity, name: order.organisation.name })
				: t('demoCheckout.placeForYou'),
		],
		[paid ? t('order.receipt.amountPaid') : t('order.receipt.amount'), format.price(order.amountPence)],
		[t('order.receipt.reference'), order.reference],
		[
			paid ? t('order.receipt.paidOn') : t('order.receipt.orderedOn'),
			format.date(order.fulfilledAt ?? order.createdAt),
		],
		[
			t('order.receipt.payment'),
			order.paymentMethod === 'DEMO'
				? t('order.receipt.demo')
				: order.paymentMethod === 'INVOICE'
					? t('order.receipt.invoice')
					: t('order.receipt.card'),
		],
	]
	if (order.purchaseOrderNumber) rows.push([t('order.receipt.purchaseOrder'), order.purchaseOrderNumber])
	if (order.invoice) rows.push([t('order.receipt.vatInvoice'), order.invoice.number])
	return (
		<section
			aria-labelledby="receipt-heading"
			className="mt-8 rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
		>
			<h2 id="receipt-heading" className="text-xl font-semibold text-stone-900">
				{paid ? t('order.receipt.heading') : t('order.receipt.details')}
			</h2>
			<dl className="mt-4 divide-y divide-stone-100 text-stone-800">
				{rows.map(([label, value]) => (
					<div key={label} className="flex justify-between gap-4 py-2">
						<dt className="text-stone-600">{label}</dt>
						<dd className="text-right font-medium break-words">{value}</dd>
					</div>
				))}
			</dl>
		</section>
	)
}

export function ErrorBoundary() {
	const { t } = useTranslation('billing')
	return (
		<GeneralErrorBoundary
			statusHandlers={{
				404: () => (
					<ErrorPage code={404} title={t('order.notFoundPage.title')}>
						<p>{t('order.notFoundPage.body')}</p>
						<p>
							<Trans
								t={t}
								i18nKey="order.notFoundPage.dashboard"
								components={{ dashboard: <Link to="/dashboard" /> }}
							/>
						</p>
					</ErrorPage>
				),
			}}
		/>
	)
}
