import { prisma, type Role } from '#modules/db/client.ts'
import { AdminError } from '#modules/admin/errors.ts'
import { assertPlatformAdmin } from './assert-admin.ts'
import { writeAudit } from './audit.ts'

export type ChangeUserRoleOptions = { actorId: string; userId: string; role: Role; reason: string }

/**
 * Gives a user another platform role (a platform admin only), recording the change and the reason
 * in the audit log. An admin cannot take away their own admin role: with one admin left that would
 * lock everyone out, and it is never what was meant. The role is read on every request, so the
 * change takes effect at once without ending sessions.
 */
export async function changeUserRole({ actorId, userId, role, reason }: ChangeUserRoleOptions) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		if (actorId === userId && role !== 'ADMIN') {
			throw new AdminError(
				'conflict',
				'CANNOT_DEMOTE_SELF',
				'You cannot remove your own admin role. Ask another platform admin to do it.',
				{ field: 'role' },
			)
		}
		// FOR UPDATE: two admins changing the same person at once are applied one after the other.
		const rows = await tx.$queryRaw<Array<{ role: Role }>>`SELECT role FROM "User" WHERE id = ${userId} FOR UPDATE`
		const current = rows[0]
		if (!current) throw new AdminError('not_found', 'USER_NOT_FOUND', 'There is no user with that id.')
		if (current.role === role) {
			throw new AdminError('conflict', 'ROLE_UNCHANGED', 'They already have that role.', { field: 'role' })
		}
		await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } })
		await writeAudit(tx, {
			actorId,
			action: 'user.role_changed',
			targetType: 'User',
			targetId: userId,
			details: { from: current.role, to: role, reason },
		})
		return { from: current.role, to: role }
	})
}
