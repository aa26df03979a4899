import { prisma } from '#modules/db/client.ts'
import { AdminError } from '#modules/admin/errors.ts'
import { assertPlatformAdmin } from './assert-admin.ts'

/**
 * One user with what an admin needs to look after their account (a platform admin only): details,
 * enrolments, organisations, certificates, orders, when they were last seen, and the audit entries
 * about them (newest 50). `not_found` for an unknown id.
 */
export async function getUserForAdmin({ actorId, userId }: { actorId: string; userId: string }) {
	await assertPlatformAdmin({ actorId })
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: {
			id: true,
			name: true,
			email: true,
			role: true,
			emailVerifiedAt: true,
			disabledAt: true,
			erasedAt: true,
			profession: true,
			registrationBody: true,
			createdAt: true,
			enrolments: {
				orderBy: { createdAt: 'desc' },
				take: 100,
				select: {
					id: true,
					source: true,
					status: true,
					startedAt: true,
					completedAt: true,
					createdAt: true,
					course: { select: { slug: true } },
					version: { select: { title: true, number: true } },
				},
			},
			memberships: {
				orderBy: { createdAt: 'asc' },
				select: { role: true, organisation: { select: { id: true, name: true, slug: true } } },
			},
			certificates: {
				orderBy: { issuedAt: 'desc' },
				take: 100,
				select: { code: true, courseTitle: true, issuedAt: true, revokedAt: true },
			},
		},
	})
	if (!user) throw new AdminError('not_found', 'USER_NOT_FOUND', 'There is no user with that id.')
	const [sessions, audit] = await Promise.all([
		prisma.session.aggregate({
			where: { userId, expiresAt: { gt: new Date() } },
			_count: { _all: true },
			_max: { lastSeenAt: true },
		}),
		prisma.auditLog.findMany({
			where: { targetType: 'User', targetId: userId },
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			take: 50,
			select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true } } },
		}),
	])
	return {
		user,
		activeSessions: sessions._count._all,
		lastSeenAt: sessions._max.lastSeenAt,
		audit,
	}
}
