import type { RequestOrigin } from '#modules/audit/record.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { onMemberJoined } from '#modules/assignments/on-member-joined.ts'
import { TeamsError } from './errors.ts'
import { findTeam } from './manage-teams.ts'
import { assertComplianceActor } from './scope.ts'
import { insertTeamMembers } from './sql.ts'

type Actor = { organisationId: string; actorId: string; origin?: RequestOrigin }

function memberNotFound() {
	return new TeamsError('not_found', 'TEAM_MEMBER_NOT_FOUND', 'Choose someone who belongs to this organisation.', {
		field: 'membershipId',
	})
}

/**
 * Who may change a team's people, checked in the write's transaction: administrators and owners for
 * any team; a team manager for the teams they manage and the teams beneath them (anyone else's team
 * is not found, as on the team pages). Nobody changes a directory-managed team's people here: its
 * membership comes from the organisation's identity provider over SCIM (ADR 0026, Groups).
 */
async function assertTeamPeopleActor(
	tx: Tx,
	{ organisationId, actorId, teamId }: { organisationId: string; actorId: string; teamId: string },
) {
	const actor = await assertComplianceActor(tx, { organisationId, actorId })
	if (actor.scope.kind === 'teams' && !actor.scope.teamIds.includes(teamId)) {
		throw new TeamsError('not_found', 'TEAM_NOT_FOUND', 'We could not find that team.')
	}
	const team = await findTeam(tx, { organisationId, teamId })
	if (team.managedByDirectory) {
		throw new TeamsError(
			'conflict',
			'TEAM_MANAGED_BY_DIRECTORY',
			`${team.name} is kept up to date by your organisation’s directory: add or remove its people there.`,
			{ field: 'membershipId' },
		)
	}
	return { team, isAdmin: actor.scope.kind === 'organisation' }
}

function adminsOnly() {
	return new TeamsError(
		'forbidden',
		'TEAM_MANAGERS_ADMINS_ONLY',
		'Only administrators can make or unmake a team’s managers.',
		{ field: 'membershipId' },
	)
}

/**
 * Adds members of the organisation to a team (administrators and owners, or a manager of the team
 * or of a team above it), as its managers when `asManager` (administrators only). Someone already in the team keeps their row (and becomes a manager when asked).
 * Joining a team is joining for its new-starter rules: every rule that reaches them now (the team's
 * and the teams' above it, with "N days after joining") assigns its course to them, due N days from
 * today, in the same transaction.
 */
export async function addTeamMember({
	organisationId,
	actorId,
	teamId,
	membershipId,
	asManager = false,
	now,
	origin = {},
}: Actor & { teamId: string; membershipId: string; asManager?: boolean; now: Date }) {
	return prisma.$transaction(
		async (tx) => {
			const { team, isAdmin } = await assertTeamPeopleActor(tx, { organisationId, actorId, teamId })
			if (asManager && !isAdmin) throw adminsOnly()
			const membership = await tx.membership.findFirst({
				where: { id: membershipId, organisationId, deactivatedAt: null },
				select: { id: true, userId: true, user: { select: { name: true } } },
			})
			if (!membership) throw memberNotFound()
			const existing = await tx.teamMember.findUnique({
				where: { teamId_membershipId: { teamId: team.id, membershipId: membership.id } },
				select: { isManager: true },
			})
			if (existing && (existing.isManager || !asManager))
				return { added: false, assigned: 0, name: membership.user.name }
			await tx.teamMember.upsert({
				where: { teamId_membershipId: { teamId: team.id, membershipId: membership.id } },
				create: { teamId: team.id, membershipId: membership.id, isManager: asManager },
				update: { isManager: true },
			})
			await recordAudit(tx, {
				actorId,
				organisationId,
				action: existing ? 'team.manager-set' : 'team.member-add',
				targetType: 'Team',
				targetId: team.id,
				details: { membershipId: membership.id, userId: membership.userId, isManager: asManager },
				...origin,
			})
			const joined = existing
				? { assigned: 0 }
				: await onMemberJoined(tx, { organisationId, userId: membership.userId, now })
			return { added: !existing, assigned: joined.assigned, name: membership.user.name }
		},
		{ timeout: 30_000 },
	)
}

/**
 * Takes someone out of a team (administrators and owners, or a manager of the team or of a team
 * above it; only administrators take out a manager, as that unmakes one). They stay in the organisation, and the
 * requirements already assigned to them stay too (as in the organisation's matrix): withdraw a rule
 * to cancel what it assigned.
 */
export async function removeTeamMember({
	organisationId,
	actorId,
	teamId,
	membershipId,
	origin = {},
}: Actor & { teamId: string; membershipId: string }) {
	return prisma.$transaction(async (tx) => {
		const { team, isAdmin } = await assertTeamPeopleActor(tx, { organisationId, actorId, teamId })
		const row = await tx.teamMember.findFirst({
			where: { teamId: team.id, membershipId, membership: { organisationId } },
			select: { isManager: true },
		})
		if (!row) throw memberNotFound()
		if (row.isManager && !isAdmin) throw adminsOnly()
		await tx.teamMember.delete({ where: { teamId_membershipId: { teamId: team.id, membershipId } } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'team.member-remove',
			targetType: 'Team',
			targetId: team.id,
			details: { membershipId },
			...origin,
		})
		return { removed: true }
	})
}

/**
 * Makes a team member a manager of the team, or stops them being one (administrators and owners).
 * A manager sees the team and every team beneath it on the Teams, Assignments and Compliance pages,
 * and assigns training to its people; managing a team does not make them an administrator.
 */
export async function setTeamManager({
	organisationId,
	actorId,
	teamId,
	membershipId,
	isManager,
	origin = {},
}: Actor & { teamId: string; membershipId: string; isManager: boolean }) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const team = await findTeam(tx, { organisationId, teamId })
		const row = await tx.teamMember.findFirst({
			where: { teamId: team.id, membershipId, membership: { organisationId } },
			select: { isManager: true },
		})
		if (!row) throw memberNotFound()
		if (row.isManager === isManager) return { changed: false }
		await tx.teamMember.update({
			where: { teamId_membershipId: { teamId: team.id, membershipId } },
			data: { isManager },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: isManager ? 'team.manager-set' : 'team.manager-unset',
			targetType: 'Team',
			targetId: team.id,
			details: { membershipId },
			...origin,
		})
		return { changed: true }
	})
}

/**
 * Puts members of the organisation into a team, in the caller's transaction (which has checked who
 * may: SCIM's Groups, for a directory-managed team). Someone already in it keeps their row; each
 * newcomer whose membership is active joins for the team's new-starter rules, as addTeamMember does.
 * Returns the membership ids newly added.
 */
export async function joinTeam(
	tx: Tx,
	{
		organisationId,
		teamId,
		membershipIds,
		now,
	}: { organisationId: string; teamId: string; membershipIds: string[]; now: Date },
) {
	if (membershipIds.length === 0) return []
	const added = await insertTeamMembers(tx, { organisationId, teamId, membershipIds, now })
	for (const row of added) if (row.active) await onMemberJoined(tx, { organisationId, userId: row.userId, now })
	return added.map((row) => row.membershipId)
}
