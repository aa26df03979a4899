import { type OrgRole, type Role, type Tx } from '#modules/db/client.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import {
	selectActor,
	selectManagesAnOrganisation,
	selectManagesAnOrganisationOrTeam,
	selectOrganisationBySlugFor,
} from './sql.ts'

const ORG_RANK: Record<OrgRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 }

export type OrganisationAccess = {
	organisation: { id: string; slug: string; name: string }
	/** The actor's role here; platform admins who are not members act as OWNER. */
	role: OrgRole
	actorId: string
	isPlatformAdmin: boolean
}

/** True when `role` is at least `min` (an OWNER may do whatever an ADMIN may). */
export function hasOrgRole(role: OrgRole, min: OrgRole) {
	return ORG_RANK[role] >= ORG_RANK[min]
}

/**
 * The organisation behind `slug` and the actor's role in it, if that role is at least `minRole`.
 * Someone with no membership is told the organisation does not exist (404: not theirs to know
 * about); a member without the role gets 403. Platform admins may see every organisation. Every
 * organisation page calls this first and scopes every later query to the id it returns.
 */
export async function requireOrganisationAccess({
	user,
	slug,
	minRole,
}: {
	user: { id: string; role: Role }
	slug: string
	minRole: OrgRole
}): Promise<OrganisationAccess> {
	const organisation = await selectOrganisationBySlugFor({ slug, userId: user.id })
	const isPlatformAdmin = user.role === 'ADMIN'
	const memberRole = organisation?.memberRole ?? null
	if (!organisation || (!memberRole && !isPlatformAdmin)) {
		throw new OrganisationsError('not_found', 'ORGANISATION_NOT_FOUND', 'We could not find that organisation.')
	}
	const role: OrgRole = isPlatformAdmin ? 'OWNER' : memberRole!
	if (!hasOrgRole(role, minRole)) {
		throw new OrganisationsError(
			'forbidden',
			'NOT_AN_ORGANISATION_ADMIN',
			`Only ${minRole === 'OWNER' ? 'owners' : 'administrators'} of ${organisation.name} can see this page.`,
		)
	}
	return {
		organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name },
		role,
		actorId: user.id,
		isPlatformAdmin,
	}
}

/**
 * True when `userId` is an owner or administrator of at least one organisation (the header shows
 * them an "Organisation" link). One indexed query.
 */
export async function managesAnOrganisation({ userId }: { userId: string }) {
	return selectManagesAnOrganisation({ userId })
}

/**
 * True when `userId` manages an organisation (owner or administrator) or a team in one: the header
 * shows them an "Organisation" link. One statement.
 */
export async function managesAnOrganisationOrTeam({ userId }: { userId: string }) {
	return selectManagesAnOrganisationOrTeam({ userId })
}

/** Who is acting in an organisation's write, as checked inside that write's transaction. */
export type OrganisationActor = {
	actorId: string
	/** Their role here; platform admins who are not members act as OWNER. */
	role: OrgRole
	isPlatformAdmin: boolean
}

function organisationNotFound() {
	return new OrganisationsError('not_found', 'ORGANISATION_NOT_FOUND', 'We could not find that organisation.')
}

/**
 * Every write of the organisations context starts here (ADR 0009): it reads the actor's account and
 * membership inside the write's own transaction, so a caller cannot vouch for someone, and a role
 * taken away a moment ago counts. An unknown actor, or one who is neither a member nor a platform
 * admin, is told the organisation does not exist (as the pages tell them); a disabled account, or a
 * role below `minRole`, is `forbidden`.
 */
export async function assertOrganisationActor(
	tx: Tx,
	{ organisationId, actorId, minRole }: { organisationId: string; actorId: string; minRole: OrgRole },
): Promise<OrganisationActor> {
	const actor = await selectActor(tx, { organisationId, actorId })
	const isPlatformAdmin = actor?.role === 'ADMIN'
	if (!actor || actor.organisationName === null || (!actor.memberRole && !isPlatformAdmin)) throw organisationNotFound()
	if (actor.disabledAt) {
		throw new OrganisationsError('forbidden', 'ACCOUNT_DISABLED', 'This account has been disabled.')
	}
	const role: OrgRole = isPlatformAdmin ? 'OWNER' : actor.memberRole!
	if (!hasOrgRole(role, minRole)) {
		throw new OrganisationsError(
			'forbidden',
			'NOT_AN_ORGANISATION_ADMIN',
			`Only ${minRole === 'OWNER' ? 'owners' : 'administrators'} of ${actor.organisationName} can do that.`,
		)
	}
	return { actorId, role, isPlatformAdmin }
}
