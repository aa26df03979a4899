import { prisma } from '#modules/db/client.ts'
import { TeamsError } from './errors.ts'
import type { TeamScope } from './scope.ts'
import { selectTeamAncestry } from './sql.ts'

export type TeamRow = {
	id: string
	name: string
	parentId: string | null
	/** 0 for a top-level team (or the highest team a manager sees), 1 beneath it, and so on. */
	depth: number
	/** The names above it, top first: "Riverside Academy Trust › Oakfield Primary". */
	path: string[]
	memberCount: number
	managers: string[]
	/** Kept up to date by the organisation's directory (SCIM Groups): its people change only there. */
	managedByDirectory: boolean
}

/**
 * The organisation's teams in tree order (each team followed by its sub-teams, siblings by name),
 * with direct member counts and managers' names. A team manager sees only their teams and the
 * teams beneath them.
 */
export async function listTeams({
	organisationId,
	scope,
}: {
	organisationId: string
	scope: TeamScope
}): Promise<TeamRow[]> {
	const teams = await prisma.team.findMany({
		where: { organisationId },
		select: {
			id: true,
			name: true,
			parentId: true,
			managedByDirectory: true,
			_count: { select: { members: { where: { membership: { deactivatedAt: null } } } } },
			members: {
				where: { isManager: true, membership: { deactivatedAt: null } },
				select: { membership: { select: { user: { select: { name: true } } } } },
			},
		},
		orderBy: { name: 'asc' },
	})
	const visible = scope.kind === 'organisation' ? null : new Set(scope.teamIds)
	const byParent = new Map<string | null, typeof teams>()
	for (const team of teams) {
		// A manager's highest visible teams are roots of their view.
		const parent = visible && team.parentId && !visible.has(team.parentId) ? null : team.parentId
		if (visible && !visible.has(team.id)) continue
		byParent.set(parent, [...(byParent.get(parent) ?? []), team])
	}
	const rows: TeamRow[] = []
	const walk = (parentId: string | null, depth: number, path: string[]) => {
		for (const team of byParent.get(parentId) ?? []) {
			rows.push({
				id: team.id,
				name: team.name,
				parentId: team.parentId,
				depth,
				path,
				memberCount: team._count.members,
				managers: team.members.map((m) => m.membership.user.name).sort((a, b) => a.localeCompare(b)),
				managedByDirectory: team.managedByDirectory,
			})
			walk(team.id, depth + 1, [...path, team.name])
		}
	}
	walk(null, 0, [])
	return rows
}

/**
 * One team's page: its place in the tree, its sub-teams, its members (managers first), and the
 * organisation's other active members who could be added (for administrators and the team's
 * managers, who may add them; none for a directory-managed team). 404 for a team of
 * another organisation, or one a manager does not manage.
 */
export async function getTeam({
	organisationId,
	teamId,
	scope,
}: {
	organisationId: string
	teamId: string
	scope: TeamScope
}) {
	if (scope.kind === 'teams' && !scope.teamIds.includes(teamId)) throw notFound()
	const team = await prisma.team.findFirst({
		where: { id: teamId, organisationId },
		select: {
			id: true,
			name: true,
			parentId: true,
			managedByDirectory: true,
			children: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
			members: {
				select: {
					isManager: true,
					createdAt: true,
					membership: {
						select: { id: true, deactivatedAt: true, user: { select: { id: true, name: true, email: true } } },
					},
				},
			},
		},
	})
	if (!team) throw notFound()
	const ancestry = await selectTeamAncestry(prisma, { teamId })
	const members = team.members
		.map((m) => ({
			membershipId: m.membership.id,
			userId: m.membership.user.id,
			name: m.membership.user.name,
			email: m.membership.user.email,
			isManager: m.isManager,
			addedAt: m.createdAt,
			deactivated: m.membership.deactivatedAt !== null,
		}))
		.sort((a, b) => Number(b.isManager) - Number(a.isManager) || a.name.localeCompare(b.name))
	const inTeam = new Set(members.map((m) => m.membershipId))
	const candidates = !team.managedByDirectory
		? (
				await prisma.membership.findMany({
					where: { organisationId, deactivatedAt: null },
					select: { id: true, user: { select: { name: true, email: true } } },
					orderBy: { user: { name: 'asc' } },
				})
			)
				.filter((m) => !inTeam.has(m.id))
				.map((m) => ({ membershipId: m.id, name: m.user.name, email: m.user.email }))
		: []
	return {
		id: team.id,
		name: team.name,
		parentId: team.parentId,
		managedByDirectory: team.managedByDirectory,
		/** Teams above it, top first. */
		path: ancestry
			.slice(1)
			.reverse()
			.map((t) => ({ id: t.id, name: t.name })),
		depth: ancestry.length,
		children: team.children,
		members,
		candidates,
	}
}

function notFound() {
	return new TeamsError('not_found', 'TEAM_NOT_FOUND', 'We could not find that team.')
}

/** The organisations (by id) in which `userId` manages at least one team, as an active member. */
export async function listOrganisationsWithManagedTeams({ userId }: { userId: string }): Promise<Set<string>> {
	const rows = await prisma.teamMember.findMany({
		where: { isManager: true, membership: { userId, deactivatedAt: null } },
		select: { team: { select: { organisationId: true } } },
	})
	return new Set(rows.map((row) => row.team.organisationId))
}
