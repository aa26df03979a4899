// Small building blocks shared by the progress writers (video, reading, quiz). Each takes the
// caller's transaction; the caller owns the transaction and the order of locks (progress row first,
// then the enrolment row), which keeps concurrent writers from deadlocking each other.
import { type Tx } from '#modules/db/client.ts'
import { queueXapiStatements } from '#modules/xapi/record-events.ts'
import { updateEnrolmentActivity } from './sql.ts'

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
 * That call also queues the xAPI "progressed" statement for the learner's organisations' LRSs.
 */
export async function markLessonCompleted({ tx, userId, lessonId }: { tx: Tx; userId: string; lessonId: string }) {
	const completedAt = new Date()
	const { count } = await tx.lessonProgress.updateMany({
		where: { userId, lessonId, status: { not: 'COMPLETED' } },
		data: { status: 'COMPLETED', completedAt },
	})
	if (count === 1) await queueXapiStatements(tx, { kind: 'lesson-completed', userId, lessonId, at: completedAt })
	return count === 1
}

/**
 * Records activity on an enrolment: last activity now, started now if never, plus time spent. The
 * call that starts it queues the xAPI "launched" statement (the first learning in this cycle).
 */
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
	const row = await updateEnrolmentActivity(tx, { enrolmentId, now, addSeconds: Math.max(0, Math.round(addSeconds)) })
	if (row?.startedNow) await queueXapiStatements(tx, { kind: 'launched', userId: row.userId, enrolmentId, at: now })
}
