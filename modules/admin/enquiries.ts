import { prisma, type Prisma } from '#modules/db/client.ts'
import { AdminError } from '#modules/admin/errors.ts'
import { assertPlatformAdmin } from './assert-admin.ts'
import { writeAudit } from './audit.ts'
import type { EnquiryFilter } from './schemas.ts'
import { normalisePage, normaliseQuery, pageInfo, type PageRequest } from './pagination.ts'

/**
 * One page of "Get in touch" enquiries (a platform admin only), newest first: the open ones (the
 * default), the handled ones, or all. Searched by name, email or organisation in any letter case.
 */
export async function listEnquiries({
	actorId,
	show = 'open',
	query,
	...paging
}: PageRequest & { actorId: string; show?: EnquiryFilter; query?: string | null }) {
	await assertPlatformAdmin({ actorId })
	const { page, pageSize, skip, take } = normalisePage(paging)
	const q = normaliseQuery(query)
	const where: Prisma.EnquiryWhereInput = {
		...(show === 'open' ? { handledAt: null } : show === 'handled' ? { handledAt: { not: null } } : {}),
		...(q
			? {
					OR: [
						{ name: { contains: q, mode: 'insensitive' } },
						{ email: { contains: q, mode: 'insensitive' } },
						{ organisationName: { contains: q, mode: 'insensitive' } },
					],
				}
			: {}),
	}
	const [total, enquiries] = await Promise.all([
		prisma.enquiry.count({ where }),
		prisma.enquiry.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip,
			take,
			select: {
				id: true,
				name: true,
				email: true,
				organisationName: true,
				sector: true,
				staffCount: true,
				message: true,
				handledAt: true,
				createdAt: true,
			},
		}),
	])
	return { enquiries, ...pageInfo({ page, pageSize, total }) }
}

/**
 * Marks an enquiry handled (`handled: true`) or reopens it (a platform admin only), with an audit
 * row ('enquiry.handled' or 'enquiry.reopened'). `conflict` when it is already in that state, so
 * two admins answering the same enquiry find out.
 */
export async function setEnquiryHandled({
	actorId,
	enquiryId,
	handled,
}: {
	actorId: string
	enquiryId: string
	handled: boolean
}) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		const { count } = await tx.enquiry.updateMany({
			where: { id: enquiryId, handledAt: handled ? null : { not: null } },
			data: { handledAt: handled ? new Date() : null },
		})
		if (count === 0) {
			const exists = await tx.enquiry.findUnique({ where: { id: enquiryId }, select: { id: true } })
			if (!exists) throw new AdminError('not_found', 'ENQUIRY_NOT_FOUND', 'There is no enquiry with that id.')
			throw new AdminError(
				'conflict',
				handled ? 'ALREADY_HANDLED' : 'NOT_HANDLED',
				handled ? 'This enquiry has already been marked as handled.' : 'This enquiry is already open.',
			)
		}
		await writeAudit(tx, {
			actorId,
			action: handled ? 'enquiry.handled' : 'enquiry.reopened',
			targetType: 'Enquiry',
			targetId: enquiryId,
		})
	})
}
