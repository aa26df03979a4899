import { setTimeout as sleep } from 'node:timers/promises'
import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { assertPasswordSignInAllowed, assertPersonalAddressSignInAllowed } from '#modules/sso/require-sso.ts'
import { findAccountByAnyEmail } from './personal-email.ts'
import { normaliseEmail } from './schemas.ts'
import { generateEmailToken, hashToken } from './tokens.ts'

/** How long a password reset link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000

// Every request takes at least this long, whether or not an account exists, so the response time
// does not reveal which addresses have accounts (rendering and storing an email takes tens of ms).
const MIN_DURATION_MS = 400

/**
 * Sends a password reset link if an active account has this address, and does nothing visible
 * otherwise: the caller answers the same either way, and the call takes about the same time.
 * Throttled per address and per IP before anything is looked up (so the throttle itself reveals
 * nothing). A new link retires every earlier unused reset link for the account.
 */
export async function requestPasswordReset({ email: rawEmail, ipAddress }: { email: string; ipAddress: string }) {
	const email = normaliseEmail(rawEmail)
	// Addresses whose organisation requires single sign-on have no password to reset.
	await assertPasswordSignInAllowed({ email })
	const message = 'Too many reset requests. Please wait an hour and try again.'
	await consumeThrottle('emailPerIp', ipAddress, message)
	await consumeThrottle('emailPerAddress', email, message)

	await Promise.all([sleep(MIN_DURATION_MS), sendResetLink(email)])
}

async function sendResetLink(email: string) {
	// The account's own address, or a verified personal one: the link goes to the address typed.
	const found = await findAccountByAnyEmail(email, { name: true, disabledAt: true })
	const user = found?.user
	if (!user || user.disabledAt) return
	if (found.via === 'personal') {
		// Said nowhere: the answer is the same whether or not the address has an account.
		const allowed = await assertPersonalAddressSignInAllowed({ userId: user.id, accountEmail: user.email, role: user.role })
			.then(() => true)
			.catch(() => false)
		if (!allowed) return
	}

	const token = generateEmailToken()
	await prisma.$transaction(async (tx) => {
		const now = new Date()
		await tx.userToken.updateMany({
			where: { userId: user.id, kind: 'PASSWORD_RESET', usedAt: null },
			data: { usedAt: now },
		})
		await tx.userToken.create({
			data: {
				userId: user.id,
				kind: 'PASSWORD_RESET',
				tokenHash: hashToken(token),
				expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
			},
			select: { id: true },
		})
		const resetUrl = `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`
		await sendEmail({ to: email, template: 'reset-password', props: { name: user.name, resetUrl } }, tx)
	})
}
