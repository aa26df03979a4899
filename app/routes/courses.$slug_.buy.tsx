import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { data, Form, isRouteErrorResponse, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { ErrorPage, errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatCpdHours, formatPrice, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { createCheckout } from '#modules/billing/create-checkout.ts'
import { getBuyPage } from '#modules/billing/get-buy-page.ts'
import { DEFAULT_PAYMENT_TERMS_DAYS, MAX_QUANTITY, PAYMENT_TERMS_DAYS, unitPriceFor } from '#modules/billing/pricing.ts'
import { BuySchema, BuySeatsSchema } from '#modules/billing/schemas.ts'
import { billingConfig } from '#modules/billing/stripe-client.ts'
import type { Route } from './+types/courses.$slug_.buy'

export const meta: Route.MetaFunction = ({ loaderData, error }) => {
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404 ? 'Course not found | Circle' : errorTitle(error),
			'This course could not be shown. Browse Circle’s other CPD courses in relational and restorative practice.',
		)
	}
	return pageMeta(
		`Buy ${loaderData.course.title} | Circle`,
		`Buy ${loaderData.course.title} for yourself, or seats for your organisation’s staff.`,
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const page = await withDomainErrors(() => getBuyPage({ userId: user.id, slug: params.slug }))
	// A free course has nothing to buy: its page enrols in one click.
	if (page.course.pricePence <= 0) throw redirect(`/courses/${page.course.slug}`)
	return { ...page, demo: !billingConfig().secretKey, buyerEmail: user.email }
}

/**
 * Starts a checkout for a place (intent=individual) or for organisation seats (intent=seats). The
 * price is never read from the form: createCheckout takes it from the database. Answers 303 to the
 * Stripe Checkout page (or the demo checkout), or, for an invoice, to the order page that says where
 * it was sent.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	const intent = formData.get('intent') === 'seats' ? 'seats' : 'individual'
	const submission = parseWithZod(formData, { schema: BuySchema })
	if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
	const { course } = await withDomainErrors(() => getBuyPage({ userId: user.id, slug: params.slug }))
	const value = submission.value
	try {
		const checkout =
			value.intent === 'seats'
				? await createCheckout({
						buyerUserId: user.id,
						courseId: course.id,
						organisationId: value.organisationId,
						quantity: value.quantity,
						method: value.method,
						purchaseOrderNumber: value.method === 'INVOICE' ? value.purchaseOrderNumber : undefined,
						paymentTermsDays: value.method === 'INVOICE' ? value.paymentTermsDays : undefined,
						billingEmail: value.method === 'INVOICE' ? value.billingEmail : undefined,
					})
				: await createCheckout({ buyerUserId: user.id, courseId: course.id, method: 'CARD' })
		const invoiced =
			value.intent === 'seats' && value.method === 'INVOICE' && !checkout.url.startsWith('/checkout/demo/')
		return redirect(invoiced ? `/checkout/success?order=${encodeURIComponent(checkout.orderId)}` : checkout.url, 303)
	} catch (error) {
		const reply = replyWithDomainError(submission, error)
		return data({ intent, result: reply.data.result }, reply.init ?? undefined)
	}
}

const linkClasses = 'font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function BuyCourseRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, enrolled, adminOrganisations, demo } = loaderData
	const resultFor = (intent: 'individual' | 'seats') => (actionData?.intent === intent ? actionData.result : undefined)
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-10 sm:py-12">
					<nav aria-label="Breadcrumb">
						<ol className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
							<li>
								<Link to="/courses" className="font-medium text-brand-700 underline underline-offset-2">
									Courses
								</Link>
							</li>
							<li aria-hidden="true">/</li>
							<li>
								<Link
									to={`/courses/${course.slug}`}
									className="font-medium text-brand-700 underline underline-offset-2"
								>
									{course.title}
								</Link>
							</li>
							<li aria-hidden="true">/</li>
							<li aria-current="page">Buy</li>
						</ol>
					</nav>
					<h1 className="mt-5 text-3xl leading-tight font-bold tracking-tight text-brand-900 sm:text-4xl">
						Buy {course.title}
					</h1>
					<p className="mt-3 max-w-3xl text-lg leading-relaxed text-stone-700">{course.summary}</p>
					<p className="mt-3 text-stone-800">
						{formatCpdHours(course.cpdMinutes)}, a verifiable certificate and a CPD record for every learner.
					</p>
				</Container>
			</div>

			<Container className="py-10 sm:py-12">
				{demo ? (
					<Notice tone="warning" title="Demo mode: no payment is taken" className="mb-8">
						Payments are not set up on this copy of Circle, so purchases go through a labelled demo checkout instead of
						Stripe.
					</Notice>
				) : null}
				<div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
					<section
						aria-labelledby="myself-heading"
						className="rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
					>
						<h2 id="myself-heading" className="text-2xl font-bold tracking-tight text-stone-900">
							Buy for myself
						</h2>
						<p className="mt-2 text-3xl font-semibold text-stone-900 tabular-nums">{formatPrice(course.pricePence)}</p>
						<p className="text-sm text-stone-600">One learner place, including VAT where it applies</p>
						<ul className="mt-5 space-y-2 text-stone-700">
							{[
								'Start straight away and learn at your own pace',
								'Keep access to the version you enrol on',
								'Download your CPD certificate when you finish',
							].map((item) => (
								<li key={item} className="flex gap-2">
									<CheckIcon className="mt-0.5 size-5 shrink-0 text-brand-700" />
									<span>{item}</span>
								</li>
							))}
						</ul>
						{enrolled ? (
							<div className="mt-6 space-y-4">
								<Notice tone="success" title="You are already enrolled on this course">
									There is nothing more to buy for yourself.
								</Notice>
								<ButtonLink to={`/learn/${course.slug}`} size="lg" className="w-full">
									Go to the course
								</ButtonLink>
							</div>
						) : (
							<IndividualForm price={course.pricePence} lastResult={resultFor('individual')} demo={demo} />
						)}
					</section>

					<section
						aria-labelledby="seats-heading"
						className="rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
					>
						<h2 id="seats-heading" className="text-2xl font-bold tracking-tight text-stone-900">
							Buy seats for my organisation
						</h2>
						<p className="mt-2 leading-relaxed text-stone-700">
							Buy a number of seats, then invite staff by email from your organisation’s page. You can see who has
							started and finished, and move an unused seat to someone else.
						</p>
						<PriceTable course={course} />
						{adminOrganisations.length ? (
							<SeatsForm
								course={course}
								organisations={adminOrganisations}
								buyerEmail={loaderData.buyerEmail}
								lastResult={resultFor('seats')}
								demo={demo}
							/>
						) : (
							<div className="mt-6 rounded-xl bg-stone-50 p-5">
								<p className="font-semibold text-stone-900">You need an organisation to buy seats</p>
								<p className="mt-2 leading-relaxed text-stone-700">
									Seats belong to an organisation, such as a school, trust, service or team. Create yours (it takes a
									minute), then come back to this page.
								</p>
								<p className="mt-4">
									<ButtonLink
										to={`/org/new?redirectTo=${encodeURIComponent(`/courses/${course.slug}/buy`)}`}
										variant="secondary"
									>
										Create an organisation
									</ButtonLink>
								</p>
								<p className="mt-4 text-sm leading-relaxed text-stone-700">
									Is your organisation already on Circle? Ask its owner to make you an admin. Need something else?{' '}
									<Link to="/contact" className={linkClasses}>
										Get in touch
									</Link>
									.
								</p>
							</div>
						)}
					</section>
				</div>
			</Container>
		</>
	)
}

type BuyCourse = Route.ComponentProps['loaderData']['course']

function IndividualForm({
	price,
	lastResult,
	demo,
}: {
	price: number
	lastResult: SubmissionResult<string[]> | undefined
	demo: boolean
}) {
	const navigation = useNavigation()
	const pending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'individual'
	const [form] = useForm({ id: 'buy-individual', lastResult })
	return (
		<Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
			<FormErrors id={form.errorId} errors={form.errors} title="We could not start your checkout" />
			<input type="hidden" name="intent" value="individual" />
			<SubmitButton pending={pending} pendingText="Opening checkout…" className="w-full">
				Buy for myself — {formatPrice(price)}
			</SubmitButton>
			<p className="text-sm text-stone-600">
				{demo ? 'Next: the demo checkout (no payment is taken).' : 'Next: pay securely by card with Stripe.'}
			</p>
		</Form>
	)
}

/** The course's volume pricing as a table: one row per band of seats. */
function PriceTable({ course }: { course: BuyCourse }) {
	const bands = [
		{ minQuantity: 1, unitPricePence: course.pricePence },
		...course.volumeTiers.filter((t) => t.minQuantity > 1),
	]
	return (
		<table className="mt-5 w-full border-collapse text-left">
			<caption className="mb-2 text-left font-semibold text-stone-900">Price per seat</caption>
			<thead>
				<tr className="border-b border-stone-300 text-sm text-stone-600">
					<th scope="col" className="py-2 pr-4 font-semibold">
						Seats
					</th>
					<th scope="col" className="py-2 font-semibold">
						Price per seat
					</th>
				</tr>
			</thead>
			<tbody>
				{bands.map((band, index) => {
					const next = bands[index + 1]
					const label = next
						? band.minQuantity === next.minQuantity - 1
							? `${band.minQuantity}`
							: `${band.minQuantity} to ${next.minQuantity - 1}`
						: bands.length === 1
							? `Any number, up to ${MAX_QUANTITY.toLocaleString('en-GB')}`
							: `${band.minQuantity} or more`
					return (
						<tr key={band.minQuantity} className="border-b border-stone-100">
							<td className="py-2 pr-4 text-stone-800">{label}</td>
							<td className="py-2 font-medium text-stone-900 tabular-nums">{formatPrice(band.unitPricePence)}</td>
						</tr>
					)
				})}
			</tbody>
		</table>
	)
}

function SeatsForm({
	course,
	organisations,
	buyerEmail,
	lastResult,
	demo,
}: {
	course: BuyCourse
	organisations: Array<{ id: string; name: string; billingEmail: string | null }>
	buyerEmail: string
	lastResult: SubmissionResult<string[]> | undefined
	demo: boolean
}) {
	const navigation = useNavigation()
	const pending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'seats'
	// ?seats=N: the assignments page links here to buy exactly the seats it is missing.
	const [searchParams] = useSearchParams()
	const askedFor = Number(searchParams.get('seats'))
	const [form, fields] = useForm({
		id: 'buy-seats',
		lastResult,
		constraint: getZodConstraint(BuySeatsSchema),
		defaultValue: {
			organisationId: organisations.length === 1 ? organisations[0]!.id : '',
			quantity: Number.isInteger(askedFor) && askedFor > 0 && askedFor <= 10_000 ? String(askedFor) : '10',
			method: 'CARD',
			paymentTermsDays: String(DEFAULT_PAYMENT_TERMS_DAYS),
		},
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: BuySeatsSchema }),
	})
	const [quantityText, setQuantityText] = useState(String(fields.quantity.initialValue ?? '10'))
	const [method, setMethod] = useState(String(fields.method.initialValue ?? 'CARD'))
	const [organisationId, setOrganisationId] = useState(String(fields.organisationId.initialValue ?? ''))
	const quantity = Number(quantityText.trim())
	const valid = Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY
	const unit = valid ? unitPriceFor(course, quantity) : null
	const invoice = method === 'INVOICE'
	const chosen = organisations.find((o) => o.id === organisationId)
	return (
		<Form method="post" {...getFormProps(form)} className="mt-6 space-y-6 border-t border-stone-200 pt-6">
			<FormErrors id={form.errorId} errors={form.errors} title="We could not start your purchase" />
			<input type="hidden" name="intent" value="seats" />
			<SelectField
				labelProps={{ children: 'Organisation' }}
				description="Organisations where you are an owner or admin"
				selectProps={{
					...getSelectProps(fields.organisationId),
					onChange: (e) => setOrganisationId(e.currentTarget.value),
				}}
				placeholder={organisations.length === 1 ? undefined : 'Choose an organisation'}
				options={organisations.map((o) => ({ value: o.id, label: o.name }))}
				errors={fields.organisationId.errors}
			/>
			<div>
				<Field
					labelProps={{ children: 'Number of seats' }}
					description={`From 1 to ${MAX_QUANTITY.toLocaleString('en-GB')}`}
					// A text input with a numeric keyboard: type="number" changes value on scroll.
					inputProps={{
						...getInputProps(fields.quantity, { type: 'text' }),
						inputMode: 'numeric',
						autoComplete: 'off',
						className: 'max-w-40',
						onInput: (e) => setQuantityText(e.currentTarget.value),
					}}
					errors={fields.quantity.errors}
				/>
				<p className="mt-3 text-lg text-stone-900" aria-live="polite">
					{unit !== null ? (
						<>
							{pluralise(quantity, 'seat')} × {formatPrice(unit)} ={' '}
							<strong className="font-semibold tabular-nums">{formatPrice(unit * quantity)}</strong>
						</>
					) : (
						<span className="text-stone-600">Enter a number of seats to see the total.</span>
					)}
				</p>
			</div>

			<fieldset>
				<legend className="font-semibold text-stone-900">How will your organisation pay?</legend>
				<div className="mt-3 space-y-3">
					{[
						{ value: 'CARD', label: 'Pay now by card', hint: 'Seats are ready as soon as the payment goes through.' },
						{
							value: 'INVOICE',
							label: 'Request an invoice',
							hint: 'We email an invoice to your finance team to pay by bank transfer. Seats are added when it is paid.',
						},
					].map((option) => {
						const id = `${fields.method.id}-${option.value.toLowerCase()}`
						return (
							<div key={option.value} className="flex gap-3">
								<input
									type="radio"
									id={id}
									name={fields.method.name}
									value={option.value}
									defaultChecked={fields.method.initialValue === option.value}
									onChange={(e) => setMethod(e.currentTarget.value)}
									aria-describedby={`${id}-hint`}
									className="mt-1 size-5 shrink-0 accent-brand-700"
								/>
								<div>
									<label htmlFor={id} className="font-medium text-stone-900">
										{option.label}
									</label>
									<p id={`${id}-hint`} className="text-sm text-stone-600">
										{option.hint}
									</p>
								</div>
							</div>
						)
					})}
				</div>
				<ErrorList id={fields.method.errorId} errors={fields.method.errors} />
			</fieldset>

			{invoice ? (
				<div className="space-y-6 rounded-xl bg-stone-50 p-5">
					<Field
						labelProps={{ children: 'Purchase order number (optional)' }}
						description="Printed on the invoice, if your finance team needs one"
						inputProps={{ ...getInputProps(fields.purchaseOrderNumber, { type: 'text' }), autoComplete: 'off' }}
						errors={fields.purchaseOrderNumber.errors}
					/>
					<SelectField
						labelProps={{ children: 'Payment terms' }}
						selectProps={getSelectProps(fields.paymentTermsDays)}
						options={PAYMENT_TERMS_DAYS.map((days) => ({
							value: String(days),
							label: `${days} days from the invoice date`,
						}))}
						errors={fields.paymentTermsDays.errors}
					/>
					<Field
						key={chosen?.id ?? 'none'}
						labelProps={{ children: 'Billing email (optional)' }}
						description={`Where the invoice is sent. Leave empty to use ${chosen?.billingEmail ?? buyerEmail}.`}
						inputProps={{
							...getInputProps(fields.billingEmail, { type: 'email' }),
							autoComplete: 'email',
							spellCheck: false,
						}}
						errors={fields.billingEmail.errors}
					/>
				</div>
			) : null}

			<SubmitButton pending={pending} pendingText={invoice ? 'Sending the invoice…' : 'Opening checkout…'}>
				{invoice ? 'Request the invoice' : 'Continue to payment'}
			</SubmitButton>
			<p className="text-sm text-stone-600">
				{demo
					? 'Next: the demo checkout (no payment is taken).'
					: invoice
						? 'The invoice comes from Stripe, our payment provider, and can also be paid by card.'
						: 'Next: pay securely by card with Stripe. Amounts include VAT where it applies.'}
			</p>
		</Form>
	)
}

export function ErrorBoundary() {
	return (
		<GeneralErrorBoundary
			statusHandlers={{
				404: () => (
					<ErrorPage code={404} title="We can't find that course">
						<p>It may have been renamed or withdrawn, or the link may be mistyped.</p>
						<p>
							Every course we currently offer is on the <Link to="/courses">courses page</Link>.
						</p>
					</ErrorPage>
				),
			}}
		/>
	)
}
