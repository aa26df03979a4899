import { recordAudit } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { CirclesError } from './errors.ts'

/**
 * An organisation's administrator makes a member one of its circle facilitators (`on`), or stops
 * them being one. A facilitator schedules and runs the organisation's private circles without being
 * an administrator or a platform trainer (assertCircleScheduler). Audited; returns whether it changed.
 */
export async function setCircleFacilitator({
	organisationId,
	actorId,
	userId,
	on,
}: {
	organisationId: string
	actorId: string
	userId: string
	on: boolean
}) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const membership = await tx.membership.findUnique({
			where: { organisationId_userId: { organisationId, userId } },
			select: { id: true, facilitatesCircles: true, deactivatedAt: true },
		})
		if (!membership || (on && membership.deactivatedAt)) {
			throw new CirclesError('invalid', 'NOT_A_MEMBER', 'Choose someone in your organisation.', { field: 'userId' })
		}
		if (membership.facilitatesCircles === on) return { changed: false }
		await tx.membership.update({ where: { id: membership.id }, data: { facilitatesCircles: on }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: on ? 'circle.facilitator_added' : 'circle.facilitator_removed',
			targetType: 'User',
			targetId: userId,
		})
		return { changed: true }
	})
}

/** An organisation's circle facilitators and the members who could become one (for its administrators' page). */
export async function listCircleFacilitators({ organisationId }: { organisationId: string }) {
	const members = await prisma.membership.findMany({
		where: { organisationId, deactivatedAt: null, role: 'MEMBER' },
		select: { facilitatesCircles: true, user: { select: { id: true, name: true, email: true } } },
		orderBy: { user: { name: 'asc' } },
		take: 1_000,
	})
	return {
		facilitators: members.filter((m) => m.facilitatesCircles).map((m) => m.user),
		candidates: members.filter((m) => !m.facilitatesCircles).map((m) => m.user),
	}
}

/** Whether `userId` is one of the organisation's circle facilitators (an active member with the permission). */
export async function isCircleFacilitator({ organisationId, userId }: { organisationId: string; userId: string }) {
	const membership = await prisma.membership.findUnique({
		where: { organisationId_userId: { organisationId, userId } },
		select: { facilitatesCircles: true, deactivatedAt: true },
	})
	return Boolean(membership?.facilitatesCircles && !membership.deactivatedAt)
}

/** The organisations in which `userId` is a circle facilitator (not an administrator), for the circles page's links. */
export async function listFacilitatedOrganisations({ userId }: { userId: string }) {
	const memberships = await prisma.membership.findMany({
		where: { userId, facilitatesCircles: true, deactivatedAt: null, role: 'MEMBER' },
		select: { organisation: { select: { slug: true, name: true } } },
		orderBy: { organisation: { name: 'asc' } },
	})
	return memberships.map((m) => m.organisation)
}
