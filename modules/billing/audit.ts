import type { Tx } from '#modules/db/client.ts'

/** One AuditLog row about an order. */
export async function audit(
	tx: Tx,
	{
		actorId,
		organisationId,
		action,
		orderId,
		details,
	}: { actorId: string | null; organisationId: string | null; action: string; orderId: string; details?: object },
) {
	await tx.auditLog.create({
		data: { actorId, organisationId, action, targetType: 'Order', targetId: orderId, details: details ?? undefined },
	})
}
