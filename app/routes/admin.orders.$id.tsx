import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatDate, formatPrice, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getOrderForAdmin } from '#modules/admin/list-orders.ts'
import { approveInvoiceOrder, recordInvoicePayment } from '#modules/billing/invoice-orders.ts'
import { refundOrder } from '#modules/billing/revoke-purchase.ts'
import { InvoiceOrderActionSchema, RefundSchema } from '#modules/billing/schemas.ts'
import {
	AdminPage,
	AuditList,
	describeAudit,
	Facts,
	linkClasses,
	OrderStatusBadge,
	PAYMENT_METHOD_LABELS,
	Section,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.orders.$id'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`${data ? `Order ${data.order.reference}` : 'Order'} | Orders | Admin | Circle`,
		'One order: what was bought, by whom, the payment and any refunds.',
		NOINDEX,
	)

const ORDER_AUDIT_LABELS: Record<string, string> = {
	'order.created': 'Checkout started',
	'order.cancelled': 'Checkout cancelled',
	'order.expired': 'Checkout expired',
	'order.payment_failed': 'Payment failed',
	'order.fulfilled': 'Paid and fulfilled',
	'order.refund_requested': 'Refund requested',
	'order.refunded': 'Refund applied',
	'order.seats_granted': 'Seats given on order (invoice terms)',
	'order.approved': 'Approved: seats given before payment',
	'order.payment_recorded': 'Invoice payment recorded',
	'order.invoice_chased': 'Overdue invoice chased',
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { order, enrolmentCount, audit } = await withDomainErrors(() =>
		getOrderForAdmin({ actorId: admin.id, orderId: params.id }),
	)
	return {
		order: {
			id: order.id,
			reference: `CIR-${order.id.slice(-8).toUpperCase()}`,
			status: order.status,
			paymentMethod: order.paymentMethod,
			quantity: order.quantity,
			amountPence: order.amountPence,
			amountRefundedPence: order.amountRefundedPence,
			purchaseOrderNumber: order.purchaseOrderNumber,
			stripePaymentIntentId: order.stripePaymentIntentId,
			stripeInvoiceId: order.stripeInvoiceId,
			createdAt: order.createdAt.toISOString(),
			fulfilledAt: order.fulfilledAt?.toISOString() ?? null,
			refundedAt: order.refundedAt?.toISOString() ?? null,
			disputedAt: order.disputedAt?.toISOString() ?? null,
			seatsGrantedAt: order.seatsGrantedAt?.toISOString() ?? null,
			invoice: order.invoice
				? {
						number: order.invoice.number,
						dueAt: order.invoice.dueAt.toISOString(),
						paidAt: order.invoice.paidAt?.toISOString() ?? null,
						overdueAt: order.invoice.overdueAt?.toISOString() ?? null,
						creditNotes: order.invoice.creditNotes,
					}
				: null,
			buyer: order.buyer,
			organisation: order.organisation,
			course: order.course,
		},
		enrolmentCount,
		audit: audit.map((entry) => {
			const line = describeAudit(entry)
			return { ...line, action: ORDER_AUDIT_LABELS[entry.action] ?? line.action }
		}),
	}
}

/**
 * Refunds the order in full (platform admins only; refundOrder checks again). A Stripe payment is
 * refunded through Stripe and access is withdrawn when its charge.refunded webhook arrives; a demo
 * order is withdrawn at once.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const submission = parseWithZod(await request.formData(), { schema: InvoiceOrderActionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const value = submission.value
	try {
		if (value.intent === 'approve') {
			await approveInvoiceOrder({ orderId: params.id, actorId: admin.id, now: new Date() })
			return { result: submission.reply({ resetForm: true }), done: 'Approved: the seats are in the organisation now.' }
		}
		if (value.intent === 'record-payment') {
			// A UK calendar day: noon avoids the day moving under British Summer Time.
			const receivedAt = new Date(`${value.receivedOn}T12:00:00Z`)
			await recordInvoicePayment({
				orderId: params.id,
				actorId: admin.id,
				receivedAt,
				reference: value.reference ?? null,
			})
			return { result: submission.reply({ resetForm: true }), done: 'Payment recorded: the order is paid.' }
		}
		const outcome = await refundOrder({ orderId: params.id, actorId: admin.id, reason: value.reason })
		const done =
			outcome.state === 'refunded'
				? `Refunded. ${outcome.removed ? `${pluralise(outcome.removed, outcome.seatLicence ? 'seat' : 'place')} withdrawn.` : ''}${
						outcome.notRecovered
							? ` ${pluralise(outcome.notRecovered, 'seat')} could not be withdrawn because learners have started.`
							: ''
					}`.trim()
				: 'Refund sent to Stripe. Access is withdrawn as soon as Stripe confirms it, usually within a minute.'
		return { result: submission.reply({ resetForm: true }), done }
	} catch (error) {
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, done: null }, reply.init ?? undefined)
	}
}

export default function AdminOrderRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { order, enrolmentCount, audit } = loaderData
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	const confirming = searchParams.get('refund') === 'confirm'
	const [form, fields] = useForm({
		id: 'refund-order',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RefundSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const done = actionData?.done ?? null
	const what = order.organisation
		? `${pluralise(order.quantity, 'seat')} for ${order.organisation.name}`
		: `1 place for ${order.buyer.name}`
	return (
		<AdminPage width="prose" back={{ to: '/admin/orders', label: 'All orders' }} title={`Order ${order.reference}`}>
			<p className="mt-2">
				<OrderStatusBadge status={order.status} />
			</p>
			{done ? <Notice tone="success" role="status" title={done} className="mt-6" /> : null}
			<Facts
				items={[
					[
						order.course.kind === 'programme' ? 'Programme' : 'Course',
						<Link key="c" to={order.course.pageUrl} className={linkClasses}>
							{order.course.title}
						</Link>,
					],
					['Bought', what],
					[
						'Buyer',
						<Link key="b" to={`/admin/users/${order.buyer.id}`} className={linkClasses}>
							{order.buyer.name} ({order.buyer.email})
						</Link>,
					],
					['Amount', formatPrice(order.amountPence)],
					['Refunded', order.amountRefundedPence ? formatPrice(order.amountRefundedPence) : 'Nothing'],
					['Payment', PAYMENT_METHOD_LABELS[order.paymentMethod] ?? order.paymentMethod],
					['Purchase order', order.purchaseOrderNumber ?? 'None'],
					['Ordered', formatDate(order.createdAt)],
					['Paid', order.fulfilledAt ? formatDate(order.fulfilledAt) : 'Not paid'],
					['Disputed', order.disputedAt ? formatDate(order.disputedAt) : 'No'],
					['Enrolments from this order', String(enrolmentCount)],
					['Stripe payment', order.stripePaymentIntentId ?? order.stripeInvoiceId ?? 'None'],
				]}
			/>

			{order.invoice ? (
				<Section id="invoice-heading" title="Invoice">
					<ul className="mt-2 space-y-1">
						<li>
							<a href={`/account/purchases/${order.invoice.number}.pdf`} className={linkClasses}>
								VAT invoice {order.invoice.number} (PDF)
							</a>
							{order.invoice.paidAt
								? `, paid ${formatDate(order.invoice.paidAt)}`
								: `, due ${formatDate(order.invoice.dueAt)}`}
						</li>
						{order.invoice.creditNotes.map((note) => (
							<li key={note.number}>
								<a href={`/account/purchases/${note.number}.pdf`} className={linkClasses}>
									Credit note {note.number} (PDF)
								</a>{' '}
								for {formatPrice(note.totalPence)}
							</li>
						))}
					</ul>
					{order.invoice.overdueAt && !order.invoice.paidAt && order.status === 'PENDING' ? (
						<Notice tone="warning" title="This invoice is overdue" className="mt-4">
							It was due on {formatDate(order.invoice.dueAt)}; the billing contact was first reminded on{' '}
							{formatDate(order.invoice.overdueAt)}.
						</Notice>
					) : null}
					{order.paymentMethod === 'INVOICE' && order.status === 'PENDING' ? (
						<InvoiceActions seatsGiven={order.seatsGrantedAt !== null} lastResult={actionData?.result} />
					) : null}
				</Section>
			) : null}

			<Section id="refund-heading" title="Refund">
				{order.status !== 'PAID' ? (
					<p className="mt-2 text-stone-700">
						Only paid orders can be refunded. This order is {order.status.toLowerCase()}.
					</p>
				) : confirming && !done ? (
					<Form
						method="post"
						{...getFormProps(form)}
						className="mt-4 space-y-4 rounded-2xl border-2 border-red-700 bg-red-50 p-5"
					>
						<FormErrors id={form.errorId} errors={form.errors} title="The order was not refunded" />
						<p className="font-semibold text-red-950">
							Refund {formatPrice(order.amountPence - order.amountRefundedPence)} to {order.buyer.name}?
						</p>
						<p className="text-stone-800">
							{order.organisation
								? 'Unused seats are withdrawn first, then pending invitations, then seats whose learner has not started. Learners who have started keep their seats.'
								: 'The buyer loses access to the course. Their certificates stay valid.'}{' '}
							This cannot be undone.
						</p>
						<input type="hidden" name="intent" value="refund" />
						<TextareaField
							labelProps={{ children: 'Reason (optional)' }}
							description="Kept in the audit log. Up to 500 characters."
							textareaProps={{ ...getTextareaProps(fields.reason), rows: 2 }}
							errors={fields.reason.errors}
						/>
						<div className="flex flex-wrap items-center gap-4">
							<SubmitButton
								pending={navigation.state === 'submitting'}
								pendingText="Refunding…"
								className="bg-red-700 hover:bg-red-800"
							>
								Yes, refund this order
							</SubmitButton>
							<Link to="." replace className={linkClasses}>
								Cancel
							</Link>
						</div>
					</Form>
				) : (
					<div className="mt-2 space-y-4">
						<p className="text-stone-700">
							Refund the whole order.{' '}
							{order.paymentMethod === 'DEMO'
								? 'This demo order took no money, so access is withdrawn at once.'
								: 'The money goes back through Stripe.'}
						</p>
						<p>
							<Link
								to="?refund=confirm"
								className="inline-flex min-h-11 items-center rounded-lg border border-red-700 bg-white px-4 font-semibold text-red-800 hover:bg-red-50"
							>
								Refund {formatPrice(order.amountPence - order.amountRefundedPence)}…
							</Link>
						</p>
					</div>
				)}
			</Section>

			<Section id="history-heading" title="History">
				<AuditList entries={audit} empty="Nothing recorded yet." />
			</Section>
		</AdminPage>
	)
}

function InvoiceActions({
	seatsGiven,
	lastResult,
}: {
	seatsGiven: boolean
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'record-payment',
		lastResult: navigation.formData?.get('intent') === 'record-payment' ? undefined : lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InvoiceOrderActionSchema }),
		shouldValidate: 'onBlur',
	})
	const busy = navigation.state === 'submitting'
	return (
		<div className="mt-4 space-y-6">
			{seatsGiven ? (
				<p className="text-stone-700">The seats were given before payment.</p>
			) : (
				<Form method="post" className="space-y-2">
					<input type="hidden" name="intent" value="approve" />
					<p className="text-stone-700">The organisation gets its seats when you approve, or when it pays.</p>
					<SubmitButton pending={busy && navigation.formData?.get('intent') === 'approve'} pendingText="Approving…">
						Approve and give the seats now
					</SubmitButton>
				</Form>
			)}
			<Form method="post" {...getFormProps(form)} className="space-y-4 rounded-2xl border border-stone-200 p-5">
				<FormErrors id={form.errorId} errors={form.errors} title="The payment was not recorded" />
				<input type="hidden" name="intent" value="record-payment" />
				<Field
					labelProps={{ children: 'Date the payment arrived' }}
					inputProps={{ ...getInputProps(fields.receivedOn, { type: 'date' }), className: 'max-w-48' }}
					errors={fields.receivedOn.errors}
				/>
				<Field
					labelProps={{ children: 'Bank reference (optional)' }}
					inputProps={{ ...getInputProps(fields.reference, { type: 'text' }), autoComplete: 'off' }}
					errors={fields.reference.errors}
				/>
				<SubmitButton
					pending={busy && navigation.formData?.get('intent') === 'record-payment'}
					pendingText="Recording…"
				>
					Record payment
				</SubmitButton>
			</Form>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
