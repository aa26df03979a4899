import { AuthError } from '#modules/auth/errors.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { assertPasswordSignInAllowed, assertPersonalAddressSignInAllowed } from '#modules/sso/require-sso.ts'
import { verifyDummyPassword, verifyPassword } from './password.ts'
import { findAccountByAnyEmail } from './personal-email.ts'
import { normaliseEmail } from './schemas.ts'
import { beginSignIn, type SignInResult } from './sign-in.ts'

import { ACCOUNT_DISABLED_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from './messages.ts'

export { ACCOUNT_DISABLED_MESSAGE, INVALID_CREDENTIALS_MESSAGE }

/**
 * Checks an email and password and hands the proven identity to beginSignIn: a new session (never
 * an earlier one), or a challenge for the second factor when the person has one. Unknown emails
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
	deviceId,
	redirectTo,
	now = new Date(),
}: {
	email: string
	password: string
	ipAddress: string
	userAgent?: string | null
	/** The hashed device cookie of the browser (see beginSignIn). */
	deviceId?: string | null
	/** Where to go once signed in (kept with a challenge). */
	redirectTo?: string | null
	now?: Date
}): Promise<SignInResult> {
	const email = normaliseEmail(rawEmail)
	// An organisation that requires single sign-on for this address's domain: no password sign-in.
	await assertPasswordSignInAllowed({ email })
	// Checked before the password, so a locked account cannot be probed with further guesses.
	await assertNotThrottled('loginPerIp', ipAddress)
	await assertNotThrottled('loginPerAccount', email)

	// The account's own address, or a personal one its owner verified (docs/decisions/0033).
	const found = await findAccountByAnyEmail(email, { passwordHash: true, disabledAt: true })
	const user = found?.user
	const valid = user?.passwordHash
		? await verifyPassword({ hash: user.passwordHash, password })
		: await verifyDummyPassword(password)

	if (!user || !valid) {
		await consumeThrottle('loginPerAccount', email)
		await consumeThrottle('loginPerIp', ipAddress)
		throw new AuthError('invalid', 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE)
	}
	if (user.disabledAt) throw new AuthError('forbidden', 'ACCOUNT_DISABLED', ACCOUNT_DISABLED_MESSAGE)
	if (found.via === 'personal') {
		await assertPersonalAddressSignInAllowed({ userId: user.id, accountEmail: user.email, role: user.role })
	}

	await resetThrottle('loginPerAccount', email)
	return beginSignIn({ userId: user.id, method: 'PASSWORD', redirectTo, ipAddress, userAgent, deviceId, now })
}
