import type { MfaPolicy, OrgRole, Role } from '#modules/db/client.ts'

/** One of the person's active memberships, as far as the MFA rule cares. */
export type MembershipMfaFacts = { policy: MfaPolicy; role: OrgRole }

/**
 * Circle's one rule for who must use a second factor: platform admins and trainers (they can change
 * courses, orders and other people's records), everyone in an organisation that requires it of all
 * its members, and the owners and admins of an organisation that requires it of its admins. Only
 * active memberships count (a leaver's deactivated one does not).
 */
export function isMfaRequired({ role, memberships }: { role: Role; memberships: readonly MembershipMfaFacts[] }) {
	if (role === 'ADMIN' || role === 'TRAINER') return true
	return memberships.some(
		(membership) =>
			membership.policy === 'ALL' ||
			(membership.policy === 'ADMINS' && (membership.role === 'OWNER' || membership.role === 'ADMIN')),
	)
}

/** Why the rule applies, in words for the set-up page. */
export function mfaRequirementReason({
	role,
	memberships,
}: {
	role: Role
	memberships: readonly (MembershipMfaFacts & { organisationName: string })[]
}) {
	if (role === 'ADMIN') return 'Platform admins must use two-step sign-in, because they can change anyone’s records.'
	if (role === 'TRAINER') return 'Trainers must use two-step sign-in, because they can change courses people rely on.'
	const org = memberships.find((m) => isMfaRequired({ role: 'LEARNER', memberships: [m] }))
	return org
		? `${org.organisationName} requires two-step sign-in for ${org.policy === 'ALL' ? 'all its members' : 'its owners and admins'}.`
		: null
}
