import { prisma, type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { AuthError } from '#modules/auth/errors.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { generateEmailToken, hashToken } from './tokens.ts'

/** How long a "confirm your email address" link works. */
export const EMAIL_VERIFICATION_TTL_MS = 48 * 60 * 60 * 1000

/**
 * Creates a verification token and queues the email carrying its link, inside the caller's
 * transaction (so a user is never created without their email, nor an email sent for a user
 * whose creation rolled back). Only the token's SHA-256 is stored.
 */
export async function issueVerificationEmail(
	tx: Tx,
	{ userId, email, name }: { userId: string; email: string; name: string },
) {
	const token = generateEmailToken()
	await tx.userToken.create({
		data: {
			userId,
			kind: 'EMAIL_VERIFICATION',
			tokenHash: hashToken(token),
			expiresAt: new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS),
		},
		select: { id: true },
	})
	const verifyUrl = `${appUrl()}/verify-email?token=${encodeURIComponent(token)}`
	await sendEmail({ to: email, template: 'verify-email', props: { name, verifyUrl } }, tx)
}

/**
 * Sends a signed-in, unverified user a fresh verification link. Throttled per address and per IP
 * so the button cannot be used to flood an inbox. Returns `{ alreadyVerified: true }` without
 * sending anything when there is nothing left to verify.
 */
export async function resendVerificationEmail({ userId, ipAddress }: { userId: string; ipAddress: string }) {
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: { id: true, email: true, name: true, emailVerifiedAt: true },
	})
	if (!user) throw new AuthError('not_found', 'USER_NOT_FOUND', 'We could not find your account')
	if (user.emailVerifiedAt) return { alreadyVerified: true }

	const message = 'We have sent several links already. Please wait an hour before asking for another one.'
	await consumeThrottle('emailPerAddress', user.email, message)
	await consumeThrottle('emailPerIp', ipAddress, message)

	await prisma.$transaction((tx) => issueVerificationEmail(tx, { userId: user.id, email: user.email, name: user.name }))
	return { alreadyVerified: false }
}

/**
 * Confirms the email address a verification link was sent to. The token is marked used with a
 * conditional update (`usedAt IS NULL`), so it works once even if two requests race. A link that
 * was already used (often by a mail scanner opening it first) still reports success when the
 * address is verified, because the goal of the link has been met. Throws `not_found` for an
 * unknown token and `gone` for an expired one.
 */
export async function verifyEmail({ token }: { token: string }) {
	const tokenHash = hashToken(token)
	return prisma.$transaction(async (tx) => {
		const row = await tx.userToken.findUnique({
			where: { tokenHash },
			select: {
				id: true,
				kind: true,
				userId: true,
				expiresAt: true,
				usedAt: true,
				user: { select: { emailVerifiedAt: true } },
			},
		})
		if (!row || row.kind !== 'EMAIL_VERIFICATION') {
			throw new AuthError('not_found', 'INVALID_TOKEN', 'This link is not valid. Please check you copied all of it.')
		}
		if (row.usedAt || row.user.emailVerifiedAt) {
			if (row.user.emailVerifiedAt) return { userId: row.userId, alreadyVerified: true }
			throw new AuthError('gone', 'TOKEN_USED', 'This link has already been used.')
		}
		if (row.expiresAt.getTime() <= Date.now()) {
			throw new AuthError('gone', 'TOKEN_EXPIRED', 'This link has expired. You can ask for a new one.')
		}

		const now = new Date()
		const { count } = await tx.userToken.updateMany({
			where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
			data: { usedAt: now },
		})
		if (count === 0) {
			// Another request used the link first; it blocked this update until it committed, so a
			// fresh read sees its result. The address is confirmed either way.
			const user = await tx.user.findUnique({ where: { id: row.userId }, select: { emailVerifiedAt: true } })
			if (user?.emailVerifiedAt) return { userId: row.userId, alreadyVerified: true }
			throw new AuthError('gone', 'TOKEN_USED', 'This link has already been used.')
		}
		await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now }, select: { id: true } })
		// One confirmation is enough: retire the other verification links sent to this user.
		await tx.userToken.updateMany({
			where: { userId: row.userId, kind: 'EMAIL_VERIFICATION', usedAt: null },
			data: { usedAt: now },
		})
		return { userId: row.userId, alreadyVerified: false }
	})
}
