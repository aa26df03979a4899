import { type AuthMethod, prisma } from '#modules/db/client.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { MfaError } from '#modules/mfa/errors.ts'
import { describeUserAgent, partialIpAddress } from '#modules/security/user-agent.ts'
import { SECURITY_ACTIONS } from '#modules/audit/security-actions.ts'

/** One of a person's sessions as their security page shows it. */
export type ActiveSession = {
	id: string
	current: boolean
	device: string
	network: string | null
	method: AuthMethod
	mfa: boolean
	createdAt: Date
	lastSeenAt: Date
}

/** The person's sessions that have not expired, the current one first, then the most recently seen. */
export async function listActiveSessions({
	userId,
	currentSessionId,
	now = new Date(),
}: {
	userId: string
	currentSessionId: string
	now?: Date
}): Promise<ActiveSession[]> {
	const rows = await prisma.session.findMany({
		where: { userId, expiresAt: { gt: now } },
		orderBy: { lastSeenAt: 'desc' },
		select: {
			id: true,
			userAgent: true,
			ipAddress: true,
			method: true,
			mfaVerifiedAt: true,
			createdAt: true,
			lastSeenAt: true,
		},
		take: 50,
	})
	return rows
		.map((row) => ({
			// The id is the token's SHA-256: safe to put in a form, useless as a cookie.
			id: row.id,
			current: row.id === currentSessionId,
			device: describeUserAgent(row.userAgent),
			network: partialIpAddress(row.ipAddress),
			method: row.method,
			mfa: row.mfaVerifiedAt !== null,
			createdAt: row.createdAt,
			lastSeenAt: row.lastSeenAt,
		}))
		.sort((a, b) => Number(b.current) - Number(a.current))
}

/**
 * Signs one of the person's own sessions out (never someone else's: the session must be theirs),
 * with an audit entry.
 */
export async function signOutSession({
	userId,
	sessionId,
	ipAddress,
	userAgent,
}: { userId: string; sessionId: string } & RequestOrigin) {
	await prisma.$transaction(async (tx) => {
		const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId } })
		if (count !== 1) {
			throw new MfaError('not_found', 'SESSION_NOT_FOUND', 'That session has already ended.')
		}
		await recordAudit(tx, {
			actorId: userId,
			action: 'auth.session_signed_out',
			targetType: 'User',
			targetId: userId,
			ipAddress,
			userAgent,
		})
	})
}

/** Signs out every session of the person but the current one, with an audit entry; returns how many ended. */
export async function signOutOtherSessions({
	userId,
	currentSessionId,
	ipAddress,
	userAgent,
}: { userId: string; currentSessionId: string } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		const { count } = await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } })
		await recordAudit(tx, {
			actorId: userId,
			action: 'auth.other_sessions_signed_out',
			targetType: 'User',
			targetId: userId,
			details: { endedSessions: count },
			ipAddress,
			userAgent,
		})
		return count
	})
}

/** The person's most recent security events from the audit log. */
export async function listSecurityEvents({ userId, take = 20 }: { userId: string; take?: number }) {
	const rows = await prisma.auditLog.findMany({
		where: { targetType: 'User', targetId: userId, action: { in: SECURITY_ACTIONS } },
		orderBy: { createdAt: 'desc' },
		take,
		select: { id: true, action: true, details: true, createdAt: true, ipAddress: true, userAgent: true },
	})
	return rows.map((row) => ({
		id: row.id,
		action: row.action,
		details: row.details,
		createdAt: row.createdAt,
		device: row.userAgent ? describeUserAgent(row.userAgent) : null,
		network: partialIpAddress(row.ipAddress),
	}))
}
