import { redirect } from 'react-router'
import { appUrl, getEnv, isRealDeployment } from '#modules/env/env.ts'
import { findSsoForEmail } from '#modules/sso/domains.ts'
import { startSsoSignIn } from '#modules/sso/sign-in.ts'
import { safeRedirectTo } from './auth.server.ts'

/**
 * The cookie that ties a single sign-on to the browser that started it: it holds the `state`, and
 * the callback passes it to openid-client as the expected state, so a callback URL made in another
 * browser (login CSRF) or for another sign-in is refused. Path=/sso, HttpOnly, ten minutes.
 */
export const SSO_STATE_COOKIE = 'circle_sso'

function stateCookie(value: string, maxAgeSeconds: number) {
	const parts = [`${SSO_STATE_COOKIE}=${value}`, 'Path=/sso', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
	if (isRealDeployment(getEnv())) parts.push('Secure')
	return parts.join('; ')
}

export function readSsoState(request: Request) {
	for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
		const index = part.indexOf('=')
		if (index !== -1 && part.slice(0, index).trim() === SSO_STATE_COOKIE) return part.slice(index + 1).trim() || null
	}
	return null
}

export function clearSsoStateCookie() {
	return stateCookie('', 0)
}

/** Circle's redirect URI, as registered at each provider: `<APP_URL>/sso/callback`. */
export function ssoRedirectUri() {
	return `${appUrl()}/sso/callback`
}

/**
 * Home-realm discovery: when the address's domain is verified by an organisation with an enabled
 * provider, the redirect that sends the browser there (with the state cookie); otherwise null.
 */
export async function ssoRedirectFor({
	email,
	redirectTo,
	ipAddress,
}: {
	email: string
	redirectTo?: string | null
	ipAddress?: string | null
}) {
	const realm = await findSsoForEmail(email)
	if (!realm) return null
	const started = await startSsoSignIn({
		providerId: realm.providerId,
		redirectUri: ssoRedirectUri(),
		redirectTo: redirectTo ? safeRedirectTo(redirectTo) : null,
		loginHint: email,
		ipAddress,
	})
	const maxAge = Math.floor((started.expiresAt.getTime() - Date.now()) / 1000)
	return redirect(started.url, { headers: { 'Set-Cookie': stateCookie(started.state, maxAge) } })
}
