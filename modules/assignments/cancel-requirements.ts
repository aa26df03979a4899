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

/**
 * Cancels a person's open requirements in an organisation they were removed from, so that nothing
 * chases them for it (reminders, the matrix, their dashboard). Completed ones stay as history. A
 * leaver deactivated by provisioning keeps theirs (hidden while inactive), so a reactivation
 * resumes where it was.
 */
export async function cancelRequirementsOfLeaver(
	tx: Tx,
	{ organisationId, userId, now }: { organisationId: string; userId: string; now: Date },
) {
	const { count } = await tx.learnerAssignment.updateMany({
		where: { organisationId, userId, completedAt: null, cancelledAt: null },
		data: { cancelledAt: now },
	})
	return count
}
