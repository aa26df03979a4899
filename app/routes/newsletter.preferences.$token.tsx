import { useTranslation } from 'react-i18next'
import { data } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { NewsletterPreferencesPanel } from '#app/components/newsletter/preferences-panel.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { handleNewsletterPreferences } from '#app/utils/newsletter-preferences.server.ts'
import { findSubscriptionByToken } from '#modules/newsletter/subscribe.ts'
import type { Route } from './+types/newsletter.preferences.$token'

// Reached from the link at the foot of every issue and after confirming: the token in the link is
// the subscription's own secret, so no sign-in is needed.

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('preferences.title', { ns: 'newsletter' }),
		t('preferences.description', { ns: 'newsletter' }),
		NOINDEX,
	)
}

async function subscriptionOr404(request: Request, token: string) {
	const subscription = await findSubscriptionByToken({ token })
	if (!subscription) {
		const t = await getT(request)
		throw data({ message: t('unsubscribe.notFound', { ns: 'newsletter' }) }, { status: 404 })
	}
	return subscription
}

export async function loader({ params, request }: Route.LoaderArgs) {
	const { email, status, sectors, suppressedAt, suppressedReason } = await subscriptionOr404(request, params.token)
	return { email, status, sectors, suppressedAt, suppressedReason }
}

export async function action({ params, request, context }: Route.ActionArgs) {
	const subscription = await subscriptionOr404(request, params.token)
	return handleNewsletterPreferences({
		formData: await request.formData(),
		token: subscription.unsubscribeToken,
		source: 'preferences',
		ipAddress: context.clientIp,
	})
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export default function NewsletterPreferencesRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletter')
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold text-stone-900">{t('preferences.heading')}</h1>
			<NewsletterPreferencesPanel {...loaderData} actionData={actionData} />
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
