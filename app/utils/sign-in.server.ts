import { redirect } from 'react-router'
import type { SignInResult } from '#modules/auth/sign-in.ts'
import { generateSessionToken, hashToken } from '#modules/auth/tokens.ts'
import { getEnv, isRealDeployment } from '#modules/env/env.ts'
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
	if (isRealDeployment(getEnv())) parts.push('Secure')
	return parts.join('; ')
}

function readCookie(request: Request, name: string) {
	for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
		const index = part.indexOf('=')
		if (index !== -1 && part.slice(0, index).trim() === name) {
			return part.slice(index + 1).trim() || null
		}
	}
	return null
}

/** The challenge token from the request's cookie, or null. */
export function readSignInChallengeToken(request: Request) {
	return readCookie(request, SIGN_IN_CHALLENGE_COOKIE)
}

/**
 * The browser's long-lived, random device id (only its SHA-256 is stored, on the session and in
 * KnownDevice), so that a sign-in from a browser the person has not used before can be told apart
 * and emailed about. Set (or refreshed) at every sign-in.
 */
export const DEVICE_COOKIE = 'circle_device'
/** 400 days, the longest a browser keeps a cookie. */
const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60

/**
 * Where a sign-in comes from, for beginSignIn/completeSignIn (spread it into their options): the
 * IP address, the browser, and the hash of its device cookie (a new random one when it has none).
 * `deviceCookie` is the Set-Cookie value to give to redirectAfterSignIn.
 */
export function signInOrigin(request: Request, context: { clientIp: string }) {
	const existing = readCookie(request, DEVICE_COOKIE)
	const device = existing && /^[a-z2-7]{32}$/.test(existing) ? existing : generateSessionToken()
	const parts = [
		`${DEVICE_COOKIE}=${device}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Lax',
		`Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`,
	]
	if (isRealDeployment(getEnv())) parts.push('Secure')
	return {
		ipAddress: context.clientIp,
		userAgent: request.headers.get('User-Agent'),
		deviceId: hashToken(device),
		deviceCookie: parts.join('; '),
	}
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
export function redirectAfterSignIn(
	result: SignInResult,
	redirectTo?: string | null,
	{ deviceCookie }: { deviceCookie?: string | null } = {},
) {
	let response: Response
	if (result.kind === 'session') {
		response = redirectWithSession(safeRedirectTo(redirectTo ?? result.redirectTo ?? undefined), result.session)
	} else {
		const maxAge = Math.max(1, Math.floor((result.challenge.expiresAt.getTime() - Date.now()) / 1000))
		response = redirect(SECOND_FACTOR_PATH, {
			headers: { 'Set-Cookie': challengeCookie(result.challenge.token, maxAge) },
		})
	}
	if (deviceCookie) response.headers.append('Set-Cookie', deviceCookie)
	return response
}
