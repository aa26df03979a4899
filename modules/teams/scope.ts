import { type OrgRole, prisma, type Role, type Tx } from '#modules/db/client.ts'
import {
	assertOrganisationActor,
	hasOrgRole,
	type OrganisationAccess,
	requireOrganisationAccess,
} from '#modules/organisations/access.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { selectManagedTeamIds } from './sql.ts'
import { TeamsError } from './errors.ts'

/**
 * Whom someone may see and assign training to in an organisation: owners, administrators and
 * platform admins everyone; a team manager only the people in the teams they manage and the teams
 * beneath them (teamIds holds all of those).
 */
export type TeamScope = { kind: 'organisation' } | { kind: 'teams'; teamIds: string[] }

export type ComplianceAccess = OrganisationAccess & { scope: TeamScope }

function notAManager(organisationName: string) {
	return new TeamsError(
		'forbidden',
		'NOT_A_TEAM_MANAGER',
		`Only administrators and team managers of ${organisationName} can see this page.`,
	)
}

/**
 * For the compliance pages (the matrix, assignments, team pages): the organisation and the actor's
 * scope in it. Like requireOrganisationAccess (404 for a stranger), but a MEMBER who manages a team
 * is let in with that team's scope; any other member gets 403.
 */
export async function requireComplianceAccess({
	user,
	slug,
}: {
	user: { id: string; role: Role }
	slug: string
}): Promise<ComplianceAccess> {
	const access = await requireOrganisationAccess({ user, slug, minRole: 'MEMBER' })
	if (hasOrgRole(access.role, 'ADMIN')) return { ...access, scope: { kind: 'organisation' } }
	const teamIds = await selectManagedTeamIds(prisma, { organisationId: access.organisation.id, userId: user.id })
	if (teamIds.length === 0) throw notAManager(access.organisation.name)
	return { ...access, scope: { kind: 'teams', teamIds } }
}

/**
 * The same check inside a domain write's transaction (ADR 0009): the actor's current role and
 * teams, read in the write's own transaction. Throws as assertOrganisationActor does for strangers
 * and disabled accounts, and NOT_A_TEAM_MANAGER for a member who manages no team.
 */
export async function assertComplianceActor(
	tx: Tx,
	{ organisationId, actorId }: { organisationId: string; actorId: string },
): Promise<{ actorId: string; role: OrgRole; isPlatformAdmin: boolean; scope: TeamScope }> {
	const actor = await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'MEMBER' })
	if (hasOrgRole(actor.role, 'ADMIN')) return { ...actor, scope: { kind: 'organisation' } }
	const teamIds = await selectManagedTeamIds(tx, { organisationId, userId: actorId })
	if (teamIds.length === 0) {
		throw new OrganisationsError('forbidden', 'NOT_AN_ORGANISATION_ADMIN', 'Only administrators and team managers can do that.')
	}
	return { ...actor, scope: { kind: 'teams', teamIds } }
}
