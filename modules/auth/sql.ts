// Every raw SQL statement of the auth context (ADR 0018): row types from the generated models, so
// a renamed column fails `tsc`; sql.test.ts runs each statement against PostgreSQL.
import { prisma, type Session, type User } from '#modules/db/client.ts'

export type SessionWithUserRow = Pick<Session, 'id' | 'userId' | 'createdAt' | 'lastSeenAt' | 'expiresAt'> &
	Pick<User, 'email' | 'name' | 'role' | 'emailVerifiedAt' | 'disabledAt'>

/**
 * The session with this id and its user, in one statement: this runs on every signed-in request,
 * and Prisma would send the nested user as a second query.
 */
export async function selectSessionWithUser(sessionId: string) {
	const [row] = await prisma.$queryRaw<SessionWithUserRow[]>`
		SELECT s.id, s."userId", s."createdAt", s."lastSeenAt", s."expiresAt",
			u.email, u.name, u.role::text AS role, u."emailVerifiedAt", u."disabledAt"
		FROM "Session" s JOIN "User" u ON u.id = s."userId"
		WHERE s.id = ${sessionId}`
	return row ?? null
}
