// Every raw SQL statement of the teams context (ADR 0018).
import { type Membership, Prisma, type prisma, type Team, type Tx } from '#modules/db/client.ts'

type Db = Tx | typeof prisma

/**
 * The teams `userId` manages in an organisation, and every team beneath them (teams nest): what a
 * team manager may see and assign to. Empty for someone who manages no team there, or whose
 * membership the organisation deactivated.
 */
export async function selectManagedTeamIds(
	db: Db,
	{ organisationId, userId }: { organisationId: string; userId: string },
): Promise<string[]> {
	const rows = await db.$queryRaw<Array<Pick<Team, 'id'>>>`
		WITH RECURSIVE managed AS (
			SELECT t.id FROM "Team" t
			JOIN "TeamMember" tm ON tm."teamId" = t.id AND tm."isManager"
			JOIN "Membership" m ON m.id = tm."membershipId" AND m."deactivatedAt" IS NULL
			WHERE t."organisationId" = ${organisationId} AND m."organisationId" = ${organisationId} AND m."userId" = ${userId}
			UNION
			SELECT child.id FROM "Team" child JOIN managed ON child."parentId" = managed.id
		)
		SELECT id FROM managed`
	return rows.map((row) => row.id)
}

/**
 * An SQL condition true when the Membership aliased `membership` belongs to one of `teamIds`: how
 * every query a team manager runs keeps to their teams.
 */
export function membershipInTeamsSql(membership: string, teamIds: string[]) {
	if (!/^[a-z_][a-z0-9_]*$/i.test(membership)) throw new Error(`Not an SQL alias: ${membership}`)
	return Prisma.sql`EXISTS (SELECT 1 FROM "TeamMember" scope_tm
		WHERE scope_tm."membershipId" = ${Prisma.raw(`"${membership}"`)}.id AND scope_tm."teamId" = ANY(${teamIds}))`
}

/** The member ids (Membership.id) among `membershipIds` that are in one of `teamIds`. */
export async function selectMembershipsInTeams(
	db: Db,
	{ membershipIds, teamIds }: { membershipIds: string[]; teamIds: string[] },
): Promise<string[]> {
	if (membershipIds.length === 0 || teamIds.length === 0) return []
	const rows = await db.$queryRaw<Array<Pick<Membership, 'id'>>>`
		SELECT DISTINCT "membershipId" AS id FROM "TeamMember"
		WHERE "membershipId" = ANY(${membershipIds}) AND "teamId" = ANY(${teamIds})`
	return rows.map((row) => row.id)
}

/**
 * Serialises every change to an organisation's team tree (create, move, delete): a cycle or a sixth
 * level can only be refused reliably when no other change to the same tree runs at the same time.
 */
export async function lockTeamTree(tx: Tx, organisationId: string) {
	await tx.$queryRaw<Array<{ locked: string }>>`
		SELECT pg_advisory_xact_lock(hashtext(${`circle:teams:${organisationId}`}))::text AS locked`
}

/** The team and every team above it, nearest first (`depth` 1 is the team itself). */
export async function selectTeamAncestry(db: Db, { teamId }: { teamId: string }) {
	return db.$queryRaw<Array<Pick<Team, 'id' | 'name'> & { depth: number }>>`
		WITH RECURSIVE up AS (
			SELECT t.id, t.name, t."parentId", 1 AS depth FROM "Team" t WHERE t.id = ${teamId}
			UNION ALL
			SELECT p.id, p.name, p."parentId", up.depth + 1 FROM "Team" p JOIN up ON p.id = up."parentId" WHERE up.depth < 50
		)
		SELECT id, name, depth FROM up ORDER BY depth`
}

/** The team and every team beneath it, with each one's level below it (0 for the team itself). */
export async function selectTeamSubtree(db: Db, { teamId }: { teamId: string }) {
	return db.$queryRaw<Array<Pick<Team, 'id'> & { level: number }>>`
		WITH RECURSIVE down AS (
			SELECT t.id, 0 AS level FROM "Team" t WHERE t.id = ${teamId}
			UNION ALL
			SELECT c.id, down.level + 1 FROM "Team" c JOIN down ON c."parentId" = down.id WHERE down.level < 50
		)
		SELECT id, level FROM down`
}

/**
 * Adds the organisation's memberships among `membershipIds` to a team as plain members, skipping
 * anyone already in it (one statement, so a directory's batch of hundreds is one round trip). Returns
 * those added, with their user and whether their membership is active.
 */
export async function insertTeamMembers(
	tx: Tx,
	{
		organisationId,
		teamId,
		membershipIds,
		now,
	}: { organisationId: string; teamId: string; membershipIds: string[]; now: Date },
) {
	return tx.$queryRaw<Array<{ membershipId: string; userId: string; active: boolean }>>`
		WITH added AS (
			INSERT INTO "TeamMember" ("teamId", "membershipId", "isManager", "createdAt")
			SELECT ${teamId}, m.id, false, ${now} FROM "Membership" m
			WHERE m.id = ANY(${membershipIds}) AND m."organisationId" = ${organisationId}
			ON CONFLICT DO NOTHING
			RETURNING "membershipId"
		)
		SELECT m.id AS "membershipId", m."userId", m."deactivatedAt" IS NULL AS active
		FROM added JOIN "Membership" m ON m.id = added."membershipId"
		ORDER BY m.id`
}
