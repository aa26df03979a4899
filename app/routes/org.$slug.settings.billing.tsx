import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { data, Form, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { PageHeading } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { formatDate, formatPrice } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { getBillingDetails, updateBillingDetails } from '#modules/billing/billing-details.ts'
import { BillingDetailsSchema } from '#modules/billing/schemas.ts'
import type { Route } from './+types/org.$slug.settings.billing'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Billing | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'Where your organisation’s invoices go, what they say, and every invoice and credit note.',
		NOINDEX,
	)

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
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, saved: false }, reply.init ?? undefined)
	}
}

const STATE = {
	paid: { label: 'Paid', tone: 'success' },
	due: { label: 'Awaiting payment', tone: 'neutral' },
	overdue: { label: 'Overdue', tone: 'accent' },
	closed: { label: 'Closed', tone: 'neutral' },
} as const

const linkClasses = 'font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function OrganisationBillingRoute({ loaderData, actionData }: Route.ComponentProps) {
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
			<PageHeading
				title="Billing"
				intro="Where Circle sends your invoices and what they say. Finance teams can pay by invoice with a purchase order: add the billing address first."
			/>
			<div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
				<Form method="post" className="max-w-2xl space-y-6" {...getFormProps(form)}>
					{saved ? (
						<div ref={savedRef} tabIndex={-1} className="focus:outline-none">
							<Notice tone="success" role="status" title="Billing details saved">
								New invoices use these details. Invoices already issued keep what they said.
							</Notice>
						</div>
					) : null}
					{!hasBillingAddress && !saved ? (
						<Notice tone="info" title="No billing address yet">
							Add one to pay by invoice: an invoice must say who it is addressed to.
						</Notice>
					) : null}
					<FormErrors id={form.errorId} errors={form.errors} title="The billing details were not saved" />
					<Field
						labelProps={{ children: 'Name on invoices (optional)' }}
						description={`Your legal or finance name, if it is not “${details.name}”`}
						inputProps={text('billingName', 'organization')}
						errors={fields.billingName.errors}
					/>
					<Field
						labelProps={{ children: 'Address line 1' }}
						inputProps={text('billingAddressLine1', 'address-line1')}
						errors={fields.billingAddressLine1.errors}
					/>
					<Field
						labelProps={{ children: 'Address line 2 (optional)' }}
						inputProps={text('billingAddressLine2', 'address-line2')}
						errors={fields.billingAddressLine2.errors}
					/>
					<div className="grid gap-6 sm:grid-cols-2">
						<Field
							labelProps={{ children: 'Town or city' }}
							inputProps={text('billingTown', 'address-level2')}
							errors={fields.billingTown.errors}
						/>
						<Field
							labelProps={{ children: 'Postcode' }}
							inputProps={{ ...text('billingPostcode', 'postal-code'), className: 'max-w-40' }}
							errors={fields.billingPostcode.errors}
						/>
					</div>
					<Field
						labelProps={{ children: 'Country' }}
						inputProps={text('billingCountry', 'country-name')}
						errors={fields.billingCountry.errors}
					/>
					<Field
						labelProps={{ children: 'VAT registration number (optional)' }}
						description="Printed on your invoices, for example GB123456782"
						inputProps={{ ...text('vatNumber'), autoComplete: 'off', spellCheck: false, className: 'max-w-60' }}
						errors={fields.vatNumber.errors}
					/>
					<Field
						labelProps={{ children: 'Billing email' }}
						description="Invoices, credit notes and payment reminders are sent here"
						inputProps={{
							...getInputProps(fields.billingEmail, { type: 'email' }),
							autoComplete: 'email',
							spellCheck: false,
						}}
						errors={fields.billingEmail.errors}
					/>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
						Save billing details
					</SubmitButton>
				</Form>

				<section aria-labelledby="invoices-heading">
					<h2 id="invoices-heading" className="text-xl font-semibold text-stone-900">
						Invoices
					</h2>
					<p className="mt-2 text-stone-700">
						{details.invoiceSeats === 'ON_ORDER'
							? 'On invoice terms: seats are yours as soon as you order.'
							: 'Seats bought by invoice are added when we approve the order or it is paid.'}
					</p>
					{invoices.length ? (
						<ul className="mt-4 space-y-3">
							{invoices.map((invoice) => (
								<li key={invoice.number} className="rounded-xl border border-stone-200 bg-white p-4">
									<div className="flex flex-wrap items-start justify-between gap-2">
										<a href={`/account/purchases/${invoice.number}.pdf`} className={linkClasses}>
											{invoice.number} (PDF)
										</a>
										<Badge tone={STATE[invoice.state].tone}>{STATE[invoice.state].label}</Badge>
									</div>
									<p className="mt-1 text-sm text-stone-700">
										{formatPrice(invoice.totalPence)} including VAT · issued {formatDate(invoice.issuedAt)}
										{invoice.state === 'due' || invoice.state === 'overdue'
											? ` · due ${formatDate(invoice.dueAt)}`
											: ''}
										{invoice.purchaseOrderNumber ? ` · PO ${invoice.purchaseOrderNumber}` : ''}
									</p>
									{invoice.creditNotes.map((note) => (
										<p key={note.number} className="mt-1 text-sm">
											<a href={`/account/purchases/${note.number}.pdf`} className={linkClasses}>
												Credit note {note.number} (PDF)
											</a>{' '}
											for {formatPrice(note.totalPence)}
										</p>
									))}
								</li>
							))}
						</ul>
					) : (
						<p className="mt-4 text-stone-700">No invoices yet.</p>
					)}
				</section>
			</div>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
