import { prisma } from '#modules/db/client.ts'
import { AuthError } from '#modules/auth/errors.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { assertPasswordSignInAllowed, assertPersonalAddressSignInAllowed } from '#modules/sso/require-sso.ts'
import { assertPasswordAllowed, hashPassword } from './password.ts'
import { invalidateUserSessions } from './sessions.ts'
import { beginSignIn, type SignInResult } from './sign-in.ts'
import { hashToken } from './tokens.ts'

const INVALID_LINK = 'This link is not valid. Please check you copied all of it, or ask for a new one.'
const USED_LINK = 'This link has already been used. If you still need to reset your password, ask for a new link.'
const EXPIRED_LINK = 'This link has expired. Links last for one hour: please ask for a new one.'

export type PasswordResetTokenStatus = 'valid' | 'invalid' | 'used' | 'expired'

/**
 * Says whether a reset link can still be used, without using it, so the page can show the form
 * or explain what went wrong before the user types a new password.
 */
export async function checkPasswordResetToken({ token }: { token: string }): Promise<PasswordResetTokenStatus> {
	const row = await prisma.userToken.findUnique({
		where: { tokenHash: hashToken(token) },
		select: { kind: true, usedAt: true, expiresAt: true, user: { select: { disabledAt: true } } },
	})
	if (!row || row.kind !== 'PASSWORD_RESET' || row.user.disabledAt) return 'invalid'
	if (row.usedAt) return 'used'
	if (row.expiresAt.getTime() <= Date.now()) return 'expired'
	return 'valid'
}

/**
 * Sets a new password from a reset link. In one transaction it marks the token used with a
 * conditional update (`usedAt IS NULL`, so of two concurrent submissions exactly one succeeds and
 * the other rolls back), stores the new hash, ends every session the user has (whoever knew the
 * old password is signed out), confirms the email address (the link proved the user reads it),
 * writes an audit entry, tells the owner by email and then signs the person in through beginSignIn.
 */
export async function resetPassword({
	token,
	password,
	ipAddress,
	userAgent,
	deviceId,
}: {
	token: string
	password: string
	ipAddress?: string | null
	userAgent?: string | null
	/** The hashed device cookie of the browser (see beginSignIn). */
	deviceId?: string | null
}): Promise<SignInResult> {
	const tokenHash = hashToken(token)
	const row = await prisma.userToken.findUnique({
		where: { tokenHash },
		select: {
			id: true,
			kind: true,
			usedAt: true,
			expiresAt: true,
			user: {
				select: { id: true, email: true, name: true, disabledAt: true, role: true, personalEmailVerifiedAt: true },
			},
		},
	})
	if (!row || row.kind !== 'PASSWORD_RESET' || row.user.disabledAt) {
		throw new AuthError('not_found', 'INVALID_TOKEN', INVALID_LINK)
	}
	if (row.usedAt) throw new AuthError('gone', 'TOKEN_USED', USED_LINK)
	if (row.expiresAt.getTime() <= Date.now()) throw new AuthError('gone', 'TOKEN_EXPIRED', EXPIRED_LINK)
	assertPasswordAllowed({ password, email: row.user.email, field: 'password' })
	// With a verified personal address, the organisation's rule holds only while it has them as a member.
	if (row.user.personalEmailVerifiedAt) {
		await assertPersonalAddressSignInAllowed({ userId: row.user.id, accountEmail: row.user.email, role: row.user.role, field: null })
	} else await assertPasswordSignInAllowed({ email: row.user.email, field: null })

	// Argon2 is slow and needs no lock, so hash before the transaction opens.
	const passwordHash = await hashPassword(password)
	const userId = row.user.id

	await prisma.$transaction(async (tx) => {
		const now = new Date()
		const { count } = await tx.userToken.updateMany({
			where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
			data: { usedAt: now },
		})
		if (count === 0) throw new AuthError('gone', 'TOKEN_USED', USED_LINK)

		const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } })
		await tx.user.update({
			where: { id: userId },
			data: { passwordHash, ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: now }) },
			select: { id: true },
		})
		const endedSessions = await invalidateUserSessions({ userId, tx })
		await tx.auditLog.create({
			data: {
				actorId: userId,
				action: 'user.password_reset',
				targetType: 'User',
				targetId: userId,
				details: { endedSessions },
			},
			select: { id: true },
		})
		// If the reset was not the owner's doing, this email is how they find out.
		await sendEmail({ to: row.user.email, template: 'password-changed', props: { name: row.user.name } }, tx)
	})
	// A fresh session (or, for someone with a second factor, a challenge: a reset link proves the
	// mailbox, not the second factor).
	return beginSignIn({ userId, method: 'PASSWORD_RESET', ipAddress, userAgent, deviceId })
}
