// Every raw SQL statement of the assignments context (ADR 0018).
import {
	type Assignment,
	type LearnerAssignment,
	type Membership,
	type prisma,
	type SeatPool,
	type Tx,
} from '#modules/db/client.ts'
import { complianceJoinsSql, complianceStatusSql } from '#modules/compliance/sql.ts'
import type { ComplianceStatus } from '#modules/compliance/status.ts'

type Db = Tx | typeof prisma

type LearnerAssignmentRow = Pick<
	LearnerAssignment,
	| 'organisationId'
	| 'assignmentId'
	| 'userId'
	| 'courseId'
	| 'refresherCourseId'
	| 'kind'
	| 'cycle'
	| 'dueOn'
	| 'assignedAt'
	| 'enrolmentId'
	| 'completedAt'
	| 'certificateId'
	| 'renewsCertificateId'
> & { id: string }

/**
 * Inserts people's open requirements, each unless they already have one for the course here (the
 * partial unique index LearnerAssignment_open_key, or the one-renewal-per-certificate index), in
 * one statement: INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING, which never aborts the
 * surrounding transaction. Returns the ids of the rows inserted (a row another transaction beat is
 * missing). The rows of one call share organisation, course, rule, kind, due date and time.
 */
export async function insertLearnerAssignments(tx: Tx, rows: LearnerAssignmentRow[]): Promise<Set<string>> {
	if (rows.length === 0) return new Set()
	const col = <K extends keyof LearnerAssignmentRow>(key: K) => rows.map((row) => row[key])
	const iso = (key: 'dueOn' | 'assignedAt' | 'completedAt') => rows.map((row) => row[key]?.toISOString() ?? null)
	const inserted = await tx.$queryRaw<Array<Pick<LearnerAssignment, 'id'>>>`
		INSERT INTO "LearnerAssignment" (id, "organisationId", "assignmentId", "userId", "courseId", "refresherCourseId",
			kind, cycle, "dueOn", "assignedAt", "enrolmentId", "completedAt", "certificateId", "renewsCertificateId")
		SELECT r.id, r."organisationId", r."assignmentId", r."userId", r."courseId", r."refresherCourseId",
			r.kind::"LearnerAssignmentKind", r.cycle, r."dueOn", r."assignedAt", r."enrolmentId", r."completedAt",
			r."certificateId", r."renewsCertificateId"
		FROM unnest(${col('id')}::text[], ${col('organisationId')}::text[], ${col('assignmentId')}::text[],
			${col('userId')}::text[], ${col('courseId')}::text[], ${col('refresherCourseId')}::text[], ${col('kind')}::text[],
			${col('cycle')}::int[], ${iso('dueOn')}::date[], ${iso('assignedAt')}::timestamp(3)[], ${col('enrolmentId')}::text[],
			${iso('completedAt')}::timestamp(3)[], ${col('certificateId')}::text[], ${col('renewsCertificateId')}::text[])
			AS r(id, "organisationId", "assignmentId", "userId", "courseId", "refresherCourseId", kind, cycle, "dueOn",
				"assignedAt", "enrolmentId", "completedAt", "certificateId", "renewsCertificateId")
		ON CONFLICT DO NOTHING
		RETURNING id`
	return new Set(inserted.map((row) => row.id))
}

/**
 * The users an assignment rule reaches now: one person, everyone in a team and the teams beneath
 * it, or every member; only active memberships (a leaver deactivated by provisioning is not
 * assigned anything).
 */
export async function selectPeopleReached(
	db: Db,
	{ organisationId, teamId, userId }: { organisationId: string; teamId: string | null; userId: string | null },
): Promise<string[]> {
	const rows = teamId
		? await db.$queryRaw<Array<Pick<Membership, 'userId'>>>`
			WITH RECURSIVE tree AS (
				SELECT t.id, 0 AS level FROM "Team" t WHERE t.id = ${teamId} AND t."organisationId" = ${organisationId}
				UNION ALL
				SELECT c.id, tree.level + 1 FROM "Team" c JOIN tree ON c."parentId" = tree.id WHERE tree.level < 50
			)
			SELECT DISTINCT m."userId" FROM "Membership" m
			JOIN "TeamMember" tm ON tm."membershipId" = m.id
			JOIN tree ON tree.id = tm."teamId"
			WHERE m."organisationId" = ${organisationId} AND m."deactivatedAt" IS NULL
			ORDER BY m."userId"`
		: await db.$queryRaw<Array<Pick<Membership, 'userId'>>>`
			SELECT m."userId" FROM "Membership" m
			WHERE m."organisationId" = ${organisationId} AND m."deactivatedAt" IS NULL
				AND (${userId}::text IS NULL OR m."userId" = ${userId})
			ORDER BY m."userId"`
	return rows.map((row) => row.userId)
}

/**
 * The live rules with a new-starter period ("N days after joining") that reach `userId` now and
 * have not yet assigned them anything: rules for everyone, and rules for any team they are in or a
 * team above one of those. (A rule for one person assigned them when it was made.)
 */
export async function selectNewStarterRules(
	db: Db,
	{ organisationId, userId }: { organisationId: string; userId: string },
) {
	return db.$queryRaw<Array<Pick<Assignment, 'id' | 'courseId' | 'newStarterDays' | 'programmeId'>>>`
		WITH RECURSIVE mine AS (
			SELECT tm."teamId" AS id, 0 AS level FROM "TeamMember" tm
			JOIN "Membership" m ON m.id = tm."membershipId"
			WHERE m."organisationId" = ${organisationId} AND m."userId" = ${userId} AND m."deactivatedAt" IS NULL
			UNION
			SELECT t."parentId", mine.level + 1 FROM "Team" t JOIN mine ON t.id = mine.id
			WHERE t."parentId" IS NOT NULL AND mine.level < 50
		)
		SELECT a.id, a."courseId", a."newStarterDays", a."programmeId" FROM "Assignment" a
		WHERE a."organisationId" = ${organisationId} AND a."archivedAt" IS NULL AND a."newStarterDays" IS NOT NULL
			AND (a.target = 'EVERYONE' OR (a.target = 'TEAM' AND a."teamId" IN (SELECT id FROM mine)))
			AND EXISTS (SELECT 1 FROM "Membership" m
				WHERE m."organisationId" = ${organisationId} AND m."userId" = ${userId} AND m."deactivatedAt" IS NULL)
			AND NOT EXISTS (SELECT 1 FROM "LearnerAssignment" la
				WHERE la."assignmentId" = a.id AND la."userId" = ${userId} AND la."cancelledAt" IS NULL)
		ORDER BY a."createdAt", a.id`
}

/**
 * How many of `userIds` would need a seat from the organisation's licence to be assigned the course
 * now: those with no open requirement for it here, no certificate for it in date on `today`, and no
 * active place on it. Locks the licence row (when there is one) so two admins assigning at once
 * cannot both count the same free seats. Returns the seats left in the licence too.
 */
export async function countSeatsNeeded(
	tx: Tx,
	{
		organisationId,
		courseId,
		userIds,
		today,
	}: { organisationId: string; courseId: string; userIds: string[]; today: string },
) {
	const [pool] = await tx.$queryRaw<Array<Pick<SeatPool, 'seats' | 'used'>>>`
		SELECT seats, used FROM "SeatPool" WHERE "organisationId" = ${organisationId} AND "courseId" = ${courseId} FOR UPDATE`
	if (userIds.length === 0) return { needed: 0, seatsLeft: pool ? pool.seats - pool.used : 0 }
	const [row] = await tx.$queryRaw<Array<{ needed: number }>>`
		SELECT count(*)::int AS needed FROM unnest(${userIds}::text[]) AS u(id)
		WHERE NOT EXISTS (SELECT 1 FROM "LearnerAssignment" la
				WHERE la."organisationId" = ${organisationId} AND la."userId" = u.id AND la."courseId" = ${courseId}
					AND la."completedAt" IS NULL AND la."cancelledAt" IS NULL)
			AND NOT EXISTS (SELECT 1 FROM "Certificate" c
				WHERE c."userId" = u.id AND c."courseId" = ${courseId} AND c."revokedAt" IS NULL
					AND (c."validUntil" IS NULL OR c."validUntil" >= ${today}::date))
			AND NOT EXISTS (SELECT 1 FROM "Enrolment" e
				WHERE e."userId" = u.id AND e."courseId" = ${courseId} AND e.status = 'ACTIVE')`
	return { needed: row?.needed ?? 0, seatsLeft: pool ? pool.seats - pool.used : 0 }
}

export type LearnerAssignmentCard = {
	id: string
	organisationName: string
	courseId: string
	courseSlug: string
	title: string
	/** The course to take, when it is a renewal with a shorter refresher course. */
	takeSlug: string
	takeTitle: string
	kind: LearnerAssignment['kind']
	dueOn: Date
	status: ComplianceStatus
	waitingForSeat: boolean
}

/**
 * A learner's open requirements, across their organisations, soonest due first, each with its
 * compliance status on `today` (the one SQL rule) and whether they are still waiting for a seat.
 */
export async function selectOpenRequirementsFor(db: Db, { userId, today }: { userId: string; today: string }) {
	return db.$queryRaw<LearnerAssignmentCard[]>`
		SELECT la.id, o.name AS "organisationName", la."courseId", c.slug AS "courseSlug", cv.title,
			coalesce(rc.slug, c.slug) AS "takeSlug", coalesce(rcv.title, cv.title) AS "takeTitle",
			la.kind, la."dueOn", ${complianceStatusSql({ today })} AS status,
			(la."enrolmentId" IS NULL) AS "waitingForSeat"
		FROM "LearnerAssignment" la
		${complianceJoinsSql()}
		JOIN "Organisation" o ON o.id = la."organisationId"
		JOIN "Membership" m ON m."organisationId" = la."organisationId" AND m."userId" = la."userId" AND m."deactivatedAt" IS NULL
		JOIN "Course" c ON c.id = la."courseId"
		LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		LEFT JOIN "Course" rc ON rc.id = la."refresherCourseId"
		LEFT JOIN "CourseVersion" rcv ON rcv.id = rc."publishedVersionId"
		WHERE la."userId" = ${userId} AND la."completedAt" IS NULL AND la."cancelledAt" IS NULL
		ORDER BY la."dueOn", cv.title, la.id`
}
