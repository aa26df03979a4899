import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { NewsletterPreferencesPanel } from '#app/components/newsletter/preferences-panel.tsx'
import { NewsletterSignupForm } from '#app/components/newsletter/signup-form.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { handleNewsletterPreferences } from '#app/utils/newsletter-preferences.server.ts'
import { findSubscriptionForUser } from '#modules/newsletter/subscribe.ts'
import type { Route } from './+types/account.newsletter'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('account.title', { ns: 'newsletter' }), t('account.description', { ns: 'newsletter' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const subscription = await findSubscriptionForUser({ userId: user.id })
	return {
		email: user.email,
		subscription: subscription
			? {
					email: subscription.email,
					status: subscription.status,
					sectors: subscription.sectors,
					suppressedAt: subscription.suppressedAt,
					suppressedReason: subscription.suppressedReason,
				}
			: null,
	}
}

/** The signed-in person's own subscription (found by their address): interests or unsubscribe. */
export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const subscription = await findSubscriptionForUser({ userId: user.id })
	if (!subscription) return { saved: undefined }
	return handleNewsletterPreferences({
		formData: await request.formData(),
		token: subscription.unsubscribeToken,
		source: 'account',
		ipAddress: context.clientIp,
	})
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export default function AccountNewsletterRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletter')
	const { subscription } = loaderData
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('account.heading')}</h2>
			{subscription ? (
				<NewsletterPreferencesPanel {...subscription} actionData={actionData} />
			) : (
				<>
					<p className="mt-2 text-stone-700">{t('account.none', { email: loaderData.email })}</p>
					<NewsletterSignupForm source="account" className="mt-6 border border-stone-200" />
				</>
			)}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
