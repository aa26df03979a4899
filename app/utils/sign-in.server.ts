import { redirect } from 'react-router'
import type { SignInResult } from '#modules/auth/sign-in.ts'
import { getEnv } from '#modules/env/env.ts'
import { redirectWithSession, safeRedirectTo } from './auth.server.ts'

/**
 * The cookie that carries a sign-in waiting for its second factor. Scoped to /login, so it only
 * travels to the second-step pages, and short-lived like the challenge it names.
 */
export const SIGN_IN_CHALLENGE_COOKIE = 'circle_signin'
/** Where a challenged sign-in goes for its second factor. */
export const SECOND_FACTOR_PATH = '/login/verify'

function challengeCookie(value: string, maxAgeSeconds: number) {
	const parts = [
		`${SIGN_IN_CHALLENGE_COOKIE}=${value}`,
		'Path=/login',
		'HttpOnly',
		'SameSite=Lax',
		`Max-Age=${maxAgeSeconds}`,
	]
	if (getEnv().NODE_ENV === 'production') parts.push('Secure')
	return parts.join('; ')
}

/** The challenge token from the request's cookie, or null. */
export function readSignInChallengeToken(request: Request) {
	for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
		const index = part.indexOf('=')
		if (index !== -1 && part.slice(0, index).trim() === SIGN_IN_CHALLENGE_COOKIE) {
			return part.slice(index + 1).trim() || null
		}
	}
	return null
}

/** The Set-Cookie value that removes the challenge cookie (once used, or abandoned). */
export function clearSignInChallengeCookie() {
	return challengeCookie('', 0)
}

/**
 * Turns any sign-in's result into its response: a session goes on to `redirectTo` (made safe),
 * a challenge goes to the second-factor page with its cookie. Every sign-in route (password, SSO
 * callback, passkey, sign-up, reset) answers through this, so none can skip the second factor.
 */
export function redirectAfterSignIn(result: SignInResult, redirectTo?: string | null) {
	if (result.kind === 'session') {
		return redirectWithSession(safeRedirectTo(redirectTo ?? result.redirectTo ?? undefined), result.session)
	}
	const maxAge = Math.max(1, Math.floor((result.challenge.expiresAt.getTime() - Date.now()) / 1000))
	return redirect(SECOND_FACTOR_PATH, {
		headers: { 'Set-Cookie': challengeCookie(result.challenge.token, maxAge) },
	})
}
