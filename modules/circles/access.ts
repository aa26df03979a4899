import { type Tx } from '#modules/db/client.ts'
import { assertOrganisationActor, hasOrgRole } from '#modules/organisations/access.ts'
import { CirclesError } from './errors.ts'

type CircleScope = { organisationId: string | null; teamId: string | null }

export function circleNotFound() {
	return new CirclesError('not_found', 'CIRCLE_NOT_FOUND', 'We could not find that circle.')
}

/**
 * Whether `userId` may see (and book) a circle: everyone sees an open circle; a private one is seen by
 * the members of its team (or of its organisation when it names no team) and the organisation's
 * administrators. A platform admin sees every circle.
 */
export async function canSeeCircle(tx: Tx, circle: CircleScope, userId: string) {
	if (!circle.organisationId) return true
	const user = await tx.user.findUnique({
		where: { id: userId },
		select: {
			role: true,
			memberships: {
				where: { organisationId: circle.organisationId },
				select: {
					role: true,
					teams: circle.teamId ? { where: { teamId: circle.teamId }, select: { teamId: true } } : false,
				},
			},
		},
	})
	if (!user) return false
	if (user.role === 'ADMIN') return true
	const membership = user.memberships[0]
	if (!membership) return false
	if (hasOrgRole(membership.role, 'ADMIN')) return true
	if (!circle.teamId) return true
	return (membership.teams?.length ?? 0) > 0
}

/** Throws CIRCLE_NOT_FOUND (not forbidden: a private circle's existence is not for outsiders) unless canSeeCircle. */
export async function assertCanSeeCircle(tx: Tx, circle: CircleScope, userId: string) {
	if (!(await canSeeCircle(tx, circle, userId))) throw circleNotFound()
}

/**
 * Whether `userId` runs a circle: its facilitator, whoever scheduled it, an administrator of its
 * organisation (private circles) or a platform admin. They see the register and the check-in code.
 */
export async function canRunCircle(
	tx: Tx,
	circle: CircleScope & { facilitatorId: string; createdById: string | null },
	userId: string,
) {
	if (circle.facilitatorId === userId || circle.createdById === userId) return true
	const user = await tx.user.findUnique({
		where: { id: userId },
		select: {
			role: true,
			memberships: circle.organisationId
				? { where: { organisationId: circle.organisationId }, select: { role: true } }
				: false,
		},
	})
	if (!user) return false
	if (user.role === 'ADMIN') return true
	const membership = user.memberships?.[0]
	return Boolean(membership && hasOrgRole(membership.role, 'ADMIN'))
}

/** Throws NOT_THE_FACILITATOR unless canRunCircle. */
export async function assertRunsCircle(
	tx: Tx,
	circle: CircleScope & { facilitatorId: string; createdById: string | null },
	userId: string,
) {
	if (!(await canRunCircle(tx, circle, userId))) {
		throw new CirclesError(
			'forbidden',
			'NOT_THE_FACILITATOR',
			'Only the circle’s facilitator or organiser can do that.',
		)
	}
}

/**
 * Who may schedule an organisation's private circles: its owners and administrators (and platform
 * admins), and a member an administrator made one of its circle facilitators (`facilitatesCircles`).
 * Read inside the write's transaction, so a permission taken away a moment ago counts.
 */
export async function assertCircleScheduler(
	tx: Tx,
	{ organisationId, actorId }: { organisationId: string; actorId: string },
) {
	const actor = await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'MEMBER' })
	if (hasOrgRole(actor.role, 'ADMIN')) return { ...actor, isOrgAdmin: true }
	const membership = await tx.membership.findUnique({
		where: { organisationId_userId: { organisationId, userId: actorId } },
		select: { facilitatesCircles: true, deactivatedAt: true },
	})
	if (!membership?.facilitatesCircles || membership.deactivatedAt) {
		throw new CirclesError(
			'forbidden',
			'NOT_A_SCHEDULER',
			'Only the organisation’s administrators and circle facilitators can schedule its circles.',
		)
	}
	return { ...actor, isOrgAdmin: false }
}
