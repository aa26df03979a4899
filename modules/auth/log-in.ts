import { prisma } from '#modules/db/client.ts'
import { AuthError } from '#modules/auth/errors.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { assertPasswordSignInAllowed } from '#modules/sso/require-sso.ts'
import { verifyDummyPassword, verifyPassword } from './password.ts'
import { normaliseEmail } from './schemas.ts'
import { createSession } from './sessions.ts'

import { ACCOUNT_DISABLED_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from './messages.ts'

export { ACCOUNT_DISABLED_MESSAGE, INVALID_CREDENTIALS_MESSAGE }

/**
 * Checks an email and password and starts a new session (never an earlier one). Unknown emails
 * and wrong passwords get the same message and, thanks to a dummy Argon2 check, take about the
 * same time. Throttled per account (10 wrong passwords in 15 minutes lock the account for 15
 * minutes, even against the right password) and per IP address (wrong attempts across all
 * accounts); a success resets the account's counter. Disabled users are refused, but only after
 * the right password, so that the refusal reveals nothing to a guesser.
 */
export async function logIn({
	email: rawEmail,
	password,
	ipAddress,
	userAgent,
}: {
	email: string
	password: string
	ipAddress: string
	userAgent?: string | null
}) {
	const email = normaliseEmail(rawEmail)
	// An organisation that requires single sign-on for this address's domain: no password sign-in.
	await assertPasswordSignInAllowed({ email })
	// Checked before the password, so a locked account cannot be probed with further guesses.
	await assertNotThrottled('loginPerIp', ipAddress)
	await assertNotThrottled('loginPerAccount', email)

	const user = await prisma.user.findUnique({
		where: { email },
		select: { id: true, passwordHash: true, disabledAt: true },
	})
	const valid = user?.passwordHash
		? await verifyPassword({ hash: user.passwordHash, password })
		: await verifyDummyPassword(password)

	if (!user || !valid) {
		await consumeThrottle('loginPerAccount', email)
		await consumeThrottle('loginPerIp', ipAddress)
		throw new AuthError('invalid', 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE)
	}
	if (user.disabledAt) throw new AuthError('forbidden', 'ACCOUNT_DISABLED', ACCOUNT_DISABLED_MESSAGE)

	await resetThrottle('loginPerAccount', email)
	const session = await createSession({ userId: user.id, ipAddress, userAgent })
	return { userId: user.id, session }
}
