import { verifyPassword } from '#modules/auth/password.ts'
import { prisma } from '#modules/db/client.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { DataRightsError } from './errors.ts'

/** How recently a person without a password must have signed in to erase their account. */
export const RECENT_SIGN_IN_MS = 15 * 60 * 1000

/**
 * Whether the person must type their password to erase their account (they have one), or instead
 * must have signed in within RECENT_SIGN_IN_MS (single sign-on or a passkey only).
 */
export async function erasureReauthMethod(userId: string): Promise<'password' | 'recent-sign-in'> {
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
	return user?.passwordHash ? 'password' : 'recent-sign-in'
}

/**
 * Proves that the person at the keyboard is the account's owner before a self-erasure: their
 * password (wrong ones count against the same per-account throttle as signing in), or, without a
 * password, a session that began at most RECENT_SIGN_IN_MS ago (they signed in again through their
 * organisation's single sign-on or with a passkey). Also checks that they typed their own address.
 */
export async function confirmErasureIdentity({
	userId,
	password,
	confirmEmail,
	sessionCreatedAt,
	now,
}: {
	userId: string
	password: string | undefined
	confirmEmail: string
	sessionCreatedAt: Date
	now: Date
}) {
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } })
	if (!user) throw new DataRightsError('not_found', 'USER_NOT_FOUND', 'We could not find your account.')
	if (confirmEmail.trim().toLowerCase() !== user.email) {
		throw new DataRightsError('invalid', 'WRONG_CONFIRMATION', 'Type the email address you sign in with, exactly.', {
			field: 'confirmEmail',
		})
	}
	if (!user.passwordHash) {
		if (now.getTime() - sessionCreatedAt.getTime() > RECENT_SIGN_IN_MS) {
			throw new DataRightsError(
				'invalid',
				'REAUTHENTICATE',
				'For your safety, sign out, sign in again and come back here within 15 minutes to erase your account.',
			)
		}
		return
	}
	await assertNotThrottled('loginPerAccount', user.email)
	const valid = password ? await verifyPassword({ hash: user.passwordHash, password }) : false
	if (!valid) {
		await consumeThrottle('loginPerAccount', user.email)
		throw new DataRightsError('invalid', 'WRONG_PASSWORD', 'Your password is incorrect.', { field: 'password' })
	}
	await resetThrottle('loginPerAccount', user.email)
}
