import { type prisma, type Prisma, type Tx } from '#modules/db/client.ts'

/** Where an audited action came from, when it came from a request. */
export type RequestOrigin = { ipAddress?: string | null; userAgent?: string | null }

export type AuditEntry = {
	/** Who did it (null for the system, an identity provider's SCIM client, or a visitor). */
	actorId: string | null
	/** The organisation the entry belongs to, so its admins can read it; null for platform-wide events. */
	organisationId?: string | null
	/** A dotted verb such as `auth.signed_in`, `mfa.totp_enabled`, `sso.configured`, `scim.user_deactivated`. */
	action: string
	targetType: string
	targetId: string
	details?: Prisma.InputJsonValue
} & RequestOrigin

/**
 * Appends one row to the audit log, inside the caller's transaction when one is given. The log is
 * append-only: a database trigger refuses deletes and any update other than clearing references.
 */
export async function recordAudit(db: Tx | typeof prisma, entry: AuditEntry) {
	const { ipAddress, userAgent, organisationId, ...rest } = entry
	await db.auditLog.create({
		data: {
			...rest,
			organisationId: organisationId ?? null,
			ipAddress: ipAddress?.slice(0, 100) ?? null,
			userAgent: userAgent?.slice(0, 500) ?? null,
		},
		select: { id: true },
	})
}
