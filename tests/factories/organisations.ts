// Test data for organisations, seats and invitations. Each call makes its own rows (unique slugs and
// emails), so tests never depend on the seed or on each other.
import { generateEmailToken, hashToken } from '#modules/auth/tokens.ts'
import { type OrgRole, prisma } from '#modules/db/client.ts'
import { createCourse, createUser } from './learning.ts'

let counter = 0
function unique(prefix: string) {
	counter += 1
	return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

/** An organisation with an owner (a new user unless `ownerId` is given). */
export async function createOrganisation({ name, ownerId }: { name?: string; ownerId?: string } = {}) {
	const owner = ownerId
		? await prisma.user.findUniqueOrThrow({ where: { id: ownerId }, select: { id: true, email: true, name: true } })
		: await createUser({ name: 'Olive Owner' })
	const slug = unique('org')
	const organisation = await prisma.organisation.create({
		data: { slug, name: name ?? `Organisation ${slug}` },
		select: { id: true, slug: true, name: true },
	})
	await prisma.membership.create({ data: { organisationId: organisation.id, userId: owner.id, role: 'OWNER' } })
	return { ...organisation, owner }
}

/** Adds a user (new unless `userId` is given) to an organisation with `role`. */
export async function addMember({
	organisationId,
	role = 'MEMBER',
	userId,
	name,
}: {
	organisationId: string
	role?: OrgRole
	userId?: string
	name?: string
}) {
	const user = userId
		? await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } })
		: await createUser({ name: name ?? 'Morgan Member' })
	const membership = await prisma.membership.create({
		data: { organisationId, userId: user.id, role },
		select: { id: true },
	})
	return { ...user, membershipId: membership.id }
}

/** A seat pool of `seats` for a course (a new published factory course unless one is given). */
export async function createSeatPool({
	organisationId,
	seats = 10,
	used = 0,
	course,
}: {
	organisationId: string
	seats?: number
	used?: number
	course?: Awaited<ReturnType<typeof createCourse>>
}) {
	const c = course ?? (await createCourse({ modules: 1, pricePence: 4900 }))
	const pool = await prisma.seatPool.create({
		data: { organisationId, courseId: c.id, seats, used },
		select: { id: true, seats: true },
	})
	return { ...pool, course: c }
}

/** A pending invitation row with a known token (bypassing email), for link tests. */
export async function createInvitation({
	organisationId,
	poolId,
	email,
	invitedById,
	expiresAt = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
}: {
	organisationId: string
	poolId: string | null
	email: string
	invitedById?: string
	expiresAt?: Date
}) {
	const token = generateEmailToken()
	const invitation = await prisma.invitation.create({
		data: { organisationId, seatPoolId: poolId, email, tokenHash: hashToken(token), invitedById, expiresAt },
		select: { id: true },
	})
	return { ...invitation, token }
}

export { createCourse, createUser }
