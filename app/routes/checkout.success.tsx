import { useEffect, useRef } from 'react'
import { data, Link } from 'react-router'
import { ErrorPage, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { formatDate, formatPrice, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { confirmCheckout } from '#modules/billing/confirm-checkout.ts'
import { getOrderSummary } from '#modules/billing/get-order-summary.ts'
import type { Route } from './+types/checkout.success'

export const meta: Route.MetaFunction = ({ loaderData }) =>
	pageMeta(
		`${loaderData?.order.status === 'PAID' ? 'Thank you for your order' : 'Your order'} | Circle`,
		'Your order on Circle: its payment status and how to start learning.',
		NOINDEX,
	)

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
	throw data({ message: 'We could not find that order.' }, { status: 404 })
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
	return (
		<Container width="prose" className="py-10 sm:py-14">
			<OrderHeadline order={order} awaitingPayment={awaitingPayment} confirmed={confirmed} />
			<Receipt order={order} />
			<p className="mt-8 text-stone-700">
				Questions about this order?{' '}
				<Link to="/contact" className={linkClasses}>
					Get in touch
				</Link>{' '}
				and quote <strong className="font-semibold">{order.reference}</strong>.{' '}
				<Link to="/account/purchases" className={linkClasses}>
					All your purchases
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
				<div className="mt-4">{heading(seats ? 'Your seats are ready' : 'You are enrolled')}</div>
				<p className="mt-3 text-lg leading-relaxed">
					{seats
						? `${pluralise(order.quantity, 'seat')} on ${order.courseTitle} ${order.quantity === 1 ? 'has' : 'have'} been added to ${order.organisation!.name}. Invite your staff to take them.`
						: `Thank you. ${order.courseTitle} is in your dashboard, ready when you are.`}
				</p>
				{order.paymentMethod === 'DEMO' ? (
					<p className="mt-2 font-semibold">Demo purchase: no payment was taken.</p>
				) : null}
				<p className="mt-6">
					{seats ? (
						<ButtonLink to={`/org/${order.organisation!.slug}`} size="lg">
							Assign seats
						</ButtonLink>
					) : (
						<ButtonLink to={order.product.learnUrl} size="lg">
							Start learning
						</ButtonLink>
					)}
				</p>
				<p className="mt-4 text-sm">We have emailed you a receipt.</p>
			</div>
		)
	}

	if (order.status === 'PENDING' && order.paymentMethod === 'INVOICE') {
		return (
			<div>
				{heading('Your invoice is on its way')}
				<p className="mt-4 text-lg leading-relaxed text-stone-700">
					We have emailed an invoice for {pluralise(order.quantity, 'seat')} on {order.courseTitle} to{' '}
					<strong className="font-semibold break-words">{order.invoiceEmail}</strong>.{' '}
					{order.seatsGranted
						? `The seats are already in ${order.organisation?.name}: invite your staff now.`
						: `The seats are added to ${order.organisation?.name} when we approve the order or it is paid, and we will email you then.`}
				</p>
				{order.invoice ? (
					<p className="mt-4">
						<a href={`/account/purchases/${order.invoice.number}.pdf`} className={linkClasses}>
							Download invoice {order.invoice.number} (PDF)
						</a>
						{order.invoice.paidAt ? null : `, due ${formatDate(order.invoice.dueAt)}`}
					</p>
				) : null}
				{order.payUrl ? (
					<p className="mt-4">
						<a href={order.payUrl} className={linkClasses}>
							View or pay the invoice online
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
					{heading('Your payment is being processed')}
					<Notice tone="info" className="mt-4" role="status" title="We will email you when your payment clears">
						{awaitingPayment
							? 'Bank payments can take a few working days. Nothing more to do: as soon as the money arrives, '
							: 'We are waiting for confirmation from our payment provider. As soon as it arrives, '}
						{order.organisation ? 'the seats are added to your organisation' : 'you are enrolled'} and we email you a
						receipt.
					</Notice>
				</div>
			)
		}
		return (
			<div>
				{heading('Your checkout is not finished')}
				<p className="mt-4 text-lg leading-relaxed text-stone-700">Nothing has been charged yet.</p>
				<p className="mt-6 flex flex-wrap gap-4">
					{order.payUrl ? (
						<a
							href={order.payUrl}
							className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-6 text-lg font-semibold text-white hover:bg-brand-800"
						>
							Continue to payment
						</a>
					) : (
						<ButtonLink to={order.product.buyUrl} size="lg">
							Start again
						</ButtonLink>
					)}
				</p>
			</div>
		)
	}

	if (order.status === 'REFUNDED') {
		return (
			<div>
				{heading('This order has been refunded')}
				<p className="mt-4 text-lg leading-relaxed text-stone-700">
					{formatPrice(order.amountRefundedPence)} was refunded
					{order.refundedAt ? ` on ${formatDate(order.refundedAt)}` : ''}.
				</p>
			</div>
		)
	}

	return (
		<div>
			{heading(order.status === 'FAILED' ? 'Your payment did not go through' : 'This checkout has closed')}
			<p className="mt-4 text-lg leading-relaxed text-stone-700">
				{order.status === 'FAILED'
					? 'Your bank did not complete the payment, so nothing was bought and you have not been charged.'
					: 'It was cancelled or expired before payment, so nothing was charged.'}
			</p>
			<p className="mt-6">
				<ButtonLink to={order.product.buyUrl} size="lg">
					Try again
				</ButtonLink>
			</p>
		</div>
	)
}

function Receipt({ order }: { order: Order }) {
	const paid = order.status === 'PAID' || order.status === 'REFUNDED'
	const rows: Array<[string, string]> = [
		[order.product.kind === 'programme' ? 'Programme' : 'Course', order.courseTitle],
		[
			order.organisation ? 'Seats' : 'Places',
			order.organisation ? `${pluralise(order.quantity, 'seat')} for ${order.organisation.name}` : '1 place for you',
		],
		[paid ? 'Amount paid' : 'Amount', formatPrice(order.amountPence)],
		['Reference', order.reference],
		[paid ? 'Paid on' : 'Ordered on', formatDate(order.fulfilledAt ?? order.createdAt)],
		[
			'Payment',
			order.paymentMethod === 'DEMO'
				? 'Demo (no payment taken)'
				: order.paymentMethod === 'INVOICE'
					? 'Invoice'
					: 'Card',
		],
	]
	if (order.purchaseOrderNumber) rows.push(['Purchase order', order.purchaseOrderNumber])
	if (order.invoice) rows.push(['VAT invoice', order.invoice.number])
	return (
		<section
			aria-labelledby="receipt-heading"
			className="mt-8 rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
		>
			<h2 id="receipt-heading" className="text-xl font-semibold text-stone-900">
				{paid ? 'Receipt' : 'Order details'}
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
	return (
		<GeneralErrorBoundary
			statusHandlers={{
				404: () => (
					<ErrorPage code={404} title="We can't find that order">
						<p>Orders can only be seen by the person who placed them. Check you are logged in to the right account.</p>
						<p>
							Your courses are on your <Link to="/dashboard">dashboard</Link>.
						</p>
					</ErrorPage>
				),
			}}
		/>
	)
}
