import { prisma } from '#modules/db/client.ts'
import { verifyPassword } from '#modules/auth/password.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { MfaError } from './errors.ts'
import { verifyTotp } from './totp.ts'

/**
 * Proves, within the request that makes a security change (turning the authenticator app off,
 * new recovery codes), that the person at the keyboard is the account's owner: their password, or
 * for an account without one (signed up by SSO or passkey) a current code from their app. Wrong
 * passwords count against the same per-account throttle as the login form; wrong codes against
 * the second-factor throttle.
 */
export async function reauthenticate({
	userId,
	password,
	code,
	now = new Date(),
}: {
	userId: string
	password?: string | null
	code?: string | null
	now?: Date
}) {
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } })
	if (!user) throw new MfaError('forbidden', 'REAUTHENTICATION_FAILED', 'Please sign in again.')
	if (user.passwordHash) {
		await assertNotThrottled('loginPerAccount', user.email)
		if (!password || !(await verifyPassword({ hash: user.passwordHash, password }))) {
			await consumeThrottle('loginPerAccount', user.email)
			throw new MfaError('invalid', 'REAUTHENTICATION_FAILED', 'That password is not right.', {
				field: 'password',
			})
		}
		await resetThrottle('loginPerAccount', user.email)
		return
	}
	await verifyTotp({ userId, code: code ?? '', now, field: 'code' })
}

/** Whether re-authentication asks this person for their password (else for a code). */
export async function reauthenticatesWithPassword(userId: string) {
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
	return Boolean(user?.passwordHash)
}
