import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { PageHeading } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { domainErrorInit, replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { getBillingDetails, updateBillingDetails } from '#modules/billing/billing-details.ts'
import { BillingDetailsSchema } from '#modules/billing/schemas.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/org.$slug.settings.billing'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('meta.title', {
			ns: 'billing',
			organisationName: data?.organisation.name ?? t('meta.organisation', { ns: 'billing' }),
		}),
		t('meta.description', { ns: 'billing' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const { details, hasBillingAddress, invoices } = await getBillingDetails({ organisationId: access.organisation.id })
	return {
		organisation: access.organisation,
		details,
		hasBillingAddress,
		invoices: invoices.map((invoice) => ({
			number: invoice.number,
			issuedAt: invoice.issuedAt.toISOString(),
			dueAt: invoice.dueAt.toISOString(),
			totalPence: invoice.totalPence,
			purchaseOrderNumber: invoice.purchaseOrderNumber,
			state: invoice.paidAt
				? ('paid' as const)
				: invoice.order.status === 'PENDING'
					? invoice.overdueAt
						? ('overdue' as const)
						: ('due' as const)
					: ('closed' as const),
			creditNotes: invoice.creditNotes.map((note) => ({ number: note.number, totalPence: note.totalPence })),
		})),
	}
}

/** Saves the billing details (owners and administrators; updateBillingDetails checks again). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const submission = parseWithZod(await request.formData(), { schema: BillingDetailsSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
	try {
		await updateBillingDetails({
			organisationId: access.organisation.id,
			actorId: access.actorId,
			details: submission.value,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		})
		return { result: submission.reply(), saved: true }
	} catch (error) {
		// A message the page shows in its own language, by the error's code.
		if (isDomainError(error) && error.code in ERROR_KEYS) {
			const t = await getT(request)
			const message = t(ERROR_KEYS[error.code as keyof typeof ERROR_KEYS], { ns: 'billing' })
			const result = error.field
				? submission.reply({ fieldErrors: { [error.field]: [message] } })
				: submission.reply({ formErrors: [message] })
			return data({ result, saved: false }, domainErrorInit(error))
		}
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, saved: false }, reply.init ?? undefined)
	}
}

const ERROR_KEYS = {
	INVALID_VAT_NUMBER: 'errors.INVALID_VAT_NUMBER',
} as const

const STATE = {
	paid: { label: 'state.paid', tone: 'success' },
	due: { label: 'state.due', tone: 'neutral' },
	overdue: { label: 'state.overdue', tone: 'accent' },
	closed: { label: 'state.closed', tone: 'neutral' },
} as const

const linkClasses = 'font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function OrganisationBillingRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('billing')
	const f = useFormat()
	const navigation = useNavigation()
	const { details, invoices, hasBillingAddress } = loaderData
	const saved = actionData?.saved === true
	const savedRef = useRef<HTMLDivElement>(null)
	// Saved: move focus to the confirmation so a screen reader hears it.
	useEffect(() => {
		if (saved) savedRef.current?.focus()
	}, [saved])
	const [form, fields] = useForm({
		id: 'billing-details',
		lastResult: actionData?.result,
		constraint: getZodConstraint(BillingDetailsSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: BillingDetailsSchema }),
		defaultValue: {
			billingName: details.billingName ?? '',
			billingAddressLine1: details.billingAddressLine1 ?? '',
			billingAddressLine2: details.billingAddressLine2 ?? '',
			billingTown: details.billingTown ?? '',
			billingPostcode: details.billingPostcode ?? '',
			billingCountry: details.billingCountry,
			vatNumber: details.vatNumber ?? '',
			billingEmail: details.billingEmail ?? '',
		},
	})
	const text = (name: keyof typeof fields, autoComplete?: string) => ({
		...getInputProps(fields[name], { type: 'text' }),
		...(autoComplete ? { autoComplete } : {}),
	})
	return (
		<Container className="py-10">
			<PageHeading title={t('heading')} intro={t('intro')} />
			<div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
				<Form method="post" className="max-w-2xl space-y-6" {...getFormProps(form)}>
					{saved ? (
						<div ref={savedRef} tabIndex={-1} className="focus:outline-none">
							<Notice tone="success" role="status" title={t('saved.title')}>
								{t('saved.body')}
							</Notice>
						</div>
					) : null}
					{!hasBillingAddress && !saved ? (
						<Notice tone="info" title={t('noAddress.title')}>
							{t('noAddress.body')}
						</Notice>
					) : null}
					<FormErrors id={form.errorId} errors={form.errors} title={t('notSaved')} />
					<Field
						labelProps={{ children: t('fields.billingName') }}
						description={t('fields.billingNameDescription', { name: details.name })}
						inputProps={text('billingName', 'organization')}
						errors={fields.billingName.errors}
					/>
					<Field
						labelProps={{ children: t('fields.addressLine1') }}
						inputProps={text('billingAddressLine1', 'address-line1')}
						errors={fields.billingAddressLine1.errors}
					/>
					<Field
						labelProps={{ children: t('fields.addressLine2') }}
						inputProps={text('billingAddressLine2', 'address-line2')}
						errors={fields.billingAddressLine2.errors}
					/>
					<div className="grid gap-6 sm:grid-cols-2">
						<Field
							labelProps={{ children: t('fields.town') }}
							inputProps={text('billingTown', 'address-level2')}
							errors={fields.billingTown.errors}
						/>
						<Field
							labelProps={{ children: t('fields.postcode') }}
							inputProps={{ ...text('billingPostcode', 'postal-code'), className: 'max-w-40' }}
							errors={fields.billingPostcode.errors}
						/>
					</div>
					<Field
						labelProps={{ children: t('fields.country') }}
						inputProps={text('billingCountry', 'country-name')}
						errors={fields.billingCountry.errors}
					/>
					<Field
						labelProps={{ children: t('fields.vatNumber') }}
						description={t('fields.vatNumberDescription')}
						inputProps={{ ...text('vatNumber'), autoComplete: 'off', spellCheck: false, className: 'max-w-60' }}
						errors={fields.vatNumber.errors}
					/>
					<Field
						labelProps={{ children: t('fields.billingEmail') }}
						description={t('fields.billingEmailDescription')}
						inputProps={{
							...getInputProps(fields.billingEmail, { type: 'email' }),
							autoComplete: 'email',
							spellCheck: false,
						}}
						errors={fields.billingEmail.errors}
					/>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('saving')}>
						{t('save')}
					</SubmitButton>
				</Form>

				<section aria-labelledby="invoices-heading">
					<h2 id="invoices-heading" className="text-xl font-semibold text-stone-900">
						{t('invoices.heading')}
					</h2>
					<p className="mt-2 text-stone-700">
						{details.invoiceSeats === 'ON_ORDER' ? t('invoices.seatsOnOrder') : t('invoices.seatsOnApproval')}
					</p>
					{invoices.length ? (
						<ul className="mt-4 space-y-3">
							{invoices.map((invoice) => (
								<li key={invoice.number} className="rounded-xl border border-stone-200 bg-white p-4">
									<div className="flex flex-wrap items-start justify-between gap-2">
										<a href={`/account/purchases/${invoice.number}.pdf`} className={linkClasses}>
											{invoice.number} ({t('invoices.pdf')})
										</a>
										<Badge tone={STATE[invoice.state].tone}>{t(STATE[invoice.state].label)}</Badge>
									</div>
									<p className="mt-1 text-sm text-stone-700">
										{t('invoices.total', { amount: f.price(invoice.totalPence) })} ·{' '}
										{t('invoices.issued', { date: f.date(invoice.issuedAt) })}
										{invoice.state === 'due' || invoice.state === 'overdue' ? (
											<> · {t('invoices.due', { date: f.date(invoice.dueAt) })}</>
										) : null}
										{invoice.purchaseOrderNumber ? (
											<> · {t('invoices.purchaseOrder', { number: invoice.purchaseOrderNumber })}</>
										) : null}
									</p>
									{invoice.creditNotes.map((note) => (
										<p key={note.number} className="mt-1 text-sm">
											<Trans
												t={t}
												i18nKey="invoices.creditNote"
												values={{ number: note.number, amount: f.price(note.totalPence) }}
												components={{
													a: <a href={`/account/purchases/${note.number}.pdf`} className={linkClasses} />,
												}}
											/>
										</p>
									))}
								</li>
							))}
						</ul>
					) : (
						<p className="mt-4 text-stone-700">{t('invoices.none')}</p>
					)}
				</section>
			</div>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
