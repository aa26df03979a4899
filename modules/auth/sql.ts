// Every raw SQL statement of the auth context (ADR 0018): row types from the generated models, so
// a renamed column fails `tsc`; sql.test.ts runs each statement against PostgreSQL.
import { type MfaPolicy, type OrgRole, prisma, type Session, type Tx, type User } from '#modules/db/client.ts'

export type SessionWithUserRow = Pick<
	Session,
	'id' | 'userId' | 'createdAt' | 'lastSeenAt' | 'expiresAt' | 'mfaVerifiedAt'
> &
	Pick<User, 'email' | 'name' | 'role' | 'emailVerifiedAt' | 'disabledAt' | 'language'> & {
		/** True when the person has a confirmed authenticator app or a passkey. */
		mfaEnrolled: boolean
		/** The MFA policy and the person's role of each active membership whose organisation has a policy. */
		orgMfaPolicies: { policy: MfaPolicy; role: OrgRole }[]
	}

/**
 * The session with this id, its user and what the MFA rule needs to know about them (their second
 * factors and their organisations' policies), in one statement: this runs on every signed-in
 * request, and Prisma would send each relation as another query.
 */
export async function selectSessionWithUser(sessionId: string) {
	const [row] = await prisma.$queryRaw<SessionWithUserRow[]>`
		SELECT s.id, s."userId", s."createdAt", s."lastSeenAt", s."expiresAt", s."mfaVerifiedAt",
			u.email, u.name, u.role::text AS role, u."emailVerifiedAt", u."disabledAt", u.language::text AS language,
			(EXISTS (SELECT 1 FROM "TotpCredential" t WHERE t."userId" = u.id AND t."confirmedAt" IS NOT NULL)
				OR EXISTS (SELECT 1 FROM "Passkey" p WHERE p."userId" = u.id)) AS "mfaEnrolled",
			COALESCE((
				SELECT json_agg(json_build_object('policy', o."mfaPolicy", 'role', m.role))
				FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
				WHERE m."userId" = u.id AND m."deactivatedAt" IS NULL AND o."mfaPolicy" <> 'NONE'
			), '[]'::json) AS "orgMfaPolicies"
		FROM "Session" s JOIN "User" u ON u.id = s."userId"
		WHERE s.id = ${sessionId}`
	return row ?? null
}

/**
 * Serialises, for the rest of the transaction, everything that gives an address to an account (a new
 * account, a changed account address, a personal address confirmed): an address is held by one
 * account as its own or as a confirmed personal one, and no unique index spans the two columns, so
 * each writer takes this lock and then looks (findAddressHolder), and the second one sees the first.
 */
export async function lockAddress(tx: Tx, email: string) {
	await tx.$queryRaw<Array<{ locked: string }>>`
		SELECT pg_advisory_xact_lock(hashtextextended(${`circle:address:${email}`}, 0))::text AS locked`
}
