import { prisma, type Tx } from '#modules/db/client.ts'
import { AdminError } from '#modules/admin/errors.ts'

/**
 * Throws a `forbidden` DomainError unless `actorId` is an enabled platform admin. Routes check the
 * role before calling anything here; this second check keeps every admin function safe whoever
 * calls it (a script, a job, a future route that forgets). Pass `tx` to check inside a transaction.
 */
export async function assertPlatformAdmin({ actorId, tx }: { actorId: string; tx?: Tx }) {
	const actor = await (tx ?? prisma).user.findUnique({
		where: { id: actorId },
		select: { role: true, disabledAt: true },
	})
	if (!actor || actor.role !== 'ADMIN' || actor.disabledAt) {
		throw new AdminError('forbidden', 'ADMIN_ONLY', 'Only a platform administrator can do that.')
	}
}
