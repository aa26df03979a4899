import type { RequestOrigin } from '#modules/audit/record.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import type { TeamScope } from '#modules/teams/scope.ts'
import { assertComplianceActor } from '#modules/teams/scope.ts'
import { selectMembershipsInTeams } from '#modules/teams/sql.ts'
import { cancelRuleRequirements } from './cancel-requirements.ts'
import { AssignmentsError } from './errors.ts'

/** Whether a rule is one the scope may see and withdraw: a manager's team, or a person in one of their teams. */
export async function ruleInScope(
	tx: Tx | typeof prisma,
	{
		organisationId,
		rule,
		scope,
	}: { organisationId: string; rule: { teamId: string | null; userId: string | null }; scope: TeamScope },
) {
	if (scope.kind === 'organisation') return true
	if (rule.teamId) return scope.teamIds.includes(rule.teamId)
	if (!rule.userId) return false
	const membership = await tx.membership.findFirst({
		where: { organisationId, userId: rule.userId },
		select: { id: true },
	})
	if (!membership) return false
	return (await selectMembershipsInTeams(tx, { membershipIds: [membership.id], teamIds: scope.teamIds })).length > 0
}

/**
 * Withdraws an assignment rule: nobody new is assigned by it, and the requirements it made that are
 * not yet completed are cancelled (they leave the learners' dashboards and the matrix). Completed
 * ones are kept as history, and places already given on the course stay with their holders.
 * Administrators, or a team manager for a rule about their teams.
 */
export async function withdrawAssignment({
	organisationId,
	actorId,
	assignmentId,
	now,
	origin = {},
}: {
	organisationId: string
	actorId: string
	assignmentId: string
	now: Date
	origin?: RequestOrigin
}) {
	return prisma.$transaction(async (tx) => {
		const actor = await assertComplianceActor(tx, { organisationId, actorId })
		const rule = await tx.assignment.findFirst({
			where: { id: assignmentId, organisationId },
			select: { id: true, teamId: true, userId: true, archivedAt: true },
		})
		if (!rule || !(await ruleInScope(tx, { organisationId, rule, scope: actor.scope }))) {
			throw new AssignmentsError('not_found', 'ASSIGNMENT_NOT_FOUND', 'We could not find that assignment.')
		}
		if (rule.archivedAt) return { withdrawn: false, cancelled: 0 }
		// Only one withdrawal counts, even when two admins click at once.
		const { count } = await tx.assignment.updateMany({
			where: { id: rule.id, archivedAt: null },
			data: { archivedAt: now },
		})
		if (count === 0) return { withdrawn: false, cancelled: 0 }
		const cancelled = await cancelRuleRequirements(tx, { assignmentIds: [rule.id], now })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'assignment.withdraw',
			targetType: 'Assignment',
			targetId: rule.id,
			details: { cancelled },
			...origin,
		})
		return { withdrawn: true, cancelled }
	})
}
