import { cancelRequirementsOfLeaver } from '#modules/assignments/cancel-requirements.ts'
import type { RequestOrigin } from '#modules/audit/record.ts'
import { type OrgRole, prisma, type Tx } from '#modules/db/client.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { assertOrganisationActor } from './access.ts'
import { audit } from './audit.ts'
import { endHeldSeat } from './end-seat.ts'
import { markMembershipRemoved } from './removals.ts'
import { lockMemberships } from './sql.ts'

/**
 * Members of an organisation with their roles, by name; `deactivatedAt` is set for people the
 * organisation's provisioning (SCIM) marked as leavers, who keep the row but no access.
 */
export async function listMembers({ organisationId }: { organisationId: string }) {
	const members = await prisma.membership.findMany({
		where: { organisationId },
		select: {
			id: true,
			role: true,
			createdAt: true,
			deactivatedAt: true,
			user: { select: { id: true, name: true, email: true } },
		},
		orderBy: [{ user: { name: 'asc' } }, { createdAt: 'asc' }],
	})
	return members.map((m) => ({
		id: m.id,
		role: m.role,
		joinedAt: m.createdAt,
		deactivatedAt: m.deactivatedAt,
		userId: m.user.id,
		name: m.user.name,
		email: m.user.email,
	}))
}

async function findMember(tx: Tx, organisationId: string, membershipId: string) {
	const member = await tx.membership.findFirst({
		where: { id: membershipId, organisationId },
		select: { id: true, role: true, userId: true },
	})
	if (!member) throw new OrganisationsError('not_found', 'MEMBER_NOT_FOUND', 'We could not find that member.')
	return member
}

async function assertOwnerRemains(tx: Tx, organisationId: string, member: { id: string; role: OrgRole }) {
	if (member.role !== 'OWNER') return
	const owners = await tx.membership.count({ where: { organisationId, role: 'OWNER', id: { not: member.id } } })
	if (owners === 0) {
		throw new OrganisationsError(
			'conflict',
			'LAST_OWNER',
			'An organisation must keep at least one owner: make someone else an owner first.',
		)
	}
}

/**
 * Changes a member's role. The actor's own role is read here, after the organisation's memberships
 * are locked: administrators may make people members or administrators; only owners (which
 * platform admins act as) may make someone an owner or change an owner's role; and the last owner
 * cannot stop being one.
 */
export async function changeMemberRole({
	organisationId,
	membershipId,
	role,
	actorId,
	origin = {},
}: {
	organisationId: string
	membershipId: string
	role: OrgRole
	actorId: string
	/** The request's IP address and browser, for the audit log. */
	origin?: RequestOrigin
}) {
	return prisma.$transaction(async (tx) => {
		await lockMemberships(tx, organisationId)
		const actor = await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const member = await findMember(tx, organisationId, membershipId)
		if ((role === 'OWNER' || member.role === 'OWNER') && actor.role !== 'OWNER') {
			throw new OrganisationsError(
				'forbidden',
				'OWNER_ONLY',
				'Only an owner can make someone an owner or change an owner’s role.',
			)
		}
		if (member.role === role) return { changed: false }
		if (role !== 'OWNER') await assertOwnerRemains(tx, organisationId, member)
		await tx.membership.update({ where: { id: member.id }, data: { role } })
		await audit(tx, {
			actorId,
			organisationId,
			action: 'member.change-role',
			targetType: 'Membership',
			targetId: member.id,
			details: { userId: member.userId, from: member.role, to: role },
			...origin,
		})
		return { changed: true }
	})
}

/**
 * Removes someone from an organisation and ends their access to its seats: every seat they hold in
 * the organisation's pools is REVOKED with its enrolment; a seat they had not started goes back to
 * its pool, a started one stays spent. Their pending invitations to the organisation are revoked
 * too. The actor must be an administrator or owner (read here, after the memberships are locked);
 * only owners may remove an owner, and the last owner cannot be removed.
 */
export async function removeMember({
	organisationId,
	membershipId,
	actorId,
	origin = {},
}: {
	organisationId: string
	membershipId: string
	actorId: string
	/** The request's IP address and browser, for the audit log. */
	origin?: RequestOrigin
}) {
	return prisma.$transaction(async (tx) => {
		await lockMemberships(tx, organisationId)
		const actor = await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const member = await findMember(tx, organisationId, membershipId)
		if (member.role === 'OWNER' && actor.role !== 'OWNER') {
			throw new OrganisationsError('forbidden', 'OWNER_ONLY', 'Only an owner can remove an owner.')
		}
		await assertOwnerRemains(tx, organisationId, member)
		return endMembership(tx, {
			organisationId,
			member,
			actorId,
			action: 'member.remove',
			reason: 'Removed from the organisation',
			origin,
		})
	})
}

/**
 * Someone leaves an organisation of their own accord: their membership ends as an administrator's
 * removal would end it (seats, invitations, requirements), and everything they learnt stays theirs.
 * The last owner cannot leave (the organisation must keep one). Not a member: MEMBER_NOT_FOUND.
 */
export async function leaveOrganisation({
	organisationId,
	userId,
	origin = {},
}: {
	organisationId: string
	userId: string
	origin?: RequestOrigin
}) {
	return prisma.$transaction(async (tx) => {
		await lockMemberships(tx, organisationId)
		const member = await tx.membership.findUnique({
			where: { organisationId_userId: { organisationId, userId } },
			select: { id: true, role: true, userId: true },
		})
		if (!member) throw new OrganisationsError('not_found', 'MEMBER_NOT_FOUND', 'We could not find that member.')
		await assertOwnerRemains(tx, organisationId, member)
		return endMembership(tx, {
			organisationId,
			member,
			actorId: userId,
			action: 'member.leave',
			reason: 'Left the organisation',
			origin,
		})
	})
}

/**
 * Ends one membership inside `tx`, whose caller has checked the actor: every seat the person holds
 * in the organisation's pools is REVOKED with its enrolment (a seat they had not started goes back
 * to its pool), their pending invitations and requirements are cancelled and the membership row is
 * deleted. Nothing the person owns is touched: certificates, CPD entries, reflections, reflective
 * records and circle attendance stay theirs (modules/organisations/leaver-keeps-record.test.ts).
 */
async function endMembership(
	tx: Tx,
	{
		organisationId,
		member,
		actorId,
		action,
		reason,
		origin,
	}: {
		organisationId: string
		member: { id: string; userId: string }
		actorId: string
		action: 'member.remove' | 'member.leave'
		reason: string
		origin: RequestOrigin
	},
) {
	const seats = await tx.seatAssignment.findMany({
		where: { userId: member.userId, status: 'ASSIGNED', pool: { organisationId } },
		select: { id: true },
	})
	let seatsReturned = 0
	for (const seat of seats) {
		const { seatReturned } = await endHeldSeat(tx, {
			assignmentId: seat.id,
			mode: 'revoke',
			actorId,
			organisationId,
			reason,
			origin,
		})
		if (seatReturned) seatsReturned += 1
	}
	const user = await tx.user.findUniqueOrThrow({ where: { id: member.userId }, select: { email: true } })
	await tx.invitation.updateMany({
		where: { organisationId, email: user.email, acceptedAt: null, revokedAt: null },
		data: { revokedAt: new Date() },
	})
	// Nothing assigned here is required of them any more.
	const requirementsCancelled = await cancelRequirementsOfLeaver(tx, { organisationId, userId: member.userId, now: new Date() })
	await tx.membership.delete({ where: { id: member.id } })
	await markMembershipRemoved(tx, { organisationId, userId: member.userId, reason: action })
	await audit(tx, {
		actorId,
		organisationId,
		action,
		targetType: 'Membership',
		targetId: member.id,
		details: { userId: member.userId, seatsEnded: seats.length, seatsReturned, requirementsCancelled },
		...origin,
	})
	return { seatsEnded: seats.length, seatsReturned }
}
