import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { findSubscriptionByToken, unsubscribeFromNewsletter } from '#modules/newsletter/subscribe.ts'
import type { Route } from './+types/newsletter.unsubscribe.$token'

// The address in every issue's List-Unsubscribe header (RFC 8058) and at its foot. A mail provider's
// one-click POST (body "List-Unsubscribe=One-Click", no cookies) and the button here both reach the
// action; opening the link (a GET, which link scanners do too) changes nothing.

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('unsubscribe.title', { ns: 'newsletter' }),
		t('unsubscribe.description', { ns: 'newsletter' }),
		NOINDEX,
	)
}

/** "s•••@example.org": enough for the person to recognise the address, not to learn someone else's. */
function maskEmail(email: string) {
	const [local = '', domain = ''] = email.split('@')
	return `${local.slice(0, 1)}•••@${domain}`
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
	const navigation = useNavigation()
	const off = Boolean(actionData?.done) || loaderData.alreadyOff
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold text-stone-900">{t('unsubscribe.heading')}</h1>
			{off ? (
				<Notice tone="success" role="status" title={t('unsubscribe.doneTitle')} className="mt-6">
					{t('unsubscribe.done', { email: loaderData.email })}
				</Notice>
			) : (
				<>
					<p className="mt-4 text-stone-700">{t('unsubscribe.intro', { email: loaderData.email })}</p>
					<Form method="post" className="mt-6">
						<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('unsubscribe.pending')}>
							{t('unsubscribe.button')}
						</SubmitButton>
					</Form>
				</>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
