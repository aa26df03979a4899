// Every raw SQL statement of the progress context (ADR 0018): row types from the generated models,
// so a renamed column fails `tsc`; sql.test.ts runs each statement against PostgreSQL.
import { randomUUID } from 'node:crypto'
import { type Enrolment, type LessonProgress, Prisma, type Tx } from '#modules/db/client.ts'

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

/**
 * The required lessons of enrolment `e`'s version that are not yet done (completed, and passed in
 * the enrolment's current cycle for a quiz): the one completion rule.
 */
function requiredLessonsRemaining(e: Prisma.Sql, userId: string) {
	return Prisma.sql`
		FROM "Lesson" l
		WHERE l."versionId" = ${e}."versionId"
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
						WHERE a."lessonId" = l.id AND a."userId" = ${userId} AND a.passed AND a.cycle = ${e}.cycle
					)
				)
			)`
}

/**
 * Sets the enrolment's completedAt when it has none and no required lesson remains, in one
 * statement; true when this call completed it. The caller holds the enrolment row's lock (taken
 * before this statement began), so the check sees every progress write committed before it.
 */
export async function completeEnrolmentIfDone(
	tx: Tx,
	{ enrolmentId, userId, completedAt }: { enrolmentId: string; userId: string; completedAt: Date },
) {
	const updated = await tx.$executeRaw`
		UPDATE "Enrolment" e SET "completedAt" = ${completedAt}
		WHERE e.id = ${enrolmentId} AND e."completedAt" IS NULL
			AND NOT EXISTS (SELECT 1 ${requiredLessonsRemaining(Prisma.sql`e`, userId)})`
	return updated === 1
}

/**
 * Creates the learner's progress row for a lesson as COMPLETED, or completes the one there (INSERT
 * … ON CONFLICT DO UPDATE, so two tabs at once never fail); true only for the call that completed it.
 */
export async function upsertCompletedProgress(
	tx: Tx,
	{
		userId,
		enrolmentId,
		lessonId,
		lessonKey,
		completedAt,
	}: { userId: string; enrolmentId: string; lessonId: string; lessonKey: string; completedAt: Date },
) {
	const rows = await tx.$queryRaw<Array<Pick<LessonProgress, 'id'>>>`
		INSERT INTO "LessonProgress" (id, "userId", "enrolmentId", "lessonId", "lessonKey", status, "completedAt",
			"createdAt", "updatedAt")
		VALUES (${randomUUID()}, ${userId}, ${enrolmentId}, ${lessonId}, ${lessonKey}, 'COMPLETED', ${completedAt},
			${completedAt}, ${completedAt})
		ON CONFLICT ("userId", "lessonId") DO UPDATE
		SET status = 'COMPLETED', "completedAt" = EXCLUDED."completedAt", "updatedAt" = EXCLUDED."updatedAt"
		WHERE "LessonProgress".status <> 'COMPLETED'
		RETURNING id`
	return rows.length === 1
}

/**
 * Stamps activity on an enrolment (last activity now, started now if never, plus seconds spent) and
 * says whether this call started it, with the learner it belongs to, its completion and whether it
 * is ACTIVE; null when there is no such enrolment. The UPDATE holds the row's lock (FOR NO KEY
 * UPDATE strength) to the end of the transaction, and under READ COMMITTED returns the row as the
 * last writer before it committed it: what lockActiveEnrolment would read.
 */
export async function updateEnrolmentActivity(
	tx: Tx,
	{ enrolmentId, now, addSeconds }: { enrolmentId: string; now: Date; addSeconds: number },
) {
	const [row] = await tx.$queryRaw<
		Array<Pick<Enrolment, 'userId' | 'completedAt'> & { startedNow: boolean; active: boolean }>
	>`
		UPDATE "Enrolment"
		SET "lastActivityAt" = ${now},
			"startedAt" = COALESCE("startedAt", ${now}),
			"secondsSpent" = "secondsSpent" + ${addSeconds}
		WHERE id = ${enrolmentId}
		RETURNING "userId", "startedAt" = ${now} AS "startedNow", "completedAt", status = 'ACTIVE' AS active`
	return row ?? null
}
