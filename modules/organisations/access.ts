import { type OrgRole, prisma, type Role } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'

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
	const organisation = await prisma.organisation.findUnique({
		where: { slug },
		select: {
			id: true,
			slug: true,
			name: true,
			memberships: { where: { userId: user.id }, select: { role: true } },
		},
	})
	const isPlatformAdmin = user.role === 'ADMIN'
	const membership = organisation?.memberships[0]
	if (!organisation || (!membership && !isPlatformAdmin)) {
		throw new DomainError('not_found', 'ORGANISATION_NOT_FOUND', 'We could not find that organisation.')
	}
	const role: OrgRole = isPlatformAdmin ? 'OWNER' : membership!.role
	if (!hasOrgRole(role, minRole)) {
		throw new DomainError(
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
	const membership = await prisma.membership.findFirst({
		where: { userId, role: { in: ['OWNER', 'ADMIN'] } },
		select: { id: true },
	})
	return membership !== null
}
