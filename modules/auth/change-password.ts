import { prisma } from '#modules/db/client.ts'
import { AuthError } from '#modules/auth/errors.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { assertPasswordAllowed, hashPassword, verifyPassword } from './password.ts'
import { invalidateUserSessions } from './sessions.ts'

/**
 * Changes a signed-in user's password after checking the current one. Wrong current passwords
 * count against the same per-account throttle as logging in, so a borrowed session cannot be used
 * to guess the password. In one transaction it stores the new hash, ends every other session
 * (the one making the change stays signed in), writes an audit entry ('user.password_changed')
 * and queues a "your password was changed" email. Returns how many sessions were ended.
 */
export async function changePassword({
	userId,
	currentSessionId,
	currentPassword,
	newPassword,
}: {
	userId: string
	currentSessionId: string
	currentPassword: string
	newPassword: string
}) {
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: { id: true, email: true, name: true, passwordHash: true },
	})
	if (!user) throw new AuthError('not_found', 'USER_NOT_FOUND', 'We could not find your account')

	await assertNotThrottled('loginPerAccount', user.email)
	const valid = user.passwordHash ? await verifyPassword({ hash: user.passwordHash, password: currentPassword }) : false
	if (!valid) {
		await consumeThrottle('loginPerAccount', user.email)
		throw new AuthError('invalid', 'WRONG_PASSWORD', 'Your current password is incorrect', {
			field: 'currentPassword',
		})
	}
	await resetThrottle('loginPerAccount', user.email)
	assertPasswordAllowed({ password: newPassword, email: user.email, field: 'newPassword' })

	const passwordHash = await hashPassword(newPassword)
	return prisma.$transaction(async (tx) => {
		await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } })
		const endedSessions = await invalidateUserSessions({ userId: user.id, exceptSessionId: currentSessionId, tx })
		await tx.auditLog.create({
			data: {
				actorId: user.id,
				action: 'user.password_changed',
				targetType: 'User',
				targetId: user.id,
				details: { endedSessions },
			},
			select: { id: true },
		})
		await sendEmail({ to: user.email, template: 'password-changed', props: { name: user.name } }, tx)
		return { endedSessions }
	})
}
