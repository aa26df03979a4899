import { Trans, useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { findUnsubscribeLink, unsubscribeWithToken } from '#modules/reminders/preferences.ts'
import type { Route } from './+types/unsubscribe.$token'

// The link in a nudge's List-Unsubscribe header (RFC 8058) and at its foot. A mail provider's
// one-click POST (body "List-Unsubscribe=One-Click", no cookies) and the button on this page both
// reach the action; opening the link (a GET, which link scanners do too) changes nothing.

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('unsubscribe.metaTitle', { ns: 'public-pages' }),
		t('unsubscribe.metaDescription', { ns: 'public-pages' }),
		NOINDEX,
	)
}

const notFound = async (request: Request) => {
	const t = await getT(request)
	return data({ message: t('unsubscribe.invalid', { ns: 'public-pages' }) }, { status: 404 })
}

/** "s•••@example.org": enough for the person to recognise the address, not to learn someone else's. */
function maskEmail(email: string) {
	const [local = '', domain = ''] = email.split('@')
	return `${local.slice(0, 1)}•••@${domain}`
}

export async function loader({ params, request }: Route.LoaderArgs) {
	if (params.token.length > 100) throw await notFound(request)
	const link = await findUnsubscribeLink({ token: params.token })
	if (!link) throw await notFound(request)
	return { email: maskEmail(link.email), alreadyOff: link.optionalOff }
}

export async function action({ params, request, context }: Route.ActionArgs) {
	if (params.token.length > 100) throw await notFound(request)
	await withDomainErrors(() =>
		unsubscribeWithToken({
			token: params.token,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		}),
	)
	return { done: true }
}

export default function UnsubscribeRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('public-pages')
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
					<p className="mt-4 text-stone-700">{t('unsubscribe.question', { email: loaderData.email })}</p>
					<Form method="post" className="mt-6">
						<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('unsubscribe.submitting')}>
							{t('unsubscribe.submit')}
						</SubmitButton>
					</Form>
				</>
			)}
			<p className="mt-8 text-stone-700">
				<Trans
					t={t}
					i18nKey="unsubscribe.settings"
					components={{
						settings: (
							<Link to="/account/reminders" className="font-medium text-brand-700 underline underline-offset-2" />
						),
					}}
				/>
			</p>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
