import { assignCourseToPerson } from '#modules/assignments/assign-person.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { addDays, dateOnly, ukToday } from '#modules/compliance/status.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { lockRenewal, type RenewalDueRow, selectRenewalsDue } from './sql.ts'
import { isoDay, RENEWAL_LEAD_DAYS } from './validity.ts'

/** The most renewals one run makes; the rest wait for the next run (the job is daily). */
export const RENEWALS_PER_RUN = 2_000

/** 02:15 every day, UK time: after midnight, so a run sees the new day's due certificates. */
export const RENEWALS_CRON = '15 2 * * *'

export type RunRenewalsResult = { renewed: number; skipped: number; failed: number }

/**
 * Re-assigns, RENEWAL_LEAD_DAYS before it expires, every certificate that met an organisation's
 * requirement: a new requirement (kind RENEWAL, the next cycle) due on the certificate's last valid
 * day, to retake the course or the shorter refresher course it names, through assignCourseToPerson
 * (which restarts the learner's enrolment for its next cycle, or claims a seat). Exactly once per
 * certificate and organisation, however many workers run it at once (lockRenewal, then the unique
 * index). Each renewal commits on its own: one that fails is logged and tried again next run.
 * A requirement withdrawn, a person who has left, a certificate revoked: not renewed.
 */
export async function runRenewals({
	now,
	limit = RENEWALS_PER_RUN,
}: {
	now: Date
	limit?: number
}): Promise<RunRenewalsResult> {
	const lastDay = dateOnly(addDays(ukToday(now), RENEWAL_LEAD_DAYS))
	const due = await selectRenewalsDue(prisma, { lastDay, limit })
	const result: RunRenewalsResult = { renewed: 0, skipped: 0, failed: 0 }
	for (const row of due) {
		try {
			const renewed = await prisma.$transaction((tx) => renewRequirement(tx, { row, now, actorId: null }))
			result[renewed ? 'renewed' : 'skipped'] += 1
		} catch (error) {
			result.failed += 1
			console.error(`Renewing certificate ${row.certificateId} for organisation ${row.organisationId} failed`, error)
		}
	}
	return result
}

/**
 * Renews one organisation's requirement met by a certificate (inside the caller's transaction):
 * the renewal job's step, and what a learner's early retake does for each organisation that
 * required the course. Returns false when someone else renewed it first.
 */
export async function renewRequirement(
	tx: Tx,
	{ row, now, actorId }: { row: RenewalDueRow; now: Date; actorId: string | null },
): Promise<boolean> {
	if (!(await lockRenewal(tx, { organisationId: row.organisationId, certificateId: row.certificateId }))) return false
	const assigned = await assignCourseToPerson(tx, {
		organisationId: row.organisationId,
		userId: row.userId,
		courseId: row.courseId,
		dueOn: isoDay(row.validUntil),
		now,
		assignmentId: row.assignmentId,
		kind: 'RENEWAL',
		cycle: row.cycle + 1,
		renewsCertificateId: row.certificateId,
		refresherCourseId: row.refresherCourseId,
		actorId,
	})
	if (!assigned.created) return false
	await recordAudit(tx, {
		actorId,
		organisationId: row.organisationId,
		action: 'assignment.renewed',
		targetType: 'LearnerAssignment',
		targetId: assigned.learnerAssignmentId,
		details: {
			userId: row.userId,
			courseId: row.courseId,
			refresherCourseId: row.refresherCourseId,
			cycle: row.cycle + 1,
			renewsCertificateId: row.certificateId,
			dueOn: isoDay(row.validUntil),
			waitingForSeat: assigned.waitingForSeat,
		},
	})
	return true
}

/** The pg-boss handler: renews what is due today. */
export async function handleCertificateRenewalsJob(): Promise<void> {
	const result = await runRenewals({ now: new Date() })
	if (result.failed > 0) console.warn(`Certificate renewals: ${result.failed} failed, tried again tomorrow`, result)
}
