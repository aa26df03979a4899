import type { Prisma, Tx } from '#modules/db/client.ts'

/** Writes one AuditLog row inside the caller's transaction: every admin change calls this. */
export async function writeAudit(
	tx: Tx,
	entry: {
		actorId: string
		action: string
		targetType: string
		targetId: string
		organisationId?: string | null
		details?: Prisma.InputJsonValue
	},
) {
	await tx.auditLog.create({
		data: {
			actorId: entry.actorId,
			action: entry.action,
			targetType: entry.targetType,
			targetId: entry.targetId,
			organisationId: entry.organisationId ?? null,
			details: entry.details,
		},
		select: { id: true },
	})
}
