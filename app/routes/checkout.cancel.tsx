import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import type { Route } from './+types/checkout.cancel'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('checkoutCancel.meta.title', { ns: 'catalogue' }),
		t('checkoutCancel.meta.description', { ns: 'catalogue' }),
		NOINDEX,
	)
}

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
		return { buyUrl: page, pageUrl: page, back: 'programme' as const }
	}
	const courseSlug = slug(course)
	return courseSlug
		? { buyUrl: `/courses/${courseSlug}/buy`, pageUrl: `/courses/${courseSlug}`, back: 'course' as const }
		: null
}

export default function CheckoutCancelledRoute({ loaderData }: Route.ComponentProps) {
	const back = loaderData
	const { t } = useTranslation('catalogue')
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t('checkoutCancel.title')}</h1>
			<p className="mt-4 text-lg leading-relaxed text-stone-700">{t('checkoutCancel.body')}</p>
			<p className="mt-8 flex flex-wrap items-center gap-x-6 gap-y-4">
				{back ? (
					<>
						<ButtonLink to={back.buyUrl} size="lg">
							{t('checkoutCancel.return')}
						</ButtonLink>
						<Link to={back.pageUrl} className="font-semibold text-brand-700 underline underline-offset-2">
							{back.back === 'programme' ? t('checkoutCancel.backToProgramme') : t('checkoutCancel.backToCourse')}
						</Link>
					</>
				) : (
					<ButtonLink to="/courses" size="lg">
						{t('checkoutCancel.browse')}
					</ButtonLink>
				)}
			</p>
			<p className="mt-8 text-stone-700">
				<Trans
					t={t}
					i18nKey="checkoutCancel.help"
					components={[
						<Link key="contact" to="/contact" className="font-semibold text-brand-700 underline underline-offset-2" />,
					]}
				/>
			</p>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
