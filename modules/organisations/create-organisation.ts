import { Prisma, prisma, type Sector } from '#modules/db/client.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { audit } from './audit.ts'
import { RESERVED_SLUGS, slugify } from './schemas.ts'
import { selectSeatPools } from './sql.ts'

/**
 * Creates an organisation with `ownerId` as its first OWNER: anyone with an account that is not
 * disabled may (checked here, in the transaction). The slug is the one given, or one
 * made from the name; a slug already in use is a field error (`slug`), also when two requests race
 * for it (the unique index decides).
 */
export async function createOrganisation({
	ownerId,
	name,
	slug: requestedSlug,
	sector,
	billingEmail,
}: {
	ownerId: string
	name: string
	slug?: string
	sector?: Sector | null
	/** Where invoices and receipts for seat purchases go (optional). */
	billingEmail?: string | null
}) {
	const slug = requestedSlug?.trim().toLowerCase() || slugify(name)
	if (slug.length < 3 || RESERVED_SLUGS.has(slug)) {
		throw new OrganisationsError('invalid', 'SLUG_INVALID', 'Choose a web address of 3 characters or more', {
			field: 'slug',
		})
	}
	try {
		return await prisma.$transaction(async (tx) => {
			const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } })
			if (!owner || owner.disabledAt) {
				throw new OrganisationsError(
					'forbidden',
					'ACCOUNT_DISABLED',
					'Only an active account can create an organisation.',
				)
			}
			const organisation = await tx.organisation.create({
				data: {
					name: name.trim(),
					slug,
					sector: sector ?? null,
					billingEmail: billingEmail?.trim().toLowerCase() || null,
				},
				select: { id: true, slug: true, name: true },
			})
			await tx.membership.create({ data: { organisationId: organisation.id, userId: ownerId, role: 'OWNER' } })
			await audit(tx, {
				actorId: ownerId,
				organisationId: organisation.id,
				action: 'organisation.create',
				targetType: 'Organisation',
				targetId: organisation.id,
			})
			return organisation
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new OrganisationsError('conflict', 'SLUG_TAKEN', 'That web address is already in use: choose another', {
				field: 'slug',
			})
		}
		throw error
	}
}

/** The organisations `userId` belongs to, with their role in each, by name. */
export async function listMyOrganisations({ userId }: { userId: string }) {
	const memberships = await prisma.membership.findMany({
		// A membership the organisation's provisioning deactivated gives no access.
		where: { userId, deactivatedAt: null },
		select: { role: true, organisation: { select: { id: true, slug: true, name: true, sector: true } } },
		orderBy: { organisation: { name: 'asc' } },
	})
	return memberships.map((m) => ({ ...m.organisation, role: m.role }))
}

/**
 * What an organisation's overview page shows: each seat pool (course title, seats, used, free,
 * pending invitations) and the number of members. Three queries, whatever the size.
 */
export async function getOrganisationOverview({ organisationId }: { organisationId: string }) {
	const [organisation, pools, pending] = await Promise.all([
		prisma.organisation.findUniqueOrThrow({
			where: { id: organisationId },
			select: {
				id: true,
				slug: true,
				name: true,
				sector: true,
				_count: { select: { memberships: { where: { deactivatedAt: null } } } },
			},
		}),
		listSeatPools({ organisationId }),
		prisma.invitation.groupBy({
			by: ['seatPoolId'],
			where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
			_count: { _all: true },
		}),
	])
	const pendingByPool = new Map(pending.map((p) => [p.seatPoolId, p._count._all]))
	return {
		organisation: {
			id: organisation.id,
			slug: organisation.slug,
			name: organisation.name,
			sector: organisation.sector,
			memberCount: organisation._count.memberships,
		},
		pools: pools.map((p) => ({ ...p, pendingInvitations: pendingByPool.get(p.id) ?? 0 })),
	}
}

/** The organisation's seat pools with course titles and free seats, by course title. */
export async function listSeatPools({ organisationId }: { organisationId: string }) {
	const pools = await selectSeatPools({ organisationId })
	return pools
		.map((p) => ({
			id: p.id,
			seats: p.seats,
			used: p.used,
			free: Math.max(0, p.seats - p.used),
			courseId: p.courseId,
			courseSlug: p.courseSlug,
			courseTitle: p.title ?? p.courseSlug,
		}))
		.sort((a, b) => a.courseTitle.localeCompare(b.courseTitle, 'en-GB'))
}

/**
 * One of the organisation's seat pools, found by its course's slug (the seats page's address), or
 * null. Scoped to the organisation: another organisation's pool for the same course is never found.
 */
export async function getSeatPoolByCourse({
	organisationId,
	courseSlug,
}: {
	organisationId: string
	courseSlug: string
}) {
	const pools = await listSeatPools({ organisationId })
	return pools.find((p) => p.courseSlug === courseSlug) ?? null
}
