import { prisma, type Prisma } from '#modules/db/client.ts'
import { ORDER_PRODUCT_SELECT } from '#modules/billing/product.ts'
import { AdminError } from '#modules/admin/errors.ts'
import { assertPlatformAdmin } from './assert-admin.ts'
import { normalisePage, normaliseQuery, pageInfo, type PageRequest } from './pagination.ts'

const COURSE_TITLE = { slug: true, publishedVersion: { select: { title: true } } } as const

/** A course's name for admin pages: its published title, or its slug while it has none. */
export function courseName(course: { slug: string; publishedVersion: { title: string } | null }) {
	return course.publishedVersion?.title ?? course.slug
}

/**
 * One page of organisations (a platform admin only), newest first, searched by name or slug in any
 * letter case, with each one's member count and seat pools. A fixed number of queries per page.
 */
export async function listOrganisations({
	actorId,
	query,
	...paging
}: PageRequest & { actorId: string; query?: string | null }) {
	await assertPlatformAdmin({ actorId })
	const { page, pageSize, skip, take } = normalisePage(paging)
	const q = normaliseQuery(query)
	const where: Prisma.OrganisationWhereInput = q
		? {
				OR: [
					{ name: { contains: q, mode: 'insensitive' } },
					{ slug: { contains: q, mode: 'insensitive' } },
					{ billingEmail: { contains: q, mode: 'insensitive' } },
				],
			}
		: {}
	const [total, organisations] = await Promise.all([
		prisma.organisation.count({ where }),
		prisma.organisation.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip,
			take,
			select: {
				id: true,
				name: true,
				slug: true,
				sector: true,
				createdAt: true,
				_count: { select: { memberships: { where: { deactivatedAt: null } } } },
				seatPools: {
					orderBy: { createdAt: 'asc' },
					select: { id: true, seats: true, used: true, course: { select: COURSE_TITLE } },
				},
			},
		}),
	])
	return {
		organisations: organisations.map(({ _count, seatPools, ...org }) => ({
			...org,
			memberCount: _count.memberships,
			seatPools: seatPools.map((pool) => ({
				id: pool.id,
				seats: pool.seats,
				used: pool.used,
				courseTitle: courseName(pool.course),
			})),
		})),
		...pageInfo({ page, pageSize, total }),
	}
}

/**
 * One organisation for the admin page (a platform admin only): details, members with their roles,
 * seat pools and orders (newest 100). `not_found` for an unknown id.
 */
export async function getOrganisationForAdmin({
	actorId,
	organisationId,
}: {
	actorId: string
	organisationId: string
}) {
	await assertPlatformAdmin({ actorId })
	const organisation = await prisma.organisation.findUnique({
		where: { id: organisationId },
		select: {
			id: true,
			name: true,
			slug: true,
			sector: true,
			billingEmail: true,
			invoiceSeats: true,
			createdAt: true,
			memberships: {
				orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
				take: 500,
				select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
			},
			seatPools: {
				orderBy: { createdAt: 'asc' },
				select: { id: true, seats: true, used: true, createdAt: true, course: { select: COURSE_TITLE } },
			},
			orders: {
				orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
				take: 100,
				select: {
					id: true,
					createdAt: true,
					quantity: true,
					amountPence: true,
					status: true,
					buyer: { select: { name: true, email: true } },
					...ORDER_PRODUCT_SELECT,
				},
			},
			_count: { select: { memberships: { where: { deactivatedAt: null } } } },
		},
	})
	if (!organisation) {
		throw new AdminError('not_found', 'ORGANISATION_NOT_FOUND', 'There is no organisation with that id.')
	}
	return organisation
}
