// Small building blocks shared by the progress writers (video, reading, quiz). Each takes the
// caller's transaction; the caller owns the transaction and the order of locks (progress row first,
// then the enrolment row), which keeps concurrent writers from deadlocking each other.
import { type Tx } from '#modules/db/client.ts'

/**
 * Creates the learner's progress row for a lesson unless it exists (INSERT … ON CONFLICT DO
 * NOTHING, so two tabs creating it at once never fail). Returns true when this call created it.
 */
export async function ensureProgressRow({
	tx,
	userId,
	enrolmentId,
	lesson,
}: {
	tx: Tx
	userId: string
	enrolmentId: string
	lesson: { id: string; key: string }
}) {
	const { count } = await tx.lessonProgress.createMany({
		data: [{ userId, enrolmentId, lessonId: lesson.id, lessonKey: lesson.key }],
		skipDuplicates: true,
	})
	return count === 1
}

/**
 * Marks a lesson COMPLETED for the learner unless it already is. Returns true only for the call that
 * completed it, so completion (and everything hanging off it) never happens twice or goes backwards.
 */
export async function markLessonCompleted({ tx, userId, lessonId }: { tx: Tx; userId: string; lessonId: string }) {
	const { count } = await tx.lessonProgress.updateMany({
		where: { userId, lessonId, status: { not: 'COMPLETED' } },
		data: { status: 'COMPLETED', completedAt: new Date() },
	})
	return count === 1
}

/** Records activity on an enrolment: last activity now, started now if never, plus time spent. */
export async function touchEnrolment({
	tx,
	enrolmentId,
	addSeconds = 0,
}: {
	tx: Tx
	enrolmentId: string
	addSeconds?: number
}) {
	const now = new Date()
	await tx.$executeRaw`
		UPDATE "Enrolment"
		SET "lastActivityAt" = ${now},
			"startedAt" = COALESCE("startedAt", ${now}),
			"secondsSpent" = "secondsSpent" + ${Math.max(0, Math.round(addSeconds))}
		WHERE id = ${enrolmentId}`
}
