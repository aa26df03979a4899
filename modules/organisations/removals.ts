import type { Tx } from '#modules/db/client.ts'

/** Why a membership ended: the audit action that ended it. */
export type MembershipRemovalReason = 'member.remove' | 'member.leave' | 'scim.user_deleted'

/**
 * Notes, in the caller's transaction, that the person's membership of the organisation ended, so
 * its single sign-on's just-in-time membership does not add them back (see hasMembershipRemoval).
 */
export async function markMembershipRemoved(
	tx: Tx,
	{ organisationId, userId, reason, now = new Date() }: { organisationId: string; userId: string; reason: MembershipRemovalReason; now?: Date },
) {
	await tx.membershipRemoval.upsert({
		where: { organisationId_userId: { organisationId, userId } },
		create: { organisationId, userId, reason, removedAt: now },
		update: { reason, removedAt: now },
	})
}

/** True when the organisation ended this person's membership and has not let them in again since. */
export async function hasMembershipRemoval(tx: Tx, { organisationId, userId }: { organisationId: string; userId: string }) {
	const row = await tx.membershipRemoval.findUnique({
		where: { organisationId_userId: { organisationId, userId } },
		select: { userId: true },
	})
	return row !== null
}

/**
 * Clears the note when the organisation lets the person in again on purpose (an invitation they
 * accepted, or its identity provider provisioning them through SCIM).
 */
export async function clearMembershipRemoval(tx: Tx, { organisationId, userId }: { organisationId: string; userId: string }) {
	await tx.membershipRemoval.deleteMany({ where: { organisationId, userId } })
}
