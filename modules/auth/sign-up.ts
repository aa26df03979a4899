import { Prisma, prisma } from '#modules/db/client.ts'
import { AuthError } from '#modules/auth/errors.ts'
import { assertPasswordSignInAllowed } from '#modules/sso/require-sso.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { issueVerificationEmail } from './email-verification.ts'
import { findAddressHolder } from './personal-email.ts'
import { assertPasswordAllowed, hashPassword } from './password.ts'
import { normaliseEmail } from './schemas.ts'
import { beginSignIn, type SignInResult } from './sign-in.ts'

export const EMAIL_TAKEN_MESSAGE = 'An account with this email already exists. Log in, or reset your password.'

/**
 * Creates a learner account, queues the "confirm your email address" email and starts a session.
 * The email is normalised (trimmed, lower-cased), and an address that is taken (findAddressHolder:
 * another account's own address in any letter case, or another account's confirmed personal
 * address) is refused with the same EMAIL_TAKEN either way, under the address's lock; the
 * database's unique index on lower(email) backs the first kind in a race. Throttled per IP address
 * (each attempt sends, or probes for, an email). Signs the new person in through beginSignIn.
 */
export async function signUp({
	name,
	email: rawEmail,
	password,
	ipAddress,
	userAgent,
	deviceId,
	redirectTo,
}: {
	name: string
	email: string
	password: string
	ipAddress: string
	userAgent?: string | null
	/** The hashed device cookie of the browser (see beginSignIn). */
	deviceId?: string | null
	redirectTo?: string | null
}): Promise<SignInResult> {
	const email = normaliseEmail(rawEmail)
	assertPasswordAllowed({ password, email, field: 'password' })
	await assertPasswordSignInAllowed({ email })
	await consumeThrottle(
		'emailPerIp',
		ipAddress,
		'Too many accounts have been created from your network. Please try again later.',
	)

	const passwordHash = await hashPassword(password)
	try {
		const user = await prisma.$transaction(async (tx) => {
			// A leaver's confirmed personal address is theirs to sign in with: a new account there would
			// take their sign-in and their password resets (findAccountByAnyEmail prefers own addresses).
			if (await findAddressHolder(tx, email)) throw emailTaken()
			const created = await tx.user.create({
				data: { email, name: name.trim(), passwordHash },
				select: { id: true, email: true, name: true },
			})
			await issueVerificationEmail(tx, { userId: created.id, email: created.email, name: created.name })
			return created
		})
		return await beginSignIn({ userId: user.id, method: 'SIGN_UP', redirectTo, ipAddress, userAgent, deviceId })
	} catch (error) {
		// Two sign-ups for one address at once: the unique index lets exactly one through.
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw emailTaken()
		throw error
	}
}

function emailTaken() {
	return new AuthError('conflict', 'EMAIL_TAKEN', EMAIL_TAKEN_MESSAGE, { field: 'email' })
}
