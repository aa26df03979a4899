import { SESSION_COOKIE_NAME } from '#app/utils/session.server.ts'
import { createSession } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { encryptSecret } from '#modules/security/encryption.ts'

/**
 * A Cookie header for a fresh session of `userId`, for route tests with real Requests. Trainers and
 * platform admins must use a second factor (modules/mfa/policy.ts), so unless `mfa: false` they
 * are given a confirmed authenticator app (a random secret no test uses) and a session that has
 * proven it, as after a real two-step sign-in. Tests of the MFA gate itself pass `mfa: false`.
 */
export async function sessionCookie(userId: string, { mfa }: { mfa?: boolean } = {}) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } })
	const withMfa = mfa ?? user.role !== 'LEARNER'
	if (withMfa) {
		const secret = crypto.getRandomValues(new Uint8Array(20)).toString()
		await prisma.totpCredential.upsert({
			where: { userId },
			create: { userId, secretEncrypted: encryptSecret(secret, `totp:${userId}`), confirmedAt: new Date() },
			update: {},
			select: { userId: true },
		})
	}
	const { token } = await createSession({ userId, mfaVerified: withMfa })
	return `${SESSION_COOKIE_NAME}=${token}`
}
