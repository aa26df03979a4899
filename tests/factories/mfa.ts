import { createSession } from '#modules/auth/sessions.ts'
import { hashToken } from '#modules/auth/tokens.ts'
import { confirmTotpEnrolment, startTotpEnrolment, totpCodeAt } from '#modules/mfa/totp.ts'

/**
 * Enrols an authenticator app for `userId` through the real code path (start, then confirm with
 * the code of `now`, in a session of theirs). Returns the secret (to compute later codes), the
 * recovery codes and the enrolling session's token. Later codes must be of a later step than `now`'s.
 */
export async function enrolTotp(userId: string, { now = new Date(Date.now() - 60_000) }: { now?: Date } = {}) {
	const session = await createSession({ userId })
	const { secret } = await startTotpEnrolment({ userId, accountName: 'test', now })
	const { recoveryCodes } = await confirmTotpEnrolment({
		userId,
		code: totpCodeAt(secret, now),
		sessionId: hashToken(session.token),
		now,
	})
	return { secret, recoveryCodes, sessionToken: session.token }
}
