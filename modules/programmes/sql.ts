// Every raw SQL statement of the programmes context; sql.test.ts runs each against PostgreSQL.
import { Prisma, type prisma, type ProgrammeCertificate, type ProgrammeEnrolment, type Tx } from '#modules/db/client.ts'

type Db = Tx | typeof prisma

/**
 * Locks a learner's enrolment on a programme (if any) until the transaction ends, so two course
 * completions that finish a programme together take turns: the second, reading after the first has
 * committed, sees both certificates and issues the programme's. Without it each would see only its
 * own new certificate (READ COMMITTED) and neither would issue.
 */
export async function lockProgrammeEnrolment(tx: Tx, { programmeId, userId }: { programmeId: string; userId: string }) {
	const rows = await tx.$queryRaw<Array<Pick<ProgrammeEnrolment, 'id'>>>`
		SELECT id FROM "ProgrammeEnrolment" WHERE "programmeId" = ${programmeId} AND "userId" = ${userId} FOR UPDATE`
	return rows[0] ?? null
}

/**
 * Revokes every standing programme certificate whose frozen course list names a course certificate
 * that no longer stands: the one with `certificateCode`, or (with `userId` and `courseId`) any of
 * that learner's certificates for that course. The list is JSON ([{ code, … }]), so containment
 * (@>) finds it. Returns what it revoked, for the audit log.
 */
export async function revokeProgrammeCertificatesListing(
	tx: Tx,
	options: { reason: string; now: Date } & ({ certificateCode: string } | { userId: string; courseId: string }),
) {
	const { reason, now } = options
	const listed =
		'certificateCode' in options
			? Prisma.sql`pc.courses @> jsonb_build_array(jsonb_build_object('code', ${options.certificateCode}::text))`
			: Prisma.sql`pc."userId" = ${options.userId} AND EXISTS (
					SELECT 1 FROM "Certificate" c
					WHERE c."userId" = pc."userId" AND c."courseId" = ${options.courseId}
						AND pc.courses @> jsonb_build_array(jsonb_build_object('code', c.code)))`
	return tx.$queryRaw<Array<Pick<ProgrammeCertificate, 'id' | 'code' | 'userId' | 'programmeId'>>>`
		UPDATE "ProgrammeCertificate" pc SET "revokedAt" = ${now}, "revokedReason" = ${reason}
		WHERE pc."revokedAt" IS NULL AND ${listed}
		RETURNING pc.id, pc.code, pc."userId", pc."programmeId"`
}

/**
 * Whether `userId` is on an unfinished sequential programme (that holds the course, when a course id
 * or slug is given): the programme gate's first question, which most learners answer "no".
 */
export async function selectOnUnfinishedSequentialProgramme(
	db: Db,
	{ userId, courseId, courseSlug }: { userId: string; courseId?: string; courseSlug?: string },
) {
	const course = courseId
		? Prisma.sql`AND EXISTS (SELECT 1 FROM "ProgrammeCourse" pc WHERE pc."programmeId" = p.id AND pc."courseId" = ${courseId})`
		: courseSlug
			? Prisma.sql`AND EXISTS (SELECT 1 FROM "ProgrammeCourse" pc JOIN "Course" c ON c.id = pc."courseId"
				WHERE pc."programmeId" = p.id AND c.slug = ${courseSlug})`
			: Prisma.empty
	const rows = await db.$queryRaw<Array<{ one: number }>>`
		SELECT 1 AS one FROM "ProgrammeEnrolment" pe JOIN "Programme" p ON p.id = pe."programmeId"
		WHERE pe."userId" = ${userId} AND pe."completedAt" IS NULL AND p.sequential ${course}
		LIMIT 1`
	return rows.length > 0
}
