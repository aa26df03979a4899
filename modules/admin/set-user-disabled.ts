import { invalidateUserSessions } from '#modules/auth/sessions.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { AdminError, type AdminErrorCode } from '#modules/admin/errors.ts'
import { assertPlatformAdmin } from './assert-admin.ts'
import { writeAudit } from './audit.ts'

export type SetUserDisabledOptions = { actorId: string; userId: string; reason: string }

/**
 * Disables a user's account (a platform admin only): sets disabledAt and ends every one of their
 * sessions in the same transaction, so they are signed out everywhere at once, and records the
 * reason in the audit log. An admin cannot disable themselves. `conflict` if already disabled.
 */
export async function disableUser({ actorId, userId, reason }: SetUserDisabledOptions) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		if (actorId === userId) {
			throw new AdminError('conflict', 'CANNOT_DISABLE_SELF', 'You cannot disable your own account.')
		}
		const { count } = await tx.user.updateMany({
			where: { id: userId, disabledAt: null },
			data: { disabledAt: new Date() },
		})
		if (count === 0) await explainNoChange(tx, userId, 'ALREADY_DISABLED', 'This account is already disabled.')
		const sessionsEnded = await invalidateUserSessions({ userId, tx })
		await writeAudit(tx, {
			actorId,
			action: 'user.disabled',
			targetType: 'User',
			targetId: userId,
			details: { reason, sessionsEnded },
		})
		return { sessionsEnded }
	})
}

/**
 * Enables a disabled account again (a platform admin only), recording the reason in the audit log.
 * The user signs in afresh: their old sessions ended when the account was disabled. `conflict` if
 * the account is not disabled.
 */
export async function enableUser({ actorId, userId, reason }: SetUserDisabledOptions) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		const { count } = await tx.user.updateMany({
			where: { id: userId, disabledAt: { not: null } },
			data: { disabledAt: null },
		})
		if (count === 0) await explainNoChange(tx, userId, 'NOT_DISABLED', 'This account is not disabled.')
		await writeAudit(tx, { actorId, action: 'user.enabled', targetType: 'User', targetId: userId, details: { reason } })
	})
}

async function explainNoChange(tx: Tx, userId: string, code: AdminErrorCode, message: string): Promise<never> {
	const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } })
	if (!exists) throw new AdminError('not_found', 'USER_NOT_FOUND', 'There is no user with that id.')
	throw new AdminError('conflict', code, message)
}
