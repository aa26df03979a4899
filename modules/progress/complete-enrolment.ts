import { issueCertificate } from '#modules/certificates/issue-certificate.ts'
import { type Tx } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { type PendingXapiEvents, reportXapiEvent, type TouchedEnrolment } from './progress-rows.ts'
import { completeEnrolmentIfDone, lockActiveEnrolment } from './sql.ts'

/**
 * Options for any transaction that may complete an enrolment: issuing the certificate renders
 * nothing, but queueing its email may start the job queue's connection on first use.
 */
export const COMPLETION_TRANSACTION = { timeout: 15_000 } as const

export type CompleteEnrolmentResult = { completedNow: boolean }

/**
 * The one place an enrolment becomes complete. Call it inside the transaction of any progress write
 * that completed a lesson. When every required lesson of the enrolled version is COMPLETED (and
 * every required quiz has a passed attempt) it sets completedAt, writes one 'enrolment.completed'
 * audit row and returns `{ completedNow: true }`; otherwise, or when the enrolment was already
 * complete, `{ completedNow: false }`.
 *
 * Exactly once, even when the last two lessons are completed at the same moment: the enrolment row
 * is locked first (here, or by the caller's touchEnrolment, passed as `locked`), so concurrent
 * callers take turns, and under READ COMMITTED the second caller's check, a statement begun after
 * the lock was granted, then sees the first caller's committed progress (so the course is not left
 * incomplete either). The lock is FOR NO KEY UPDATE rather than FOR UPDATE because inserting a
 * progress row holds a KEY SHARE lock on its enrolment, which FOR UPDATE would wait on and
 * deadlock. The conditional UPDATE (… WHERE "completedAt" IS NULL AND no required lesson remains)
 * is what makes the completion itself happen once.
 */
export async function completeEnrolment({
	tx,
	enrolmentId,
	userId,
	locked: touched,
	xapi,
}: {
	tx: Tx
	enrolmentId: string
	userId: string
	/**
	 * What touchEnrolment returned for this enrolment earlier in this transaction: its update holds
	 * the row lock already and read the completion under it, so it is not locked and read again.
	 */
	locked?: TouchedEnrolment
	/** Pending xAPI events (see progress-rows.ts), for the caller to queue with its others. */
	xapi?: PendingXapiEvents
}): Promise<CompleteEnrolmentResult> {
	const locked =
		touched === undefined
			? await lockActiveEnrolment(tx, { enrolmentId, userId })
			: touched && touched.active && touched.userId === userId
				? touched
				: null
	if (!locked || locked.completedAt) return { completedNow: false }

	// One conditional UPDATE: complete exactly when no required lesson remains (and never twice).
	const completedAt = new Date()
	if (!(await completeEnrolmentIfDone(tx, { enrolmentId, userId, completedAt }))) return { completedNow: false }

	await tx.auditLog.create({
		data: {
			actorId: userId,
			action: 'enrolment.completed',
			targetType: 'Enrolment',
			targetId: enrolmentId,
		},
		select: { id: true },
	})
	// Organisations with an LRS hear of it in this same transaction (ADR 0040).
	await reportXapiEvent(tx, { kind: 'course-completed', userId, enrolmentId, at: completedAt }, xapi)
	// The one certificate (and its CPD entry and email) is issued inside this same transaction, so
	// completion and certificate commit or roll back together.
	try {
		await issueCertificate({ tx, enrolmentId })
	} catch (error) {
		// The course asks for a reflective circle first: complete now, certificate when they attend.
		if (!(isDomainError(error) && error.code === 'CIRCLE_NOT_ATTENDED')) throw error
	}
	return { completedNow: true }
}
