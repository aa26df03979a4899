import { useTranslation } from 'react-i18next'
import { data, Link } from 'react-router'
import { Notice } from '#app/components/ui/notice.tsx'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { domainErrorInit } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { clearSsoStateCookie, readSsoState, ssoRedirectUri } from '#app/utils/sso.server.ts'
import { completeSsoSignIn } from '#modules/sso/sign-in.ts'
import type { Route } from './+types/_auth.sso.callback'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('ssoCallback.metaTitle', { ns: 'auth' }), t('ssoCallback.metaDescription', { ns: 'auth' }), NOINDEX)
}

type Outcome = { status: 'link-sent'; email: string; organisationName: string } | { status: 'error'; message: string }

/**
 * Where identity providers send people back. The state cookie is used up here whatever happens;
 * a sign-in answers through redirectAfterSignIn (so a second factor is asked for when needed), and
 * every refusal is a page with its reason, never a 500.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const headers = { 'Set-Cookie': clearSsoStateCookie(), 'Cache-Control': 'no-store' }
	const { deviceCookie, ...origin } = signInOrigin(request, context)
	try {
		const outcome = await completeSsoSignIn({
			callbackUrl: new URL(request.url),
			expectedState: readSsoState(request),
			redirectUri: ssoRedirectUri(),
			...origin,
		})
		if (outcome.kind === 'link-sent') {
			return data(
				{ status: 'link-sent', email: outcome.email, organisationName: outcome.organisationName } as Outcome,
				{
					headers,
				},
			)
		}
		const response = redirectAfterSignIn(outcome.result, undefined, { deviceCookie })
		response.headers.append('Set-Cookie', clearSsoStateCookie())
		return response
	} catch (error) {
		if (!isDomainError(error)) throw error
		return data({ status: 'error', message: error.message } as Outcome, domainErrorInit(error, headers))
	}
}

export default function SsoCallbackRoute({ loaderData }: Route.ComponentProps) {
	const outcome = loaderData as Outcome
	const { t } = useTranslation('auth')
	if (outcome.status === 'link-sent') {
		return (
			<>
				<h1 className="text-3xl font-bold text-stone-900">{t('ssoCallback.checkEmail')}</h1>
				<Notice tone="info" role="status" className="mt-6">
					{t('ssoCallback.linkSent', { email: outcome.email, organisation: outcome.organisationName })}
				</Notice>
				<p className="mt-6 text-stone-700">
					<Trans
						t={t}
						i18nKey="ssoCallback.orPassword"
						components={{
							login: (
								<Link
									to="/login"
									className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
								/>
							),
						}}
					/>
				</p>
			</>
		)
	}
	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">{t('ssoCallback.failed')}</h1>
			<Notice tone="error" role="alert" className="mt-6">
				{outcome.message}
			</Notice>
			<p className="mt-6 text-stone-700">
				<Link to="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('ssoCallback.backToLogIn')}
				</Link>
			</p>
		</>
	)
}
