import { type Tx } from '#modules/db/client.ts'

/**
 * Cancels the open requirements (not completed, not already cancelled) that the given rules made:
 * what withdrawing a rule, or deleting the team it was for, does. Completed requirements are history
 * and stay. Returns how many were cancelled.
 */
export async function cancelRuleRequirements(tx: Tx, { assignmentIds, now }: { assignmentIds: string[]; now: Date }) {
	if (assignmentIds.length === 0) return 0
	const { count } = await tx.learnerAssignment.updateMany({
		where: { assignmentId: { in: assignmentIds }, completedAt: null, cancelledAt: null },
		data: { cancelledAt: now },
	})
	return count
}
