// Small building blocks shared by the progress writers (video, reading, quiz). Each takes the
// caller's transaction; the caller owns the transaction and the order of locks (progress row first,
// then the enrolment row), which keeps concurrent writers from deadlocking each other.
import { type Tx } from '#modules/db/client.ts'
import { queueXapiStatements, type XapiEvent } from '#modules/xapi/record-events.ts'
import { updateEnrolmentActivity, upsertCompletedProgress } from './sql.ts'

/**
 * A transaction's xAPI events not yet queued. A writer that passes one to the building blocks below
 * gets their events added to it, and queues them all with one queueXapiStatements call (one look-up
 * of the learner's LRS connections) before its transaction ends; without one each event is queued
 * as it happens.
 */
export type PendingXapiEvents = XapiEvent[]

/** Adds the event to `pending` when given, or queues it now. */
export async function reportXapiEvent(tx: Tx, event: XapiEvent, pending: PendingXapiEvents | undefined) {
	if (pending) pending.push(event)
	else await queueXapiStatements(tx, event)
}

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
export async function markLessonCompleted({
	tx,
	userId,
	lessonId,
	xapi,
}: {
	tx: Tx
	userId: string
	lessonId: string
	xapi?: PendingXapiEvents
}) {
	const completedAt = new Date()
	const { count } = await tx.lessonProgress.updateMany({
		where: { userId, lessonId, status: { not: 'COMPLETED' } },
		data: { status: 'COMPLETED', completedAt },
	})
	if (count === 1) await reportXapiEvent(tx, { kind: 'lesson-completed', userId, lessonId, at: completedAt }, xapi)
	return count === 1
}

/**
 * ensureProgressRow and markLessonCompleted in one statement, for a writer that completes the lesson
 * whether or not the row exists yet (a passed quiz, a finished reading): the row is created
 * COMPLETED or completed. Returns true only for the call that completed it, which queues the xAPI
 * "progressed" statement as markLessonCompleted does.
 */
export async function ensureLessonCompleted({
	tx,
	userId,
	enrolmentId,
	lesson,
	xapi,
}: {
	tx: Tx
	userId: string
	enrolmentId: string
	lesson: { id: string; key: string }
	xapi?: PendingXapiEvents
}) {
	const completedAt = new Date()
	const completedNow = await upsertCompletedProgress(tx, {
		userId,
		enrolmentId,
		lessonId: lesson.id,
		lessonKey: lesson.key,
		completedAt,
	})
	if (completedNow)
		await reportXapiEvent(tx, { kind: 'lesson-completed', userId, lessonId: lesson.id, at: completedAt }, xapi)
	return completedNow
}

/**
 * Records activity on an enrolment: last activity now, started now if never, plus time spent. The
 * call that starts it queues the xAPI "launched" statement (the first learning in this cycle).
 * Returns the enrolment's learner, completion and whether it is ACTIVE, read under the row lock the
 * update holds to the end of the transaction: pass it to completeEnrolment as `locked`.
 */
export async function touchEnrolment({
	tx,
	enrolmentId,
	addSeconds = 0,
	xapi,
}: {
	tx: Tx
	enrolmentId: string
	addSeconds?: number
	xapi?: PendingXapiEvents
}) {
	const now = new Date()
	const row = await updateEnrolmentActivity(tx, { enrolmentId, now, addSeconds: Math.max(0, Math.round(addSeconds)) })
	if (row?.startedNow) await reportXapiEvent(tx, { kind: 'launched', userId: row.userId, enrolmentId, at: now }, xapi)
	return row ? { userId: row.userId, completedAt: row.completedAt, active: row.active } : null
}

export type TouchedEnrolment = Awaited<ReturnType<typeof touchEnrolment>>
