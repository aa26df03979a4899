import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { cancelDemoCheckout, completeDemoCheckout, getDemoCheckout } from '#modules/billing/demo-checkout.ts'
import { DemoCheckoutSchema } from '#modules/billing/schemas.ts'
import type { Route } from './+types/checkout.demo.$orderId'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('demoCheckout.meta.title', { ns: 'billing' }),
		t('demoCheckout.meta.description', { ns: 'billing' }),
		NOINDEX,
	)
}

/**
 * The stand-in for Stripe Checkout when no STRIPE_SECRET_KEY is set: its buyer only (404 for
 * anyone else), and never in production or once Stripe is configured (404: see demo-checkout.ts).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const checkout = await withDomainErrors(() => getDemoCheckout({ orderId: params.orderId, userId: user.id }))
	if (checkout.status === 'PAID') throw redirect(`/checkout/success?order=${encodeURIComponent(checkout.id)}`)
	return { checkout }
}

/** Pay completes the order through the same fulfilment as a Stripe payment; Cancel closes it. */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: DemoCheckoutSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		if (submission.value.intent === 'pay') {
			await completeDemoCheckout({ orderId: params.orderId, userId: user.id })
			return redirect(`/checkout/success?order=${encodeURIComponent(params.orderId)}`, 303)
		}
		const { product } = await cancelDemoCheckout({ orderId: params.orderId, userId: user.id })
		return redirect(`/checkout/cancel?${product.kind}=${encodeURIComponent(product.slug)}`, 303)
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function DemoCheckoutRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { checkout } = loaderData
	const navigation = useNavigation()
	const submitting = navigation.state !== 'idle' ? navigation.formData?.get('intent') : null
	const [form] = useForm({ id: 'demo-checkout', lastResult: actionData?.result })
	const open = checkout.status === 'PENDING'
	const { t } = useTranslation('billing')
	const format = useFormat()
	return (
		<Container width="prose" className="py-10 sm:py-14">
			<div className="rounded-2xl border-4 border-dashed border-accent-600 bg-accent-50 p-5 text-accent-950 sm:p-6">
				<p className="text-sm font-bold tracking-wide uppercase">{t('demoCheckout.badge')}</p>
				<h1 className="mt-1 text-3xl font-bold tracking-tight">{t('demoCheckout.heading')}</h1>
				<p className="mt-2 leading-relaxed">{t('demoCheckout.intro')}</p>
			</div>

			<section
				aria-labelledby="summary-heading"
				className="mt-8 rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
			>
				<h2 id="summary-heading" className="text-xl font-semibold text-stone-900">
					{t('demoCheckout.summary')}
				</h2>
				<dl className="mt-4 divide-y divide-stone-100 text-stone-800">
					<div className="flex justify-between gap-4 py-2">
						<dt className="text-stone-600">
							{checkout.product.kind === 'programme' ? t('demoCheckout.programme') : t('demoCheckout.course')}
						</dt>
						<dd className="text-right font-medium">{checkout.courseTitle}</dd>
					</div>
					<div className="flex justify-between gap-4 py-2">
						<dt className="text-stone-600">
							{checkout.organisation ? t('demoCheckout.seats') : t('demoCheckout.places')}
						</dt>
						<dd className="text-right font-medium">
							{checkout.organisation
								? t('demoCheckout.seatsFor', { count: checkout.quantity, name: checkout.organisation.name })
								: t('demoCheckout.placeForYou')}
						</dd>
					</div>
					<div className="flex justify-between gap-4 py-2">
						<dt className="text-stone-600">{t('demoCheckout.reference')}</dt>
						<dd className="text-right font-medium">{checkout.reference}</dd>
					</div>
					<div className="flex justify-between gap-4 py-2">
						<dt className="text-stone-600">{t('demoCheckout.total')}</dt>
						<dd className="text-right text-xl font-semibold tabular-nums">{format.price(checkout.amountPence)}</dd>
					</div>
				</dl>

				{open ? (
					<Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
						<FormErrors id={form.errorId} errors={form.errors} title={t('demoCheckout.failed')} />
						<div className="flex flex-col gap-3 sm:flex-row">
							<SubmitButton
								name="intent"
								value="pay"
								pending={submitting === 'pay'}
								pendingText={t('demoCheckout.completing')}
							>
								{t('demoCheckout.pay', { amount: format.price(checkout.amountPence) })}
							</SubmitButton>
							<Button type="submit" name="intent" value="cancel" variant="secondary" className="w-full sm:w-auto">
								{t('demoCheckout.cancel')}
							</Button>
						</div>
					</Form>
				) : (
					<div className="mt-6 space-y-3 text-stone-800" role="status">
						<p className="font-semibold">{t('demoCheckout.closed')}</p>
						<p>
							<Link to={checkout.product.buyUrl} className="font-semibold text-brand-700 underline underline-offset-2">
								{t('demoCheckout.startAgain')}
							</Link>
						</p>
					</div>
				)}
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
