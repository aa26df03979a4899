import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { confirmNewsletterSubscription, findPendingConfirmation } from '#modules/newsletter/subscribe.ts'
import type { Route } from './+types/newsletter.confirm.$token'

// The link in the confirmation email. Opening it (a GET, which mail scanners also do) only shows a
// button; the POST confirms, once (docs/decisions/0042-newsletter.md).

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('confirm.title', { ns: 'newsletter' }), t('confirm.description', { ns: 'newsletter' }), NOINDEX)
}

type State = 'ready' | 'invalid' | 'expired'

export async function loader({ params }: Route.LoaderArgs) {
	if (params.token.length > 100) return { state: 'invalid' as State, email: null }
	const pending = await findPendingConfirmation({ token: params.token, now: new Date() })
	if (!pending) return { state: 'invalid' as State, email: null }
	return { state: (pending.expired ? 'expired' : 'ready') as State, email: pending.email }
}

export async function action({ params, context }: Route.ActionArgs) {
	if (params.token.length > 100) return { done: false, state: 'invalid' as State, preferencesToken: null }
	try {
		const { preferencesToken } = await confirmNewsletterSubscription({
			token: params.token,
			ipAddress: context.clientIp,
			now: new Date(),
		})
		return { done: true, state: 'ready' as State, preferencesToken }
	} catch (error) {
		if (!isDomainError(error)) throw error
		const state: State = error.code === 'CONFIRMATION_LINK_EXPIRED' ? 'expired' : 'invalid'
		return { done: false, state, preferencesToken: null }
	}
}

export default function NewsletterConfirmRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletter')
	const navigation = useNavigation()
	const state = actionData?.state ?? loaderData.state
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold text-stone-900">{t('confirm.heading')}</h1>
			{actionData?.done ? (
				<>
					<Notice tone="success" role="status" title={t('confirm.doneTitle')} className="mt-6">
						{t('confirm.done')}
					</Notice>
					{actionData.preferencesToken ? (
						<p className="mt-6">
							<Link
								to={`/newsletter/preferences/${actionData.preferencesToken}`}
								className="font-medium text-brand-700 underline underline-offset-2"
							>
								{t('confirm.manage')}
							</Link>
						</p>
					) : null}
				</>
			) : state === 'ready' ? (
				<>
					<p className="mt-4 text-stone-700">{t('confirm.intro', { email: loaderData.email })}</p>
					<Form method="post" className="mt-6">
						<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('confirm.pending')}>
							{t('confirm.button')}
						</SubmitButton>
					</Form>
				</>
			) : (
				<>
					<Notice tone="error" role="alert" className="mt-6">
						{state === 'expired' ? t('confirm.expired') : t('confirm.invalid')}
					</Notice>
					<p className="mt-6">
						<Link to="/newsletter/subscribe" className="font-medium text-brand-700 underline underline-offset-2">
							{t('confirm.signUpAgain')}
						</Link>
					</p>
				</>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
