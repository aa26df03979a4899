import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
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
	Section,
	usePaymentMethodLabel,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.orders.$id'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('order.meta.title', { ns: 'admin', reference: data.order.reference })
			: t('order.meta.fallback', { ns: 'admin' }),
		t('order.meta.description', { ns: 'admin' }),
		NOINDEX,
	)
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
		audit: audit.map(describeAudit),
	}
}

/**
 * Refunds the order in full (platform admins only; refundOrder checks again). A Stripe payment is
 * refunded through Stripe and access is withdrawn when its charge.refunded webhook arrives; a demo
 * order is withdrawn at once.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const t = await getT(request)
	const submission = parseWithZod(await request.formData(), { schema: InvoiceOrderActionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const value = submission.value
	try {
		if (value.intent === 'approve') {
			await approveInvoiceOrder({ orderId: params.id, actorId: admin.id, now: new Date() })
			return { result: submission.reply({ resetForm: true }), done: t('order.done.approved', { ns: 'admin' }) }
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
			return { result: submission.reply({ resetForm: true }), done: t('order.done.paymentRecorded', { ns: 'admin' }) }
		}
		const outcome = await refundOrder({ orderId: params.id, actorId: admin.id, reason: value.reason })
		const done =
			outcome.state === 'refunded'
				? [
						t('order.done.refunded', { ns: 'admin' }),
						outcome.removed
							? outcome.seatLicence
								? t('order.done.seatsWithdrawn', { ns: 'admin', count: outcome.removed })
								: t('order.done.placesWithdrawn', { ns: 'admin', count: outcome.removed })
							: null,
						outcome.notRecovered ? t('order.done.notRecovered', { ns: 'admin', count: outcome.notRecovered }) : null,
					]
						.filter(Boolean)
						.join(' ')
				: t('order.done.refundSent', { ns: 'admin' })
		return { result: submission.reply({ resetForm: true }), done }
	} catch (error) {
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, done: null }, reply.init ?? undefined)
	}
}

export default function AdminOrderRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { order, enrolmentCount, audit } = loaderData
	const { t } = useTranslation('admin')
	const format = useFormat()
	const methodLabel = usePaymentMethodLabel()
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
		? t('order.seatsFor', { count: order.quantity, name: order.organisation.name })
		: t('order.placeFor', { name: order.buyer.name })
	const refundable = format.price(order.amountPence - order.amountRefundedPence)
	return (
		<AdminPage
			width="prose"
			back={{ to: '/admin/orders', label: t('order.back') }}
			title={t('order.title', { reference: order.reference })}
		>
			<p className="mt-2">
				<OrderStatusBadge status={order.status} />
			</p>
			{done ? <Notice tone="success" role="status" title={done} className="mt-6" /> : null}
			<Facts
				items={[
					[
						order.course.kind === 'programme' ? t('order.facts.programme') : t('order.facts.course'),
						<Link key="c" to={order.course.pageUrl} className={linkClasses}>
							{order.course.title}
						</Link>,
					],
					[t('order.facts.bought'), what],
					[
						t('order.facts.buyer'),
						<Link key="b" to={`/admin/users/${order.buyer.id}`} className={linkClasses}>
							{order.buyer.name} ({order.buyer.email})
						</Link>,
					],
					[t('order.facts.amount'), format.price(order.amountPence)],
					[
						t('order.facts.refunded'),
						order.amountRefundedPence ? format.price(order.amountRefundedPence) : t('order.nothing'),
					],
					[t('order.facts.payment'), methodLabel(order.paymentMethod)],
					[t('order.facts.purchaseOrder'), order.purchaseOrderNumber ?? t('order.none')],
					[t('order.facts.ordered'), format.date(order.createdAt)],
					[t('order.facts.paid'), order.fulfilledAt ? format.date(order.fulfilledAt) : t('order.notPaid')],
					[t('order.facts.disputed'), order.disputedAt ? format.date(order.disputedAt) : t('order.no')],
					[t('order.facts.enrolments'), format.number(enrolmentCount)],
					[t('order.facts.stripe'), order.stripePaymentIntentId ?? order.stripeInvoiceId ?? t('order.none')],
				]}
			/>

			{order.invoice ? (
				<Section id="invoice-heading" title={t('order.invoice.heading')}>
					<ul className="mt-2 space-y-1">
						<li>
							<a href={`/account/purchases/${order.invoice.number}.pdf`} className={linkClasses}>
								{t('order.invoice.pdf', { number: order.invoice.number })}
							</a>
							{order.invoice.paidAt
								? t('order.invoice.paidOn', { date: format.date(order.invoice.paidAt) })
								: t('order.invoice.dueOn', { date: format.date(order.invoice.dueAt) })}
						</li>
						{order.invoice.creditNotes.map((note) => (
							<li key={note.number}>
								<a href={`/account/purchases/${note.number}.pdf`} className={linkClasses}>
									{t('order.invoice.creditNote', { number: note.number })}
								</a>{' '}
								{t('order.invoice.creditNoteFor', { amount: format.price(note.totalPence) })}
							</li>
						))}
					</ul>
					{order.invoice.overdueAt && !order.invoice.paidAt && order.status === 'PENDING' ? (
						<Notice tone="warning" title={t('order.invoice.overdueTitle')} className="mt-4">
							{t('order.invoice.overdueBody', {
								due: format.date(order.invoice.dueAt),
								reminded: format.date(order.invoice.overdueAt),
							})}
						</Notice>
					) : null}
					{order.paymentMethod === 'INVOICE' && order.status === 'PENDING' ? (
						<InvoiceActions seatsGiven={order.seatsGrantedAt !== null} lastResult={actionData?.result} />
					) : null}
				</Section>
			) : null}

			<Section id="refund-heading" title={t('order.refund.heading')}>
				{order.status !== 'PAID' ? (
					<p className="mt-2 text-stone-700">
						{t('order.refund.onlyPaid', { status: t(`orderStatus.${order.status}`).toLowerCase() })}
					</p>
				) : confirming && !done ? (
					<Form
						method="post"
						{...getFormProps(form)}
						className="mt-4 space-y-4 rounded-2xl border-2 border-red-700 bg-red-50 p-5"
					>
						<FormErrors id={form.errorId} errors={form.errors} title={t('order.refund.notRefunded')} />
						<p className="font-semibold text-red-950">
							{t('order.refund.confirm', { amount: refundable, name: order.buyer.name })}
						</p>
						<p className="text-stone-800">
							{order.organisation ? t('order.refund.seatsOrder') : t('order.refund.placeOrder')}{' '}
							{t('order.refund.cannotUndo')}
						</p>
						<input type="hidden" name="intent" value="refund" />
						<TextareaField
							labelProps={{ children: t('order.refund.reason') }}
							description={t('order.refund.reasonHint')}
							textareaProps={{ ...getTextareaProps(fields.reason), rows: 2 }}
							errors={fields.reason.errors}
						/>
						<div className="flex flex-wrap items-center gap-4">
							<SubmitButton
								pending={navigation.state === 'submitting'}
								pendingText={t('order.refund.refunding')}
								className="bg-red-700 hover:bg-red-800"
							>
								{t('order.refund.yes')}
							</SubmitButton>
							<Link to="." replace className={linkClasses}>
								{t('order.refund.cancel')}
							</Link>
						</div>
					</Form>
				) : (
					<div className="mt-2 space-y-4">
						<p className="text-stone-700">
							{t('order.refund.whole')}{' '}
							{order.paymentMethod === 'DEMO' ? t('order.refund.demo') : t('order.refund.stripe')}
						</p>
						<p>
							<Link
								to="?refund=confirm"
								className="inline-flex min-h-11 items-center rounded-lg border border-red-700 bg-white px-4 font-semibold text-red-800 hover:bg-red-50"
							>
								{t('order.refund.start', { amount: refundable })}
							</Link>
						</p>
					</div>
				)}
			</Section>

			<Section id="history-heading" title={t('order.history.heading')}>
				<AuditList entries={audit} empty={t('order.history.empty')} />
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
	const { t } = useTranslation('admin')
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'record-payment',
		lastResult: navigation.formData?.get('intent') === 'record-payment' ? undefined : lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InvoiceOrderActionSchema }),
		shouldValidate: 'onBlur',
		// An error clears as soon as it is put right, not on blur: clearing it on blur moved the
		// button out from under the click that caused the blur.
		shouldRevalidate: 'onInput',
	})
	const busy = navigation.state === 'submitting'
	return (
		<div className="mt-4 space-y-6">
			{seatsGiven ? (
				<p className="text-stone-700">{t('order.invoice.seatsGiven')}</p>
			) : (
				<Form method="post" className="space-y-2">
					<input type="hidden" name="intent" value="approve" />
					<p className="text-stone-700">{t('order.invoice.approveHint')}</p>
					<SubmitButton
						pending={busy && navigation.formData?.get('intent') === 'approve'}
						pendingText={t('order.invoice.approving')}
					>
						{t('order.invoice.approve')}
					</SubmitButton>
				</Form>
			)}
			<Form method="post" {...getFormProps(form)} className="space-y-4 rounded-2xl border border-stone-200 p-5">
				<FormErrors id={form.errorId} errors={form.errors} title={t('order.invoice.notRecorded')} />
				<input type="hidden" name="intent" value="record-payment" />
				<Field
					labelProps={{ children: t('order.invoice.receivedOn') }}
					inputProps={{ ...getInputProps(fields.receivedOn, { type: 'date' }), className: 'max-w-48' }}
					errors={fields.receivedOn.errors}
				/>
				<Field
					labelProps={{ children: t('order.invoice.reference') }}
					inputProps={{ ...getInputProps(fields.reference, { type: 'text' }), autoComplete: 'off' }}
					errors={fields.reference.errors}
				/>
				<SubmitButton
					pending={busy && navigation.formData?.get('intent') === 'record-payment'}
					pendingText={t('order.invoice.recording')}
				>
					{t('order.invoice.record')}
				</SubmitButton>
			</Form>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
