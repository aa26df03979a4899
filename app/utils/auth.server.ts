import { data, redirect } from 'react-router'
import {
	invalidateSession,
	type SessionUser,
	type ValidatedSession,
	validateSessionToken,
} from '#modules/auth/sessions.ts'
import type { Role } from '#modules/db/client.ts'
import { DEFAULT_SIGNED_IN_PATH } from './paths.ts'
import { readSessionToken, serialiseClearedSessionCookie, serialiseSessionCookie } from './session.server.ts'

export type { SessionUser }

// Where signed-in users land after logging in or signing up, and when they visit /login. It lives in
// a plain module because components (client code) link to it too.
export { DEFAULT_SIGNED_IN_PATH }

// One validation per request, however many loaders ask (root, layout and page loaders all do).
const sessionCache = new WeakMap<Request, Promise<ValidatedSession | null>>()

/** The validated session and user behind the request's cookie, or null. Cached per Request. */
export function getAuthSession(request: Request): Promise<ValidatedSession | null> {
	let cached = sessionCache.get(request)
	if (!cached) {
		const token = readSessionToken(request)
		cached = token ? validateSessionToken(token) : Promise.resolve(null)
		sessionCache.set(request, cached)
	}
	return cached
}

/** The signed-in user, or null for visitors. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
	return (await getAuthSession(request))?.user ?? null
}

/** Where a person who must use a second factor and has none sets one up. */
export const MFA_SETUP_PATH = '/account/security'
/** The pages a person who must set up a second factor can still reach: setting it up, and leaving. */
const MFA_EXEMPT_PATHS = [MFA_SETUP_PATH, '/logout']

/** The page a request is for, without React Router's `.data` suffix on its data requests. */
function pagePath(request: Request) {
	const path = new URL(request.url).pathname.replace(/\.data$/, '').replace(/\/+$/, '')
	return path === '' ? '/' : path
}

/**
 * The MFA gate, for every protected page (everything that calls requireAuthSession, requireUser
 * or requireRole, so the org pages, /admin and /studio too):
 * - when Circle's rule (modules/mfa/policy.ts) says the person must use a second factor and they
 *   have none, every page but /account/security (and its sub-pages and actions) and /logout sends
 *   them to /account/security?setup=required;
 * - when they have one but this session never proved it (a session begun before they enrolled in
 *   another browser, or an SSO sign-in whose provider did not do MFA), the session is ended and
 *   they sign in again, which asks for the second factor (beginSignIn issues a challenge).
 */
async function enforceMfa(request: Request, auth: ValidatedSession) {
	if (!auth.user.mfaRequired) return
	const path = pagePath(request)
	if (!auth.user.mfaEnrolled) {
		if (MFA_EXEMPT_PATHS.some((exempt) => path === exempt || path.startsWith(`${exempt}/`))) return
		throw redirect(`${MFA_SETUP_PATH}?setup=required`)
	}
	if (!auth.session.mfaVerified) {
		if (path === '/logout') return
		await invalidateSession(auth.session.id)
		sessionCache.delete(request)
		const back = safeRedirectTo(`${path}`, '/')
		const search = new URLSearchParams({ reason: 'second-factor', ...(back !== '/' ? { redirectTo: back } : {}) })
		throw redirect(`/login?${search}`, { headers: { 'Set-Cookie': serialiseClearedSessionCookie() } })
	}
}

/**
 * The signed-in session and user; visitors are redirected to /login with a `redirectTo` back to
 * this page (or to `redirectTo` when given; pass null for no way back). People who must use a
 * second factor and have not are sent to set one up, or to sign in with it (see enforceMfa).
 */
export async function requireAuthSession(
	request: Request,
	{ redirectTo }: { redirectTo?: string | null } = {},
): Promise<ValidatedSession> {
	const auth = await getAuthSession(request)
	if (auth) {
		await enforceMfa(request, auth)
		return auth
	}
	const url = new URL(request.url)
	// React Router's own parameters (v8_passThroughRequests leaves them on the request) are not part of the page.
	url.searchParams.delete('_routes')
	url.searchParams.delete('index')
	const back = redirectTo === undefined ? `${url.pathname}${url.search}` : redirectTo
	const search = back && back !== '/' ? `?${new URLSearchParams({ redirectTo: safeRedirectTo(back, '/') })}` : ''
	// A cookie that did not validate (expired, ended, tampered with) is removed on the way.
	const headers = readSessionToken(request) ? { 'Set-Cookie': serialiseClearedSessionCookie() } : undefined
	throw redirect(`/login${search}`, { headers })
}

/**
 * For the JSON endpoints a page calls (the video player's progress, reflection autosave, adding a
 * passkey): the signed-in session after the same MFA gate as every page (requireAuthSession), or
 * else a 401 to answer with, `{ code: 'UNAUTHENTICATED', message }`. There is no page to send a
 * fetch or a beacon to; when the gate ended the session, the 401 clears its cookie.
 */
export async function requireApiSession(request: Request, message: string): Promise<ValidatedSession | Response> {
	try {
		return await requireAuthSession(request, { redirectTo: null })
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown
		const headers = new Headers({ 'Cache-Control': 'private, no-store' })
		const cleared = thrown.headers.get('Set-Cookie')
		if (cleared) headers.set('Set-Cookie', cleared)
		return Response.json({ code: 'UNAUTHENTICATED', message }, { status: 401, headers })
	}
}

/** The signed-in user; visitors are redirected to /login?redirectTo=<this page>. */
export async function requireUser(request: Request, options: { redirectTo?: string | null } = {}) {
	return (await requireAuthSession(request, options)).user
}

/** The signed-in user's id; visitors are redirected to /login. */
export async function requireUserId(request: Request, options: { redirectTo?: string | null } = {}) {
	return (await requireUser(request, options)).id
}

const ROLE_RANK: Record<Role, number> = { LEARNER: 0, TRAINER: 1, ADMIN: 2 }

/**
 * The signed-in user if their platform role is at least `role` (an ADMIN may do whatever a
 * TRAINER may); otherwise a 403. Visitors are redirected to /login first.
 */
export async function requireRole(request: Request, role: 'TRAINER' | 'ADMIN') {
	const user = await requireUser(request)
	if (ROLE_RANK[user.role] < ROLE_RANK[role]) {
		throw data({ message: 'You do not have permission to see this page.' }, { status: 403 })
	}
	return user
}

/** For pages only visitors need (log in, sign up): signed-in users go to their dashboard. */
export async function requireAnonymous(request: Request) {
	if (await getAuthSession(request)) throw redirect(DEFAULT_SIGNED_IN_PATH)
}

/** The Set-Cookie value that starts `session` in the browser. */
export function commitSessionCookie(session: { token: string; expiresAt: Date }) {
	return serialiseSessionCookie(session)
}

/** The Set-Cookie value that removes the session cookie. */
export function destroySessionCookie() {
	return serialiseClearedSessionCookie()
}

/** Redirects to `to` (made safe) with the cookie of a session that has just started. */
export function redirectWithSession(to: string, session: { token: string; expiresAt: Date }) {
	return redirect(safeRedirectTo(to), { headers: { 'Set-Cookie': commitSessionCookie(session) } })
}

/** Ends the request's session (deletes its row) and returns the Set-Cookie value that clears it. */
export async function endSession(request: Request) {
	const auth = await getAuthSession(request)
	if (auth) await invalidateSession(auth.session.id)
	sessionCache.delete(request)
	return destroySessionCookie()
}

/**
 * Headers for the root loader: they re-send the cookie when this request extended the session
 * (sliding expiry), and remove a cookie whose session no longer exists. React Router merges a
 * loader's Set-Cookie headers into the document response, so one call in the root loader keeps
 * every page's cookie in step: `return data(…, { headers: await sessionCookieHeaders(request) })`.
 */
export async function sessionCookieHeaders(request: Request) {
	const headers = new Headers()
	const token = readSessionToken(request)
	if (!token) return headers
	const auth = await getAuthSession(request)
	if (!auth) headers.append('Set-Cookie', destroySessionCookie())
	else if (auth.session.fresh)
		headers.append('Set-Cookie', commitSessionCookie({ token, expiresAt: auth.session.expiresAt }))
	return headers
}

const REDIRECT_BASE = 'http://circle.invalid'

/**
 * Makes a user-supplied redirect target safe: only a path on this site is kept, anything else
 * (`//evil.com`, `https://evil.com`, `/\evil.com`, `javascript:…`, a tab or newline that browsers
 * strip) becomes `fallback`. The value is parsed the way a browser would parse it, and the
 * normalised path is what is returned.
 */
export function safeRedirectTo(value: unknown, fallback: string = DEFAULT_SIGNED_IN_PATH): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return fallback
	let url: URL
	try {
		url = new URL(value, REDIRECT_BASE)
	} catch {
		return fallback
	}
	if (url.origin !== REDIRECT_BASE) return fallback
	const path = `${url.pathname}${url.search}${url.hash}`
	// `/.//evil.com` normalises to `//evil.com`, which a browser reads as another host.
	if (path.startsWith('//') || path.startsWith('/\\')) return fallback
	return path
}
