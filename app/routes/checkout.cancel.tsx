import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import type { Route } from './+types/checkout.cancel'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Checkout cancelled | Circle',
		'Your checkout was cancelled and no payment was taken. You can go back to the course at any time.',
		NOINDEX,
	)

/** Stripe's cancel_url (and the demo checkout's Cancel): nothing to look up, only a way back. */
export function loader({ request }: Route.LoaderArgs) {
	const params = new URL(request.url).searchParams
	const programme = params.get('programme') ?? ''
	const course = params.get('course') ?? ''
	// Only a slug makes a link back; anything else is ignored rather than echoed into a URL.
	const slug = (value: string) => (/^[a-z0-9][a-z0-9-]{0,100}$/.test(value) ? value : null)
	const programmeSlug = slug(programme)
	if (programmeSlug) {
		const page = `/programmes/${programmeSlug}`
		return { buyUrl: page, pageUrl: page, backLabel: 'Back to the programme' }
	}
	const courseSlug = slug(course)
	return courseSlug
		? { buyUrl: `/courses/${courseSlug}/buy`, pageUrl: `/courses/${courseSlug}`, backLabel: 'Back to the course' }
		: null
}

export default function CheckoutCancelledRoute({ loaderData }: Route.ComponentProps) {
	const back = loaderData
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Checkout cancelled</h1>
			<p className="mt-4 text-lg leading-relaxed text-stone-700">
				You left the checkout before paying, so nothing has been charged and nothing was bought.
			</p>
			<p className="mt-8 flex flex-wrap items-center gap-x-6 gap-y-4">
				{back ? (
					<>
						<ButtonLink to={back.buyUrl} size="lg">
							Return to the purchase
						</ButtonLink>
						<Link to={back.pageUrl} className="font-semibold text-brand-700 underline underline-offset-2">
							{back.backLabel}
						</Link>
					</>
				) : (
					<ButtonLink to="/courses" size="lg">
						Browse courses
					</ButtonLink>
				)}
			</p>
			<p className="mt-8 text-stone-700">
				Had a problem paying?{' '}
				<Link to="/contact" className="font-semibold text-brand-700 underline underline-offset-2">
					Get in touch
				</Link>{' '}
				and we will help. Organisations can also ask for an invoice.
			</p>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
