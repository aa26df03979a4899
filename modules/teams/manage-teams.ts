import type { RequestOrigin } from '#modules/audit/record.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { cancelRuleRequirements } from '#modules/assignments/cancel-requirements.ts'
import { TeamsError } from './errors.ts'
import { MAX_TEAM_DEPTH } from './schemas.ts'
import { lockTeamTree, selectTeamAncestry, selectTeamSubtree } from './sql.ts'

function teamNotFound(field?: string) {
	return new TeamsError('not_found', 'TEAM_NOT_FOUND', 'We could not find that team.', field ? { field } : {})
}

/** The team, which must belong to the organisation (a team id from a URL is never trusted alone). */
export async function findTeam(
	tx: Tx,
	{ organisationId, teamId, field }: { organisationId: string; teamId: string; field?: string },
) {
	const team = await tx.team.findFirst({
		where: { id: teamId, organisationId },
		select: { id: true, name: true, parentId: true, managedByDirectory: true },
	})
	if (!team) throw teamNotFound(field)
	return team
}

/** Refuses a name a sibling (or, at the top level, another top-level team) already has, ignoring case. */
export async function assertNameFree(
	tx: Tx,
	{
		organisationId,
		parentId,
		name,
		exceptId,
	}: { organisationId: string; parentId: string | null; name: string; exceptId?: string },
) {
	const clash = await tx.team.findFirst({
		where: {
			organisationId,
			parentId,
			name: { equals: name, mode: 'insensitive' },
			...(exceptId ? { id: { not: exceptId } } : {}),
		},
		select: { id: true },
	})
	if (clash) {
		throw new TeamsError(
			'conflict',
			'TEAM_NAME_TAKEN',
			parentId
				? 'A team beside it already has this name: choose another.'
				: 'A top-level team already has this name: choose another.',
			{ field: 'name' },
		)
	}
}

type Actor = { organisationId: string; actorId: string; origin?: RequestOrigin }

/**
 * Creates a team, at the top level or beneath `parentId`. Administrators and owners only; names are
 * unique (ignoring case) among a team's siblings, and teams nest at most MAX_TEAM_DEPTH levels.
 * Changes to one organisation's tree run one at a time (lockTeamTree).
 */
export async function createTeam({
	organisationId,
	actorId,
	name,
	parentId,
	origin = {},
}: Actor & { name: string; parentId: string | null }) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await lockTeamTree(tx, organisationId)
		if (parentId) {
			await findTeam(tx, { organisationId, teamId: parentId, field: 'parentId' })
			const ancestry = await selectTeamAncestry(tx, { teamId: parentId })
			if (ancestry.length + 1 > MAX_TEAM_DEPTH) throw tooDeep()
		}
		await assertNameFree(tx, { organisationId, parentId, name })
		const team = await tx.team.create({ data: { organisationId, parentId, name }, select: { id: true, name: true } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'team.create',
			targetType: 'Team',
			targetId: team.id,
			details: { name, parentId },
			...origin,
		})
		return team
	})
}

function tooDeep() {
	return new TeamsError(
		'invalid',
		'TEAM_TOO_DEEP',
		`Teams can be nested at most ${MAX_TEAM_DEPTH} levels deep: choose a team higher up.`,
		{ field: 'parentId' },
	)
}

/** Renames a team (administrators and owners), keeping names unique among its siblings. */
export async function renameTeam({
	organisationId,
	actorId,
	teamId,
	name,
	origin = {},
}: Actor & { teamId: string; name: string }) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await lockTeamTree(tx, organisationId)
		const team = await findTeam(tx, { organisationId, teamId })
		if (team.managedByDirectory) throw directoryOwns(team.name, 'rename')
		if (team.name === name) return { changed: false }
		await assertNameFree(tx, { organisationId, parentId: team.parentId, name, exceptId: team.id })
		await tx.team.update({ where: { id: team.id }, data: { name } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'team.rename',
			targetType: 'Team',
			targetId: team.id,
			details: { from: team.name, to: name },
			...origin,
		})
		return { changed: true }
	})
}

/**
 * Moves a team, with everything beneath it, under another team (or to the top level). Refused when
 * the new parent is the team itself or one of its own sub-teams (a cycle), or when the move would
 * nest the deepest of its sub-teams more than MAX_TEAM_DEPTH levels down.
 */
export async function moveTeam({
	organisationId,
	actorId,
	teamId,
	parentId,
	origin = {},
}: Actor & { teamId: string; parentId: string | null }) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await lockTeamTree(tx, organisationId)
		const team = await findTeam(tx, { organisationId, teamId })
		if (team.parentId === parentId) return { changed: false }
		const subtree = await selectTeamSubtree(tx, { teamId })
		let parentDepth = 0
		if (parentId) {
			await findTeam(tx, { organisationId, teamId: parentId, field: 'parentId' })
			if (subtree.some((t) => t.id === parentId)) {
				throw new TeamsError(
					'invalid',
					'TEAM_CYCLE',
					parentId === teamId
						? 'A team cannot be inside itself: choose another team.'
						: `${team.name} cannot move inside one of its own sub-teams: choose another team.`,
					{ field: 'parentId' },
				)
			}
			parentDepth = (await selectTeamAncestry(tx, { teamId: parentId })).length
		}
		const height = Math.max(...subtree.map((t) => t.level)) + 1
		if (parentDepth + height > MAX_TEAM_DEPTH) throw tooDeep()
		await assertNameFree(tx, { organisationId, parentId, name: team.name, exceptId: team.id })
		await tx.team.update({ where: { id: team.id }, data: { parentId } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'team.move',
			targetType: 'Team',
			targetId: team.id,
			details: { from: team.parentId, to: parentId },
			...origin,
		})
		return { changed: true }
	})
}

/**
 * Deletes a team that has no sub-teams (move or delete those first: nobody loses a branch by one
 * click). Its members stay in the organisation. Assignment rules made for the team are withdrawn:
 * the requirements they made that nobody has completed yet are cancelled, completed ones are kept.
 */
export async function deleteTeam({
	organisationId,
	actorId,
	teamId,
	now,
	origin = {},
}: Actor & { teamId: string; now: Date }) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await lockTeamTree(tx, organisationId)
		const team = await findTeam(tx, { organisationId, teamId })
		if (team.managedByDirectory) throw directoryOwns(team.name, 'delete')
		const children = await tx.team.count({ where: { parentId: team.id } })
		if (children > 0) {
			throw new TeamsError(
				'conflict',
				'TEAM_HAS_SUB_TEAMS',
				`${team.name} has ${children === 1 ? 'a sub-team' : `${children} sub-teams`}: move or delete ${children === 1 ? 'it' : 'them'} first.`,
			)
		}
		const { rules, cancelled } = await removeTeam(tx, { organisationId, teamId: team.id, now })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'team.delete',
			targetType: 'Team',
			targetId: team.id,
			details: { name: team.name, rulesWithdrawn: rules, requirementsCancelled: cancelled },
			...origin,
		})
		return { rulesWithdrawn: rules, requirementsCancelled: cancelled }
	})
}

/**
 * Removes a team in the caller's transaction, which has checked who may: the assignment rules made
 * for it are withdrawn (requirements nobody has completed are cancelled, completed ones are kept),
 * and its people stay in the organisation. deleteTeam and SCIM's DELETE /Groups share it.
 */
export async function removeTeam(
	tx: Tx,
	{ organisationId, teamId, now }: { organisationId: string; teamId: string; now: Date },
) {
	const rules = await tx.assignment.findMany({ where: { organisationId, teamId }, select: { id: true } })
	const cancelled = await cancelRuleRequirements(tx, { assignmentIds: rules.map((r) => r.id), now })
	await tx.team.delete({ where: { id: teamId } })
	return { rules: rules.length, cancelled }
}

function directoryOwns(name: string, what: 'rename' | 'delete') {
	return new TeamsError(
		'conflict',
		'TEAM_MANAGED_BY_DIRECTORY',
		`${name} comes from your organisation’s directory: ${what} it in your identity provider.`,
		what === 'rename' ? { field: 'name' } : {},
	)
}
