// Every raw SQL statement of the progress context (ADR 0018): row types from the generated models,
// so a renamed column fails `tsc`; sql.test.ts runs each statement against PostgreSQL.
import { type Enrolment, type LessonProgress, type Tx } from '#modules/db/client.ts'

export type LockedProgressRow = Pick<LessonProgress, 'status' | 'secondsWatched' | 'watchedRanges' | 'updatedAt'>

/** Locks the learner's progress row for a lesson and reads what a video report updates. */
export async function lockLessonProgress(tx: Tx, { userId, lessonId }: { userId: string; lessonId: string }) {
	const [row] = await tx.$queryRaw<LockedProgressRow[]>`
		SELECT status, "secondsWatched", "watchedRanges", "updatedAt"
		FROM "LessonProgress"
		WHERE "userId" = ${userId} AND "lessonId" = ${lessonId}
		FOR UPDATE`
	return row ?? null
}

/**
 * Locks the learner's ACTIVE enrolment (FOR NO KEY UPDATE: progress rows referencing it may still
 * be written) and reads its completion; null when there is no such enrolment.
 */
export async function lockActiveEnrolment(tx: Tx, { enrolmentId, userId }: { enrolmentId: string; userId: string }) {
	const [row] = await tx.$queryRaw<Array<Pick<Enrolment, 'completedAt'>>>`
		SELECT "completedAt" FROM "Enrolment"
		WHERE id = ${enrolmentId} AND "userId" = ${userId} AND status = 'ACTIVE'
		FOR NO KEY UPDATE`
	return row ?? null
}

/** Required lessons of the enrolment's version not yet done (completed, and passed in the enrolment's current cycle for a quiz). */
export async function countRequiredLessonsRemaining(
	tx: Tx,
	{ enrolmentId, userId }: { enrolmentId: string; userId: string },
) {
	const [remaining] = await tx.$queryRaw<Array<{ n: number }>>`
		SELECT count(*)::int AS n
		FROM "Lesson" l
		JOIN "Enrolment" e ON e."versionId" = l."versionId"
		WHERE e.id = ${enrolmentId}
			AND l.required
			AND NOT (
				EXISTS (
					SELECT 1 FROM "LessonProgress" p
					WHERE p."lessonId" = l.id AND p."userId" = ${userId} AND p.status = 'COMPLETED'
				)
				AND (
					l.kind <> 'QUIZ'
					OR EXISTS (
						SELECT 1 FROM "QuizAttempt" a
						-- a pass in this cycle: a renewal's retake must pass the quiz again
						WHERE a."lessonId" = l.id AND a."userId" = ${userId} AND a.passed AND a.cycle = e.cycle
					)
				)
			)`
	return remaining?.n ?? 1
}

/**
 * Stamps activity on an enrolment (last activity now, started now if never, plus seconds spent) and
 * says whether this call started it, with the learner it belongs to; null when there is no such enrolment.
 */
export async function updateEnrolmentActivity(
	tx: Tx,
	{ enrolmentId, now, addSeconds }: { enrolmentId: string; now: Date; addSeconds: number },
) {
	const [row] = await tx.$queryRaw<Array<Pick<Enrolment, 'userId'> & { startedNow: boolean }>>`
		UPDATE "Enrolment"
		SET "lastActivityAt" = ${now},
			"startedAt" = COALESCE("startedAt", ${now}),
			"secondsSpent" = "secondsSpent" + ${addSeconds}
		WHERE id = ${enrolmentId}
		RETURNING "userId", "startedAt" = ${now} AS "startedNow"`
	return row ?? null
}
