import { SESSION_COOKIE_NAME } from '#app/utils/session.server.ts'
import { createSession } from '#modules/auth/sessions.ts'

/** A Cookie header for a fresh session of `userId`, for route tests with real Requests. */
export async function sessionCookie(userId: string) {
	const { token } = await createSession({ userId })
	return `${SESSION_COOKIE_NAME}=${token}`
}
