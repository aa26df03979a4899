import { issueCertificate } from '#modules/certificates/issue-certificate.ts'
import { type Tx } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { queueXapiStatements } from '#modules/xapi/record-events.ts'
import { countRequiredLessonsRemaining, lockActiveEnrolment } from './sql.ts'

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
 * is locked first, so concurrent callers take turns, and under READ COMMITTED the second caller's
 * count then sees the first caller's committed progress (so the course is not left incomplete
 * either). The lock is FOR NO KEY UPDATE rather than FOR UPDATE because inserting a progress row
 * holds a KEY SHARE lock on its enrolment, which FOR UPDATE would wait on and deadlock. The
 * conditional UPDATE (… WHERE "completedAt" IS NULL) is what makes the completion itself happen once.
 */
export async function completeEnrolment({
	tx,
	enrolmentId,
	userId,
}: {
	tx: Tx
	enrolmentId: string
	userId: string
}): Promise<CompleteEnrolmentResult> {
	const locked = await lockActiveEnrolment(tx, { enrolmentId, userId })
	if (!locked || locked.completedAt) return { completedNow: false }

	const remaining = await countRequiredLessonsRemaining(tx, { enrolmentId, userId })
	if (remaining > 0) return { completedNow: false }

	const completedAt = new Date()
	const updated = await tx.$executeRaw`
		UPDATE "Enrolment" SET "completedAt" = ${completedAt}
		WHERE id = ${enrolmentId} AND "completedAt" IS NULL`
	if (updated === 0) return { completedNow: false }

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
	await queueXapiStatements(tx, { kind: 'course-completed', userId, enrolmentId, at: completedAt })
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
