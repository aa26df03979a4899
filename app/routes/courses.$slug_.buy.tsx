import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, isRouteErrorResponse, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { ErrorPage, errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatCpdHours } from '#app/utils/format.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { createCheckout } from '#modules/billing/create-checkout.ts'
import { getBuyPage } from '#modules/billing/get-buy-page.ts'
import { DEFAULT_PAYMENT_TERMS_DAYS, MAX_QUANTITY, PAYMENT_TERMS_DAYS, unitPriceFor } from '#modules/billing/pricing.ts'
import { BuySchema, BuySeatsSchema } from '#modules/billing/schemas.ts'
import { billingConfig } from '#modules/billing/stripe-client.ts'
import type { Route } from './+types/courses.$slug_.buy'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404
				? t('buy.meta.notFound', { ns: 'billing' })
				: errorTitle(error),
			t('buy.meta.errorDescription', { ns: 'billing' }),
		)
	}
	return pageMeta(
		t('buy.meta.title', { ns: 'billing', title: loaderData.course.title }),
		t('buy.meta.description', { ns: 'billing', title: loaderData.course.title }),
		NOINDEX,
	)
}

const MYSELF_POINTS = ['start', 'keep', 'certificate'] as const

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
	const { t } = useTranslation('billing')
	const format = useFormat()
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-10 sm:py-12">
					<nav aria-label={t('buy.breadcrumb')}>
						<ol className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
							<li>
								<Link to="/courses" className="font-medium text-brand-700 underline underline-offset-2">
									{t('buy.courses')}
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
							<li aria-current="page">{t('buy.buy')}</li>
						</ol>
					</nav>
					<h1 className="mt-5 text-3xl leading-tight font-bold tracking-tight text-brand-900 sm:text-4xl">
						{t('buy.heading', { title: course.title })}
					</h1>
					<p className="mt-3 max-w-3xl text-lg leading-relaxed text-stone-700">{course.summary}</p>
					<p className="mt-3 text-stone-800">
						{t('buy.includes', { cpd: formatCpdHours(course.cpdMinutes, format.language) })}
					</p>
				</Container>
			</div>

			<Container className="py-10 sm:py-12">
				{demo ? (
					<Notice tone="warning" title={t('buy.demo.title')} className="mb-8">
						{t('buy.demo.body')}
					</Notice>
				) : null}
				<div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
					<section
						aria-labelledby="myself-heading"
						className="rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
					>
						<h2 id="myself-heading" className="text-2xl font-bold tracking-tight text-stone-900">
							{t('buy.myself.heading')}
						</h2>
						<p className="mt-2 text-3xl font-semibold text-stone-900 tabular-nums">{format.price(course.pricePence)}</p>
						<p className="text-sm text-stone-600">{t('buy.myself.place')}</p>
						<ul className="mt-5 space-y-2 text-stone-700">
							{MYSELF_POINTS.map((item) => (
								<li key={item} className="flex gap-2">
									<CheckIcon className="mt-0.5 size-5 shrink-0 text-brand-700" />
									<span>{t(`buy.myself.${item}`)}</span>
								</li>
							))}
						</ul>
						{enrolled ? (
							<div className="mt-6 space-y-4">
								<Notice tone="success" title={t('buy.myself.enrolledTitle')}>
									{t('buy.myself.enrolledBody')}
								</Notice>
								<ButtonLink to={`/learn/${course.slug}`} size="lg" className="w-full">
									{t('buy.myself.goToCourse')}
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
							{t('buy.seats.heading')}
						</h2>
						<p className="mt-2 leading-relaxed text-stone-700">{t('buy.seats.intro')}</p>
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
								<p className="font-semibold text-stone-900">{t('buy.seats.needOrganisation')}</p>
								<p className="mt-2 leading-relaxed text-stone-700">{t('buy.seats.needOrganisationBody')}</p>
								<p className="mt-4">
									<ButtonLink
										to={`/org/new?redirectTo=${encodeURIComponent(`/courses/${course.slug}/buy`)}`}
										variant="secondary"
									>
										{t('buy.seats.create')}
									</ButtonLink>
								</p>
								<p className="mt-4 text-sm leading-relaxed text-stone-700">
									<Trans
										t={t}
										i18nKey="buy.seats.already"
										components={{ contact: <Link to="/contact" className={linkClasses} /> }}
									/>
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
	const { t } = useTranslation('billing')
	const format = useFormat()
	return (
		<Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
			<FormErrors id={form.errorId} errors={form.errors} title={t('buy.myself.failed')} />
			<input type="hidden" name="intent" value="individual" />
			<SubmitButton pending={pending} pendingText={t('buy.myself.opening')} className="w-full">
				{t('buy.myself.submit', { price: format.price(price) })}
			</SubmitButton>
			<p className="text-sm text-stone-600">{demo ? t('buy.nextDemo') : t('buy.nextCard')}</p>
		</Form>
	)
}

/** The course's volume pricing as a table: one row per band of seats. */
function PriceTable({ course }: { course: BuyCourse }) {
	const { t } = useTranslation('billing')
	const format = useFormat()
	const bands = [
		{ minQuantity: 1, unitPricePence: course.pricePence },
		...course.volumeTiers.filter((t) => t.minQuantity > 1),
	]
	return (
		<table className="mt-5 w-full border-collapse text-left">
			<caption className="mb-2 text-left font-semibold text-stone-900">{t('buy.prices.caption')}</caption>
			<thead>
				<tr className="border-b border-stone-300 text-sm text-stone-600">
					<th scope="col" className="py-2 pr-4 font-semibold">
						{t('buy.prices.seats')}
					</th>
					<th scope="col" className="py-2 font-semibold">
						{t('buy.prices.price')}
					</th>
				</tr>
			</thead>
			<tbody>
				{bands.map((band, index) => {
					const next = bands[index + 1]
					const label = next
						? band.minQuantity === next.minQuantity - 1
							? format.number(band.minQuantity)
							: t('buy.prices.range', {
									from: format.number(band.minQuantity),
									to: format.number(next.minQuantity - 1),
								})
						: bands.length === 1
							? t('buy.prices.any', { max: format.number(MAX_QUANTITY) })
							: t('buy.prices.orMore', { from: format.number(band.minQuantity) })
					return (
						<tr key={band.minQuantity} className="border-b border-stone-100">
							<td className="py-2 pr-4 text-stone-800">{label}</td>
							<td className="py-2 font-medium text-stone-900 tabular-nums">{format.price(band.unitPricePence)}</td>
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
	const { t } = useTranslation('billing')
	const format = useFormat()
	const methods = [
		{ value: 'CARD', label: t('buy.seats.card'), hint: t('buy.seats.cardHint') },
		{ value: 'INVOICE', label: t('buy.seats.invoice'), hint: t('buy.seats.invoiceHint') },
	]
	return (
		<Form method="post" {...getFormProps(form)} className="group mt-6 space-y-6 border-t border-stone-200 pt-6">
			<FormErrors id={form.errorId} errors={form.errors} title={t('buy.seats.failed')} />
			<input type="hidden" name="intent" value="seats" />
			<SelectField
				labelProps={{ children: t('buy.seats.organisation') }}
				description={t('buy.seats.organisationHint')}
				selectProps={{
					...getSelectProps(fields.organisationId),
					onChange: (e) => setOrganisationId(e.currentTarget.value),
				}}
				placeholder={organisations.length === 1 ? undefined : t('buy.seats.chooseOrganisation')}
				options={organisations.map((o) => ({ value: o.id, label: o.name }))}
				errors={fields.organisationId.errors}
			/>
			<div>
				<Field
					labelProps={{ children: t('buy.seats.quantity') }}
					description={t('buy.seats.quantityHint', { max: format.number(MAX_QUANTITY) })}
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
							{t('buy.seats.sum', { count: quantity, unit: format.price(unit) })}{' '}
							<strong className="font-semibold tabular-nums">{format.price(unit * quantity)}</strong>
						</>
					) : (
						<span className="text-stone-600">{t('buy.seats.enterNumber')}</span>
					)}
				</p>
			</div>

			<fieldset>
				<legend className="font-semibold text-stone-900">{t('buy.seats.method')}</legend>
				<div className="mt-3 space-y-3">
					{methods.map((option) => {
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

			{/* Shown by CSS whenever "Request an invoice" is ticked, so it works before (or without) JavaScript. */}
			<div className="hidden space-y-6 rounded-xl bg-stone-50 p-5 group-has-[input[name=method][value=INVOICE]:checked]:block">
				<Field
					labelProps={{ children: t('buy.seats.purchaseOrder') }}
					description={t('buy.seats.purchaseOrderHint')}
					inputProps={{ ...getInputProps(fields.purchaseOrderNumber, { type: 'text' }), autoComplete: 'off' }}
					errors={fields.purchaseOrderNumber.errors}
				/>
				<SelectField
					labelProps={{ children: t('buy.seats.terms') }}
					selectProps={getSelectProps(fields.paymentTermsDays)}
					options={PAYMENT_TERMS_DAYS.map((days) => ({
						value: String(days),
						label: t('buy.seats.termsOption', { days }),
					}))}
					errors={fields.paymentTermsDays.errors}
				/>
				<Field
					key={chosen?.id ?? 'none'}
					labelProps={{ children: t('buy.seats.billingEmail') }}
					description={t('buy.seats.billingEmailHint', { email: chosen?.billingEmail ?? buyerEmail })}
					inputProps={{
						...getInputProps(fields.billingEmail, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
					}}
					errors={fields.billingEmail.errors}
				/>
			</div>

			<SubmitButton pending={pending} pendingText={invoice ? t('buy.seats.sendingInvoice') : t('buy.myself.opening')}>
				{/* Both labels are rendered and CSS shows the one for the ticked method, so the button and the
				    next step are right before (or without) JavaScript too. */}
				<span className="group-has-[input[name=method][value=INVOICE]:checked]:hidden">{t('buy.seats.continue')}</span>
				<span className="hidden group-has-[input[name=method][value=INVOICE]:checked]:inline">
					{t('buy.seats.requestInvoice')}
				</span>
			</SubmitButton>
			<p className="text-sm text-stone-600 group-has-[input[name=method][value=INVOICE]:checked]:hidden">
				{demo ? t('buy.nextDemo') : t('buy.seats.nextCard')}
			</p>
			<p className="hidden text-sm text-stone-600 group-has-[input[name=method][value=INVOICE]:checked]:block">
				{demo ? t('buy.seats.nextInvoiceEmailed') : t('buy.seats.nextInvoice')}
			</p>
		</Form>
	)
}

export function ErrorBoundary() {
	const { t } = useTranslation('billing')
	return (
		<GeneralErrorBoundary
			statusHandlers={{
				404: () => (
					<ErrorPage code={404} title={t('buy.notFound.title')}>
						<p>{t('buy.notFound.body')}</p>
						<p>
							<Trans t={t} i18nKey="buy.notFound.all" components={{ courses: <Link to="/courses" /> }} />
						</p>
					</ErrorPage>
				),
			}}
		/>
	)
}
