import { getEnv, isRealDeployment } from '#modules/env/env.ts'

/** The one cookie Circle sets: it carries the session token (the database holds only its SHA-256). */
export const SESSION_COOKIE_NAME = 'circle_session'

/** Reads the session token from the request's Cookie header, or null when there is none. */
export function readSessionToken(request: Request) {
	const header = request.headers.get('Cookie')
	if (!header) return null
	for (const part of header.split(';')) {
		const index = part.indexOf('=')
		if (index === -1) continue
		if (part.slice(0, index).trim() !== SESSION_COOKIE_NAME) continue
		const value = part.slice(index + 1).trim()
		return value || null
	}
	return null
}

function attributes(maxAgeSeconds: number, expires: Date) {
	const parts = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, `Expires=${expires.toUTCString()}`]
	// Plain http://localhost in development, tests and the demo; HTTPS in a real deployment (ADR 0052).
	if (isRealDeployment(getEnv())) parts.push('Secure')
	return parts.join('; ')
}

/**
 * The Set-Cookie value that stores a session token until the session's expiry. The token is
 * lower-case base32, so it needs no encoding.
 */
export function serialiseSessionCookie({ token, expiresAt }: { token: string; expiresAt: Date }) {
	const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000))
	return `${SESSION_COOKIE_NAME}=${token}; ${attributes(maxAge, expiresAt)}`
}

/** The Set-Cookie value that removes the session cookie. */
export function serialiseClearedSessionCookie() {
	return `${SESSION_COOKIE_NAME}=; ${attributes(0, new Date(0))}`
}
