// Every write of the organisations context checks its actor itself (ADR 0009): called with the
// wrong actorId it throws and changes nothing, whatever the route did or did not check. Removing the
// check from any one write fails its test here. Modelled on modules/authoring/authoring.test.ts.
import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import {
	addMember,
	createInvitation,
	createOrganisation as createOrganisationRow,
	createSeatPool,
	createUser,
} from '#tests/factories/organisations.ts'
import { claimSeat } from './claim-seat.ts'
import { createOrganisation } from './create-organisation.ts'
import { reclaimSeat, removeSeatAccess } from './end-seat.ts'
import { inviteStaff, resendInvitation, revokeInvitation } from './invitations.ts'
import { changeMemberRole, removeMember } from './members.ts'
import { sendPoolReminders, sendSeatReminder } from './seat-reminders.ts'

afterAll(releaseTestResources)

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('Expected a rejection')
}

async function disable(userId: string) {
	await prisma.user.update({ where: { id: userId }, data: { disabledAt: new Date() } })
}

/** An organisation with an admin, a member, a seat holder, a pending invitation, and the wrong actors. */
async function world() {
	const org = await createOrganisationRow()
	const admin = await addMember({ organisationId: org.id, role: 'ADMIN', name: 'Ada Admin' })
	const member = await addMember({ organisationId: org.id, role: 'MEMBER', name: 'Mo Member' })
	const pool = await createSeatPool({ organisationId: org.id, seats: 10 })
	const holder = await createUser({ name: 'Hal Holder' })
	await addMember({ organisationId: org.id, userId: holder.id })
	const seat = await claimSeat({ poolId: pool.id, userId: holder.id })
	const invitee = `invitee-${crypto.randomUUID()}@example.org`
	const invitation = await createInvitation({
		organisationId: org.id,
		poolId: pool.id,
		email: invitee,
		invitedById: admin.id,
	})
	const other = await createOrganisationRow()
	const otherAdmin = await addMember({ organisationId: other.id, role: 'ADMIN' })
	const disabledAdmin = await addMember({ organisationId: org.id, role: 'ADMIN', name: 'Dee Disabled' })
	await disable(disabledAdmin.id)
	const stranger = await createUser({ name: 'Stan Stranger' })
	const wrongActors = [
		{ who: 'a member who is not an administrator', id: member.id, kind: 'forbidden' },
		{ who: 'an administrator of another organisation', id: otherAdmin.id, kind: 'not_found' },
		{ who: 'a disabled administrator', id: disabledAdmin.id, kind: 'forbidden' },
		{ who: 'a stranger', id: stranger.id, kind: 'not_found' },
		{ who: 'nobody (an unknown id)', id: 'c000000000000000000000000', kind: 'not_found' },
	] as const
	return { org, admin, member, pool, holder, seat, invitee, invitation, wrongActors }
}
type World = Awaited<ReturnType<typeof world>>

/** Everything the writes could change, for the organisation and the addresses involved. */
async function state(w: World) {
	const organisationId = w.org.id
	return Promise.all([
		prisma.auditLog.count({ where: { organisationId } }),
		prisma.invitation.findMany({
			where: { organisationId },
			select: { id: true, email: true, revokedAt: true, tokenHash: true, expiresAt: true },
			orderBy: { id: 'asc' },
		}),
		prisma.seatAssignment.findMany({
			where: { pool: { organisationId } },
			select: { id: true, status: true },
			orderBy: { id: 'asc' },
		}),
		prisma.seatPool.findMany({ where: { organisationId }, select: { id: true, seats: true, used: true } }),
		prisma.membership.findMany({ where: { organisationId }, select: { id: true, role: true }, orderBy: { id: 'asc' } }),
		prisma.enrolment.findMany({ where: { userId: w.holder.id }, select: { id: true, status: true } }),
		prisma.emailMessage.count({ where: { to: { in: [w.invitee, w.holder.email, 'new-hire@example.org'] } } }),
		prisma.throttle.count(),
	])
}

type Write = {
	name: string
	call: (w: World, actorId: string) => Promise<unknown>
}

const WRITES: Write[] = [
	{
		name: 'inviteStaff',
		call: (w, actorId) =>
			inviteStaff({
				organisationId: w.org.id,
				poolId: w.pool.id,
				actorId,
				rows: [{ row: 1, email: `new-${crypto.randomUUID()}@example.org`, name: null }],
			}),
	},
	{
		name: 'revokeInvitation',
		call: (w, actorId) => revokeInvitation({ organisationId: w.org.id, invitationId: w.invitation.id, actorId }),
	},
	{
		name: 'resendInvitation',
		call: (w, actorId) => resendInvitation({ organisationId: w.org.id, invitationId: w.invitation.id, actorId }),
	},
	{
		name: 'reclaimSeat',
		call: (w, actorId) =>
			reclaimSeat({ organisationId: w.org.id, poolId: w.pool.id, assignmentId: w.seat.assignmentId, actorId }),
	},
	{
		name: 'removeSeatAccess',
		call: (w, actorId) =>
			removeSeatAccess({ organisationId: w.org.id, poolId: w.pool.id, assignmentId: w.seat.assignmentId, actorId }),
	},
	{
		name: 'sendSeatReminder',
		call: (w, actorId) =>
			sendSeatReminder({ organisationId: w.org.id, poolId: w.pool.id, assignmentId: w.seat.assignmentId, actorId }),
	},
	{
		name: 'sendPoolReminders',
		call: (w, actorId) => sendPoolReminders({ organisationId: w.org.id, poolId: w.pool.id, actorId }),
	},
	{
		name: 'changeMemberRole',
		call: async (w, actorId) => {
			const { membershipId } = await prisma.membership
				.findFirstOrThrow({ where: { organisationId: w.org.id, userId: w.member.id }, select: { id: true } })
				.then((m) => ({ membershipId: m.id }))
			return changeMemberRole({ organisationId: w.org.id, membershipId, role: 'ADMIN', actorId })
		},
	},
	{
		name: 'removeMember',
		call: (w, actorId) => removeMember({ organisationId: w.org.id, membershipId: w.member.membershipId, actorId }),
	},
]

describe('every organisations write checks its actor', () => {
	test.each(WRITES)(
		'$name: the wrong actors are refused and nothing changes; an administrator succeeds',
		async ({ call }) => {
			const w = await world()
			const before = await state(w)
			for (const actor of w.wrongActors) {
				const error = await thrown(call(w, actor.id))
				expect(isDomainError(error) ? error.kind : error, actor.who).toBe(actor.kind)
			}
			expect(await state(w)).toEqual(before)
			// The same call by an administrator of the organisation goes through: the refusals above were
			// about the actor, not a call that could never succeed.
			await call(w, w.admin.id)
			expect(await state(w)).not.toEqual(before)
		},
	)

	test('createOrganisation: a disabled account or an unknown id cannot create one', async () => {
		const disabled = await createUser()
		await disable(disabled.id)
		for (const ownerId of [disabled.id, 'c000000000000000000000000']) {
			const name = `Refused ${crypto.randomUUID()}`
			const error = await thrown(createOrganisation({ ownerId, name }))
			expect(isDomainError(error) && error.kind).toBe('forbidden')
			expect(await prisma.organisation.count({ where: { name } })).toBe(0)
		}
	})
})

describe('owner rules for roles are checked in the domain', () => {
	async function roles(organisationId: string) {
		const rows = await prisma.membership.findMany({ where: { organisationId }, select: { userId: true, role: true } })
		return new Map(rows.map((r) => [r.userId, r.role]))
	}

	test('an administrator cannot make an owner, change an owner, or remove one; an owner can', async () => {
		const org = await createOrganisationRow()
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const member = await addMember({ organisationId: org.id, role: 'MEMBER' })
		const coOwner = await addMember({ organisationId: org.id, role: 'OWNER' })
		const before = await roles(org.id)

		for (const attempt of [
			() =>
				changeMemberRole({
					organisationId: org.id,
					membershipId: member.membershipId,
					role: 'OWNER',
					actorId: admin.id,
				}),
			() =>
				changeMemberRole({
					organisationId: org.id,
					membershipId: admin.membershipId,
					role: 'OWNER',
					actorId: admin.id,
				}),
			() =>
				changeMemberRole({
					organisationId: org.id,
					membershipId: coOwner.membershipId,
					role: 'MEMBER',
					actorId: admin.id,
				}),
			() => removeMember({ organisationId: org.id, membershipId: coOwner.membershipId, actorId: admin.id }),
		]) {
			const error = await thrown(attempt())
			expect(isDomainError(error) && error.code).toBe('OWNER_ONLY')
		}
		expect(await roles(org.id)).toEqual(before)

		// Administrators may still move people between member and administrator.
		await changeMemberRole({
			organisationId: org.id,
			membershipId: member.membershipId,
			role: 'ADMIN',
			actorId: admin.id,
		})
		await changeMemberRole({
			organisationId: org.id,
			membershipId: coOwner.membershipId,
			role: 'ADMIN',
			actorId: org.owner.id,
		})
		await changeMemberRole({
			organisationId: org.id,
			membershipId: member.membershipId,
			role: 'OWNER',
			actorId: org.owner.id,
		})
		const after = await roles(org.id)
		expect([after.get(member.id), after.get(coOwner.id), after.get(org.owner.id)]).toEqual(['OWNER', 'ADMIN', 'OWNER'])
	})

	test('the last owner cannot be demoted or removed, even by themselves or a platform admin', async () => {
		const org = await createOrganisationRow()
		const ownerMembership = await prisma.membership.findFirstOrThrow({
			where: { organisationId: org.id, userId: org.owner.id },
			select: { id: true },
		})
		const platformAdmin = await createUser({ role: 'ADMIN' })
		for (const actorId of [org.owner.id, platformAdmin.id]) {
			for (const attempt of [
				() => changeMemberRole({ organisationId: org.id, membershipId: ownerMembership.id, role: 'ADMIN', actorId }),
				() => removeMember({ organisationId: org.id, membershipId: ownerMembership.id, actorId }),
			]) {
				const error = await thrown(attempt())
				expect(isDomainError(error) && error.code).toBe('LAST_OWNER')
			}
		}
		expect((await roles(org.id)).get(org.owner.id)).toBe('OWNER')
	})

	test('a platform admin who is not a member acts as an owner', async () => {
		const org = await createOrganisationRow()
		const member = await addMember({ organisationId: org.id, role: 'MEMBER' })
		const platformAdmin = await createUser({ role: 'ADMIN' })
		await changeMemberRole({
			organisationId: org.id,
			membershipId: member.membershipId,
			role: 'OWNER',
			actorId: platformAdmin.id,
		})
		expect((await roles(org.id)).get(member.id)).toBe('OWNER')
	})

	test('a role taken away counts at once: a demoted administrator is refused on their next write', async () => {
		const org = await createOrganisationRow()
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const member = await addMember({ organisationId: org.id, role: 'MEMBER' })
		await changeMemberRole({
			organisationId: org.id,
			membershipId: admin.membershipId,
			role: 'MEMBER',
			actorId: org.owner.id,
		})
		const error = await thrown(
			changeMemberRole({ organisationId: org.id, membershipId: member.membershipId, role: 'ADMIN', actorId: admin.id }),
		)
		expect(isDomainError(error) && error.kind).toBe('forbidden')
	})
})
