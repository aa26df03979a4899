import { prisma, type Prisma, type Role } from '#modules/db/client.ts'
import { assertPlatformAdmin } from './assert-admin.ts'
import { normalisePage, normaliseQuery, pageInfo, type PageRequest } from './pagination.ts'

export type ListUsersOptions = PageRequest & {
	actorId: string
	/** Part of a name or email address, in any letter case. */
	query?: string | null
	role?: Role | null
	/** true: only disabled accounts; false: only enabled ones; null/undefined: both. */
	disabled?: boolean | null
}

/**
 * One page of users for the admin list (a platform admin only), newest first, with when each was
 * last seen (the latest of their sessions). Always four queries, whatever the page size: the admin
 * check, the count, the page, and one grouped query for last-seen times.
 */
export async function listUsers({ actorId, query, role, disabled, ...paging }: ListUsersOptions) {
	await assertPlatformAdmin({ actorId })
	const { page, pageSize, skip, take } = normalisePage(paging)
	const q = normaliseQuery(query)
	const where: Prisma.UserWhereInput = {
		...(q
			? {
					OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }],
				}
			: {}),
		...(role ? { role } : {}),
		...(disabled === true ? { disabledAt: { not: null } } : disabled === false ? { disabledAt: null } : {}),
	}
	const [total, users] = await Promise.all([
		prisma.user.count({ where }),
		prisma.user.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip,
			take,
			select: {
				id: true,
				name: true,
				email: true,
				role: true,
				emailVerifiedAt: true,
				disabledAt: true,
				createdAt: true,
			},
		}),
	])
	const lastSeen = users.length
		? await prisma.session.groupBy({
				by: ['userId'],
				where: { userId: { in: users.map((u) => u.id) } },
				_max: { lastSeenAt: true },
			})
		: []
	const lastSeenByUser = new Map(lastSeen.map((row) => [row.userId, row._max.lastSeenAt]))
	return {
		users: users.map((u) => ({ ...u, lastSeenAt: lastSeenByUser.get(u.id) ?? null })),
		...pageInfo({ page, pageSize, total }),
	}
}
