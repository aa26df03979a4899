// Every raw SQL statement of the follow-ups context (ADR 0018).
import {
	type Course,
	type CourseVersion,
	type Enrolment,
	type FollowUpResponse,
	prisma,
	type Tx,
	type User,
} from '#modules/db/client.ts'

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

/**
 * The learner's completed (not revoked) enrolments on courses with a follow-up, completed since the
 * follow-up began, newest first, each with this cycle's response (null fields when none yet).
 */
export async function selectFollowUpEnrolments({ userId }: { userId: string }) {
	return prisma.$queryRaw<
		Array<
			{ completedAt: Date; courseSlug: Course['slug']; courseTitle: CourseVersion['title'] } & {
				[K in 'actionPlanAt' | 'day7At' | 'day30At' | 'reflectionAt' | 'signedOffAt']: FollowUpResponse[K]
			}
		>
	>`
		SELECT e."completedAt", c.slug AS "courseSlug", v.title AS "courseTitle",
			r."actionPlanAt", r."day7At", r."day30At", r."reflectionAt", r."signedOffAt"
		FROM "Enrolment" e
		JOIN "Course" c ON c.id = e."courseId"
		JOIN "FollowUp" f ON f."courseId" = c.id
		JOIN "CourseVersion" v ON v.id = e."versionId"
		LEFT JOIN "FollowUpResponse" r ON r."enrolmentId" = e.id AND r.cycle = e.cycle
		WHERE e."userId" = ${userId} AND e."completedAt" IS NOT NULL AND e."revokedAt" IS NULL
			AND e."completedAt" >= f."startsFrom"
		ORDER BY e."completedAt" DESC`
}

export type SentFollowUpRow = Pick<
	FollowUpResponse,
	'id' | 'userId' | 'sentAt' | 'sentActionPlan' | 'sentReflection' | 'signedOffAt' | 'managerComment' | 'completedAt'
> & { learnerName: User['name']; courseTitle: CourseVersion['title']; enrolmentId: Enrolment['id'] }

/** The first 100 follow-ups sent to the manager for sign-off, waiting ones first, then newest sent. */
export async function selectSentFollowUps({ managerId }: { managerId: string }) {
	return prisma.$queryRaw<SentFollowUpRow[]>`
		SELECT r.id, r."userId", r."enrolmentId", r."sentAt", r."sentActionPlan", r."sentReflection", r."signedOffAt",
			r."managerComment", r."completedAt", u.name AS "learnerName", v.title AS "courseTitle"
		FROM "FollowUpResponse" r
		JOIN "User" u ON u.id = r."userId"
		JOIN "Enrolment" e ON e.id = r."enrolmentId"
		JOIN "CourseVersion" v ON v.id = e."versionId"
		WHERE r."managerId" = ${managerId} AND r."sentAt" IS NOT NULL
		ORDER BY r."signedOffAt" DESC NULLS FIRST, r."sentAt" DESC, r.id
		LIMIT 100`
}
