// Every raw SQL statement of the follow-ups context (ADR 0018).
import { type prisma, type Tx, type User } from '#modules/db/client.ts'

type Db = Tx | typeof prisma

/**
 * The people who may sign off a learner's follow-up: anyone who manages (as a team manager, with an
 * active membership) a team the learner is an active member of, or a team above it, in any of the
 * learner's organisations. Never the learner.
 */
export async function selectManagersOf(db: Db, { learnerId }: { learnerId: string }) {
	return db.$queryRaw<Array<Pick<User, 'id' | 'name' | 'email'> & { organisationName: string }>>`
		WITH RECURSIVE learner_teams AS (
			SELECT t.id, t."parentId", t."organisationId" FROM "Team" t
			JOIN "TeamMember" tm ON tm."teamId" = t.id
			JOIN "Membership" m ON m.id = tm."membershipId" AND m."deactivatedAt" IS NULL
			WHERE m."userId" = ${learnerId} AND m."organisationId" = t."organisationId"
			UNION
			SELECT p.id, p."parentId", p."organisationId" FROM "Team" p JOIN learner_teams lt ON lt."parentId" = p.id
		)
		SELECT DISTINCT ON (u.id) u.id, u.name, u.email, o.name AS "organisationName"
		FROM learner_teams lt
		JOIN "TeamMember" mtm ON mtm."teamId" = lt.id AND mtm."isManager"
		JOIN "Membership" mm ON mm.id = mtm."membershipId" AND mm."deactivatedAt" IS NULL AND mm."organisationId" = lt."organisationId"
		JOIN "User" u ON u.id = mm."userId" AND u."disabledAt" IS NULL
		JOIN "Organisation" o ON o.id = lt."organisationId"
		WHERE u.id <> ${learnerId}
		ORDER BY u.id, o.name`
}
