import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { scheduleJob } from '#modules/jobs/enqueue-job.ts'
import { sendEmail } from '#modules/mail/send-email.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** A holder counts as stalled after this long without activity. */
export const STALLED_AFTER_DAYS = 14
/** The scheduled job reminds one holder at most this often. */
export const SCHEDULED_REMINDER_INTERVAL_DAYS = 7
/** An admin's "Send reminder" button reaches one holder at most this often. */
export const MANUAL_REMINDER_INTERVAL_HOURS = 24
/** Mondays at 9am, UK time. */
export const SEAT_REMINDERS_CRON = '0 9 * * 1'

type Holder = {
	assignmentId: string
	email: string
	name: string
	organisationName: string
	courseTitle: string
	courseSlug: string
	startedAt: Date | null
	progressRows: number
}

function reminderEmail(holder: Holder) {
	return {
		to: holder.email,
		template: 'seat-reminder' as const,
		props: {
			name: holder.name,
			organisationName: holder.organisationName,
			courseTitle: holder.courseTitle,
			notStarted: !holder.startedAt && holder.progressRows === 0,
			courseUrl: `${appUrl()}/learn/${holder.courseSlug}`,
		},
	}
}

/**
 * An admin's "Send reminder" to one seat holder who has not finished. Refused (throttled) when that
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
	const [holder] = await prisma.$queryRaw<Array<Holder & { completedAt: Date | null }>>`
		SELECT sa.id AS "assignmentId", sa.email, u.name, o.name AS "organisationName",
			COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug", e."startedAt", e."completedAt",
			(SELECT count(*) FROM "LessonProgress" lp WHERE lp."enrolmentId" = e.id)::int AS "progressRows"
		FROM "SeatAssignment" sa
		JOIN "SeatPool" p ON p.id = sa."poolId"
		JOIN "Organisation" o ON o.id = p."organisationId"
		JOIN "Course" c ON c.id = p."courseId"
		LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		JOIN "User" u ON u.id = sa."userId"
		JOIN "Enrolment" e ON e."seatAssignmentId" = sa.id AND e.status = 'ACTIVE'
		WHERE sa.id = ${assignmentId} AND sa."poolId" = ${poolId} AND p."organisationId" = ${organisationId}
			AND sa.status = 'ASSIGNED'`
	if (!holder) throw new OrganisationsError('not_found', 'SEAT_NOT_FOUND', 'We could not find that seat.')
	if (holder.completedAt)
		throw new OrganisationsError('conflict', 'ALREADY_COMPLETED', 'They have already completed the course.')
	const recent = await prisma.emailMessage.count({
		where: {
			to: holder.email,
			template: 'seat-reminder',
			createdAt: { gt: new Date(Date.now() - MANUAL_REMINDER_INTERVAL_HOURS * 60 * 60 * 1000) },
		},
	})
	if (recent > 0) {
		throw new OrganisationsError('throttled', 'REMINDED_RECENTLY', 'They were sent a reminder in the last 24 hours.', {
			retryAfterSeconds: MANUAL_REMINDER_INTERVAL_HOURS * 3600,
		})
	}
	await prisma.$transaction(async (tx) => {
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
 * finished and has had no activity for 14 days (that includes those who never started), unless
 * they had a reminder in the last 7 days. One query finds them; returns how many were emailed.
 */
export async function sendDueSeatReminders({ now = new Date() }: { now?: Date } = {}) {
	const stalledBefore = new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS)
	const remindedSince = new Date(now.getTime() - SCHEDULED_REMINDER_INTERVAL_DAYS * DAY_MS)
	const holders = await prisma.$queryRaw<Holder[]>`
		SELECT sa.id AS "assignmentId", sa.email, u.name, o.name AS "organisationName",
			COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug", e."startedAt",
			(SELECT count(*) FROM "LessonProgress" lp WHERE lp."enrolmentId" = e.id)::int AS "progressRows"
		FROM "SeatAssignment" sa
		JOIN "SeatPool" p ON p.id = sa."poolId"
		JOIN "Organisation" o ON o.id = p."organisationId"
		JOIN "Course" c ON c.id = p."courseId"
		LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		JOIN "User" u ON u.id = sa."userId" AND u."disabledAt" IS NULL
		JOIN "Enrolment" e ON e."seatAssignmentId" = sa.id AND e.status = 'ACTIVE' AND e."completedAt" IS NULL
		WHERE sa.status = 'ASSIGNED'
			AND COALESCE(e."lastActivityAt", e."startedAt", sa."assignedAt") < ${stalledBefore}
			AND NOT EXISTS (
				SELECT 1 FROM "EmailMessage" m
				WHERE m."to" = sa.email AND m.template = 'seat-reminder' AND m."createdAt" > ${remindedSince}
			)
		ORDER BY sa.id`
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
 * hours. Emails and audit rows are written in one transaction; returns how many were sent and how
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
	const pool = await prisma.seatPool.findFirst({ where: { id: poolId, organisationId }, select: { id: true } })
	if (!pool) throw new OrganisationsError('not_found', 'POOL_NOT_FOUND', 'We could not find that seat licence.')
	const holders = await prisma.$queryRaw<Array<Holder & { remindedRecently: boolean }>>`
		SELECT sa.id AS "assignmentId", sa.email, u.name, o.name AS "organisationName",
			COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug", e."startedAt",
			(SELECT count(*) FROM "LessonProgress" lp WHERE lp."enrolmentId" = e.id)::int AS "progressRows",
			EXISTS (
				SELECT 1 FROM "EmailMessage" m
				WHERE m."to" = sa.email AND m.template = 'seat-reminder' AND m."createdAt" > ${remindedSince}
			) AS "remindedRecently"
		FROM "SeatAssignment" sa
		JOIN "SeatPool" p ON p.id = sa."poolId"
		JOIN "Organisation" o ON o.id = p."organisationId"
		JOIN "Course" c ON c.id = p."courseId"
		LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		JOIN "User" u ON u.id = sa."userId" AND u."disabledAt" IS NULL
		JOIN "Enrolment" e ON e."seatAssignmentId" = sa.id AND e.status = 'ACTIVE' AND e."completedAt" IS NULL
		WHERE sa."poolId" = ${poolId} AND p."organisationId" = ${organisationId} AND sa.status = 'ASSIGNED'
			AND (
				(e."startedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "LessonProgress" lp WHERE lp."enrolmentId" = e.id))
				OR COALESCE(e."lastActivityAt", e."startedAt", sa."assignedAt") < ${stalledBefore}
			)
		ORDER BY sa.id`
	const due = holders.filter((h) => !h.remindedRecently)
	if (due.length > 0) {
		await prisma.$transaction(async (tx) => {
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
		})
	}
	return { sent: due.length, skipped: holders.length - due.length }
}
