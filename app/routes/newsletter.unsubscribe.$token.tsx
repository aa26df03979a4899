import { useTranslation } from 'react-i18next'
import { data } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { maskEmail, OneClickUnsubscribe } from '#app/components/one-click-unsubscribe.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { findSubscriptionByToken, unsubscribeFromNewsletter } from '#modules/newsletter/subscribe.ts'
import type { Route } from './+types/newsletter.unsubscribe.$token'

// The address in every issue's List-Unsubscribe header (RFC 8058) and at its foot; the page itself is
// the shared OneClickUnsubscribe.

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('unsubscribe.title', { ns: 'newsletter' }),
		t('unsubscribe.description', { ns: 'newsletter' }),
		NOINDEX,
	)
}

async function notFound(request: Request) {
	const t = await getT(request)
	return data({ message: t('unsubscribe.notFound', { ns: 'newsletter' }) }, { status: 404 })
}

export async function loader({ params, request }: Route.LoaderArgs) {
	const subscription = await findSubscriptionByToken({ token: params.token })
	if (!subscription) throw await notFound(request)
	return { email: maskEmail(subscription.email), alreadyOff: subscription.status === 'UNSUBSCRIBED' }
}

export async function action({ params, request, context }: Route.ActionArgs) {
	if (!(await findSubscriptionByToken({ token: params.token }))) throw await notFound(request)
	await withDomainErrors(() =>
		unsubscribeFromNewsletter({
			token: params.token,
			source: 'one-click',
			ipAddress: context.clientIp,
			now: new Date(),
		}),
	)
	return { done: true }
}

export default function NewsletterUnsubscribeRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletter')
	return (
		<OneClickUnsubscribe
			off={Boolean(actionData?.done) || loaderData.alreadyOff}
			words={{
				heading: t('unsubscribe.heading'),
				doneTitle: t('unsubscribe.doneTitle'),
				done: t('unsubscribe.done', { email: loaderData.email }),
				question: t('unsubscribe.intro', { email: loaderData.email }),
				button: t('unsubscribe.button'),
				pending: t('unsubscribe.pending'),
			}}
		/>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
