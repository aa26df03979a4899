// Every raw SQL statement of the certificates context (ADR 0018), each run by sql.test.ts.
import { type Certificate, type Course, type LearnerAssignment, type prisma, type Tx } from '#modules/db/client.ts'

type Db = Tx | typeof prisma

/** One organisation's met requirement whose certificate is due to be renewed. */
export type RenewalDueRow = Pick<
	LearnerAssignment,
	'organisationId' | 'userId' | 'courseId' | 'assignmentId' | 'cycle'
> & {
	learnerAssignmentId: string
	certificateId: Certificate['id']
	validUntil: Date
	/** The course's refresher, when it names one that is published; null: retake the course itself. */
	refresherCourseId: Course['refresherCourseId']
}

/**
 * Requirements met by a certificate that expires on or before `lastDay` (today + the renewal lead)
 * and that nobody has renewed for that organisation yet: the latest cycle of a requirement neither
 * cancelled nor withdrawn (its rule archived), of a person still a member (not deactivated), with
 * no open requirement for the course there already, by a certificate not revoked. Soonest expiry
 * first. `certificateId` narrows it to one certificate (a learner's own retake).
 */
export async function selectRenewalsDue(
	db: Db,
	{ lastDay, limit, certificateId = null }: { lastDay: Date; limit: number; certificateId?: string | null },
) {
	return db.$queryRaw<RenewalDueRow[]>`
		SELECT la.id AS "learnerAssignmentId", la."organisationId", la."userId", la."courseId", la."assignmentId",
			la.cycle, c.id AS "certificateId", c."validUntil", r.id AS "refresherCourseId"
		FROM "LearnerAssignment" la
		JOIN "Certificate" c ON c.id = la."certificateId"
		JOIN "Course" co ON co.id = la."courseId"
		LEFT JOIN "Course" r ON r.id = co."refresherCourseId" AND r."publishedVersionId" IS NOT NULL
		JOIN "Membership" m ON m."organisationId" = la."organisationId" AND m."userId" = la."userId"
			AND m."deactivatedAt" IS NULL
		LEFT JOIN "Assignment" a ON a.id = la."assignmentId"
		WHERE la."completedAt" IS NOT NULL AND la."cancelledAt" IS NULL
			AND c."revokedAt" IS NULL AND c."validUntil" IS NOT NULL AND c."validUntil" <= ${lastDay}::date
			AND (${certificateId}::text IS NULL OR c.id = ${certificateId}::text)
			AND a."archivedAt" IS NULL
			AND NOT EXISTS (
				SELECT 1 FROM "LearnerAssignment" done
				WHERE done."organisationId" = la."organisationId" AND done."renewsCertificateId" = c.id)
			AND NOT EXISTS (
				SELECT 1 FROM "LearnerAssignment" later
				WHERE later."organisationId" = la."organisationId" AND later."userId" = la."userId"
					AND later."courseId" = la."courseId" AND later.id <> la.id
					AND (later.cycle > la.cycle OR (later."completedAt" IS NULL AND later."cancelledAt" IS NULL)))
		ORDER BY c."validUntil", la.id
		LIMIT ${limit}`
}

/**
 * Serialises renewing one certificate for one organisation until the transaction ends, then says
 * whether it is still to do (no renewal row yet). Two workers running the renewal job at once both
 * find the same certificates; the second waits here and then sees the first's row, so it neither
 * restarts the enrolment nor claims a seat a second time (the unique index is the last guard).
 */
export async function lockRenewal(
	tx: Tx,
	{ organisationId, certificateId }: { organisationId: string; certificateId: string },
) {
	const [row] = await tx.$queryRaw<Array<{ pending: boolean }>>`
		SELECT pg_advisory_xact_lock(hashtextextended(${`renewal:${organisationId}:${certificateId}`}, 0)) IS NOT NULL
			AND NOT EXISTS (
				SELECT 1 FROM "LearnerAssignment"
				WHERE "organisationId" = ${organisationId} AND "renewsCertificateId" = ${certificateId}) AS pending`
	return row?.pending ?? false
}
