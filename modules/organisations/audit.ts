import type { Prisma, Tx } from '#modules/db/client.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'

/** One AuditLog row for an organisation admin's action, written in the action's transaction. */
export async function audit(
	tx: Tx,
	entry: {
		actorId: string | null
		organisationId: string
		action: string
		targetType: string
		targetId: string
		details?: Prisma.InputJsonValue
	} & RequestOrigin,
) {
	await recordAudit(tx, entry)
}
