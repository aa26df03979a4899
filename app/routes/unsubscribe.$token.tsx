import { useTranslation } from 'react-i18next'
import { data, Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { maskEmail, OneClickUnsubscribe } from '#app/components/one-click-unsubscribe.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { findUnsubscribeLink, unsubscribeWithToken } from '#modules/reminders/preferences.ts'
import type { Route } from './+types/unsubscribe.$token'
import { Trans } from '#app/utils/trans.tsx'

// The link in a nudge's List-Unsubscribe header (RFC 8058) and at its foot; the page itself is the
// shared OneClickUnsubscribe.

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
	const { t } = useTranslation('public-pages')
	return (
		<OneClickUnsubscribe
			off={Boolean(actionData?.done) || loaderData.alreadyOff}
			words={{
				heading: t('unsubscribe.heading'),
				doneTitle: t('unsubscribe.doneTitle'),
				done: t('unsubscribe.done', { email: loaderData.email }),
				question: t('unsubscribe.question', { email: loaderData.email }),
				button: t('unsubscribe.submit'),
				pending: t('unsubscribe.submitting'),
			}}
		>
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
		</OneClickUnsubscribe>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
