import { type OrgRole, prisma, type Role } from '#modules/db/client.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'

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
	// One statement: every organisation page and action starts here.
	const [organisation] = await prisma.$queryRaw<
		Array<{ id: string; slug: string; name: string; memberRole: OrgRole | null }>
	>`
		SELECT o.id, o.slug, o.name, m.role::text AS "memberRole"
		FROM "Organisation" o
		LEFT JOIN "Membership" m ON m."organisationId" = o.id AND m."userId" = ${user.id}
		WHERE o.slug = ${slug}`
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
	// Raw: the root loader asks this on every page a signed-in user opens.
	const rows = await prisma.$queryRaw<Array<{ one: number }>>`
		SELECT 1 AS one FROM "Membership" WHERE "userId" = ${userId} AND role IN ('OWNER', 'ADMIN') LIMIT 1`
	return rows.length > 0
}
