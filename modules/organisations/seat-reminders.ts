import { prisma } from '#modules/db/client.ts'
import type { ScanScope } from '#modules/db/sql.ts'
import { appUrl } from '#modules/env/env.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { scheduleJob } from '#modules/jobs/enqueue-job.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { assertOrganisationActor } from './access.ts'
import { type ReminderHolderRow, selectPoolHoldersToRemind, selectReminderHolder, selectStalledHolders } from './sql.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** A holder counts as stalled after this long without activity. */
export const STALLED_AFTER_DAYS = 14
/** The scheduled job reminds one holder at most this often. */
export const SCHEDULED_REMINDER_INTERVAL_DAYS = 7
/** An admin's "Send reminder" button reaches one holder at most this often. */
export const MANUAL_REMINDER_INTERVAL_HOURS = 24
/** Mondays at 9am, UK time. */
export const SEAT_REMINDERS_CRON = '0 9 * * 1'

function reminderEmail(holder: ReminderHolderRow) {
	return {
		to: holder.email,
		template: 'seat-reminder' as const,
		props: {
			name: holder.name,
			organisationName: holder.organisationName,
			courseTitle: holder.courseTitle,
			notStarted: !holder.started,
			courseUrl: `${appUrl()}/learn/${holder.courseSlug}`,
		},
	}
}

/**
 * An admin's "Send reminder" to one seat holder who has not finished (the actor must be an
 * administrator or owner of the organisation, checked here). Refused (throttled) when that
 * holder was reminded in the last 24 hours, by hand or by the schedule.
 */
export async function sendSeatReminder({
	organisationId,
	poolId,
	assignmentId,
	actorId,
}: {
	organisationId: string
	poolId: string
	assignmentId: string
	actorId: string
}) {
	await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const holder = await selectReminderHolder(tx, { organisationId, poolId, assignmentId })
		if (!holder) throw new OrganisationsError('not_found', 'SEAT_NOT_FOUND', 'We could not find that seat.')
		if (holder.completedAt)
			throw new OrganisationsError('conflict', 'ALREADY_COMPLETED', 'They have already completed the course.')
		const recent = await tx.emailMessage.count({
			where: {
				to: holder.email,
				template: 'seat-reminder',
				createdAt: { gt: new Date(Date.now() - MANUAL_REMINDER_INTERVAL_HOURS * 60 * 60 * 1000) },
			},
		})
		if (recent > 0) {
			throw new OrganisationsError(
				'throttled',
				'REMINDED_RECENTLY',
				'They were sent a reminder in the last 24 hours.',
				{
					retryAfterSeconds: MANUAL_REMINDER_INTERVAL_HOURS * 3600,
				},
			)
		}
		await sendEmail(reminderEmail(holder), tx)
		await tx.auditLog.create({
			data: {
				actorId,
				organisationId,
				action: 'seat.remind',
				targetType: 'SeatAssignment',
				targetId: holder.assignmentId,
			},
		})
	})
}

/**
 * The weekly `seat-reminders` job: emails every seat holder, in every organisation, who has not
 * started 14 days after getting their seat, unless they had a reminder in the last 7 days. (Those
 * who started and stalled get the reminders module's nudges; a seat that meets an organisation's
 * requirement gets its due-date reminders.) One query finds them; returns how many were emailed.
 */
export async function sendDueSeatReminders({ now = new Date(), scope }: { now?: Date; scope?: ScanScope } = {}) {
	const stalledBefore = new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS)
	const remindedSince = new Date(now.getTime() - SCHEDULED_REMINDER_INTERVAL_DAYS * DAY_MS)
	const holders = await selectStalledHolders({ stalledBefore, remindedSince, scope })
	for (const holder of holders) await sendEmail(reminderEmail(holder))
	return { sent: holders.length }
}

/** Stores the weekly schedule of the `seat-reminders` job (idempotent: call it at worker start). */
export async function scheduleSeatReminders() {
	await scheduleJob('seat-reminders', SEAT_REMINDERS_CRON, {})
}

/** The `seat-reminders` job handler. */
export async function handleSeatRemindersJob() {
	const { sent } = await sendDueSeatReminders()
	if (sent > 0) console.log(`[jobs] seat-reminders: ${sent} reminder${sent === 1 ? '' : 's'} sent`)
}

/**
 * An admin's "Remind everyone" on one seat pool: emails each holder who has not finished and either
 * has not started or has stalled (no activity for 14 days), skipping anyone reminded in the last 24
 * hours. The actor must be an administrator or owner (checked here). Emails and audit rows are
 * written in one transaction; returns how many were sent and how
 * many were skipped because they had a reminder recently.
 */
export async function sendPoolReminders({
	organisationId,
	poolId,
	actorId,
	now = new Date(),
}: {
	organisationId: string
	poolId: string
	actorId: string
	now?: Date
}) {
	const stalledBefore = new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS)
	const remindedSince = new Date(now.getTime() - MANUAL_REMINDER_INTERVAL_HOURS * 60 * 60 * 1000)
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const pool = await tx.seatPool.findFirst({ where: { id: poolId, organisationId }, select: { id: true } })
		if (!pool) throw new OrganisationsError('not_found', 'POOL_NOT_FOUND', 'We could not find that seat licence.')
		const holders = await selectPoolHoldersToRemind(tx, { organisationId, poolId, stalledBefore, remindedSince })
		const due = holders.filter((h) => !h.remindedRecently)
		for (const { remindedRecently: _, ...holder } of due) {
			await sendEmail(reminderEmail(holder), tx)
			await tx.auditLog.create({
				data: {
					actorId,
					organisationId,
					action: 'seat.remind',
					targetType: 'SeatAssignment',
					targetId: holder.assignmentId,
				},
			})
		}
		return { sent: due.length, skipped: holders.length - due.length }
	})
}
