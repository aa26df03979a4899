import { prisma } from '#modules/db/client.ts'
import type { ComplianceDigestRow } from '#emails/compliance-digest.tsx'
import { dateOnly, daysBetween, addDays, ukToday } from '#modules/compliance/status.ts'
import { appUrl } from '#modules/env/env.ts'
import type { ScanScope } from '#modules/db/sql.ts'
import { sendEmail, type SendEmailOptions } from '#modules/mail/send-email.ts'
import { selectManagedTeamIds } from '#modules/teams/sql.ts'
import { DEFAULT_EXPIRY_DAYS, isoWeek, NUDGE_DAYS, reachedInterval, reachedNudge } from './schedule.ts'
import {
	CATCH_UP_DAYS,
	claimReminderEvent,
	type DigestRow,
	selectDigestRecipients,
	selectDigestRows,
	selectDueCandidates,
	selectExpiryCandidates,
	selectNudgeCandidates,
	selectUsedEventKeys,
	upsertReminderPreference,
} from './sql.ts'

export type ReminderKind = 'due' | 'overdue' | 'expiry' | 'expired' | 'nudge' | 'digest'

/** One email due to one person for one event, not yet claimed. */
type PlannedReminder = {
	/** Unique per person and event: `due:<learnerAssignmentId>:7`, `nudge:<enrolmentId>:<day>:14`, … */
	key: string
	kind: ReminderKind
	userId: string
	organisationId: string | null
	/** Optional reminders (nudges; courses nobody assigned) respect the person's switch and carry RFC 8058 headers. */
	optional: boolean
	email: (unsubscribeUrl: string | undefined) => SendEmailOptions
}

const MAX_DAYS_AHEAD = 180
const iso = (date: Date) => date.toISOString().slice(0, 10)

/** The address that switches a person's optional reminders off in one click (RFC 8058). */
export function unsubscribeUrl(token: string) {
	return `${appUrl()}/unsubscribe/${encodeURIComponent(token)}`
}

/**
 * Claims the event and queues its email in one transaction: the ReminderEvent row and the
 * EmailMessage commit together or not at all, so a process killed at any point leaves the event
 * either sent or unclaimed (and the next scan sends it). Returns what happened.
 */
async function deliverReminder(reminder: PlannedReminder): Promise<'sent' | 'suppressed' | 'taken'> {
	return prisma.$transaction(async (tx) => {
		const claimed = await claimReminderEvent(tx, reminder)
		if (!claimed) return 'taken'
		let link: string | undefined
		if (reminder.optional) {
			const preference = await upsertReminderPreference(tx, { userId: reminder.userId })
			// The event is used up even when switched off: switching back on does not send stale reminders.
			if (preference.optionalOff) return 'suppressed'
			link = unsubscribeUrl(preference.unsubscribeToken)
		}
		const email = reminder.email(link)
		const headers = link
			? { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
			: undefined
		const { id } = await sendEmail({ ...email, headers }, tx)
		await tx.reminderEvent.update({ where: { key: reminder.key }, data: { emailMessageId: id }, select: { key: true } })
		return 'sent'
	})
}

async function deliverAll(planned: PlannedReminder[]) {
	const used = await selectUsedEventKeys(prisma, { keys: planned.map((p) => p.key) })
	const counts = { sent: 0, suppressed: 0, byKind: {} as Partial<Record<ReminderKind, number>> }
	for (const reminder of planned) {
		if (used.has(reminder.key)) continue
		const outcome = await deliverReminder(reminder)
		if (outcome === 'taken') continue
		counts[outcome] += 1
		if (outcome === 'sent') counts.byKind[reminder.kind] = (counts.byKind[reminder.kind] ?? 0) + 1
	}
	return counts
}

/** Due-date reminders and the first-overdue-day email, at each organisation's intervals. */
async function planDueReminders(today: string, scope?: ScanScope): Promise<PlannedReminder[]> {
	const rows = await selectDueCandidates(prisma, { today, aheadDays: MAX_DAYS_AHEAD, scope })
	const planned: PlannedReminder[] = []
	for (const row of rows) {
		const dueOn = iso(row.dueOn)
		const reached = reachedInterval({ date: dueOn, today, days: row.reminderDueDays })
		if (reached === null) continue
		// The compliance rule has the last word on whether it is still outstanding.
		if (reached === 'passed' ? row.status !== 'OVERDUE' : row.status === 'IN_DATE') continue
		const overdue = reached === 'passed'
		planned.push({
			key: overdue ? `overdue:${row.learnerAssignmentId}` : `due:${row.learnerAssignmentId}:${reached}`,
			kind: overdue ? 'overdue' : 'due',
			userId: row.userId,
			organisationId: row.organisationId,
			optional: false,
			email: () => ({
				to: row.email,
				template: 'due-date-reminder',
				props: {
					name: row.name,
					organisationName: row.organisationName,
					courseTitle: row.courseTitle,
					dueOn: dateOnly(dueOn),
					daysLeft: daysBetween(today, dueOn),
					courseUrl: `${appUrl()}/learn/${row.courseSlug}`,
				},
			}),
		})
	}
	return planned
}

/** Reminders before a certificate expires, and the day after it has. */
async function planExpiryReminders(today: string, scope?: ScanScope): Promise<PlannedReminder[]> {
	const rows = await selectExpiryCandidates(prisma, { today, aheadDays: MAX_DAYS_AHEAD, scope })
	const planned: PlannedReminder[] = []
	for (const row of rows) {
		const validUntil = iso(row.validUntil)
		const days = row.reminderExpiryDays ?? DEFAULT_EXPIRY_DAYS
		const reached = reachedInterval({ date: validUntil, today, days })
		if (reached === null) continue
		const expired = reached === 'passed'
		const optional = row.organisationId === null
		planned.push({
			key: expired ? `expired:${row.certificateId}` : `expiry:${row.certificateId}:${reached}`,
			kind: expired ? 'expired' : 'expiry',
			userId: row.userId,
			organisationId: row.organisationId,
			optional,
			email: (link) => ({
				to: row.email,
				template: 'certificate-expiry-reminder',
				props: {
					name: row.name,
					courseTitle: row.courseTitle,
					validUntil: dateOnly(validUntil),
					daysLeft: daysBetween(today, validUntil),
					organisationName: row.organisationName,
					renewUrl: `${appUrl()}/learn/${row.renewSlug}`,
					renewTitle: row.renewTitle,
					...(link ? { unsubscribeUrl: link } : {}),
				},
			}),
		})
	}
	return planned
}

/** Nudges 14 and 30 days after a learner was last in a course they started. */
async function planNudges(today: string, scope?: ScanScope): Promise<PlannedReminder[]> {
	const rows = await selectNudgeCandidates(prisma, {
		today,
		scope,
		fromDays: NUDGE_DAYS[0],
		toDays: Math.max(...NUDGE_DAYS) + CATCH_UP_DAYS,
	})
	const planned: PlannedReminder[] = []
	for (const row of rows) {
		const lastActiveOn = iso(row.lastActiveOn)
		const reached = reachedNudge({ lastActiveOn, today })
		if (reached === null) continue
		planned.push({
			// The day they were last active is in the key: coming back and stalling again earns a fresh pair.
			key: `nudge:${row.enrolmentId}:${lastActiveOn}:${reached}`,
			kind: 'nudge',
			userId: row.userId,
			organisationId: null,
			optional: true,
			email: (link) => ({
				to: row.email,
				template: 'learning-nudge',
				props: {
					name: row.name,
					courseTitle: row.courseTitle,
					daysAway: daysBetween(lastActiveOn, today),
					resumeUrl: `${appUrl()}/learn/${row.courseSlug}`,
					unsubscribeUrl: link ?? `${appUrl()}/account/reminders`,
				},
			}),
		})
	}
	return planned
}

/**
 * The daily reminders scan (the `reminders` job): due-date reminders, the first overdue day,
 * certificate expiry reminders and nudges, for every organisation and learner, as of `now`. Each
 * email belongs to an event key that is claimed in the transaction that queues it, so any number of
 * processes may run this at once, or run it again after a crash, and each event is emailed once.
 * A scan that runs late still sends what fell due in the last CATCH_UP_DAYS days (the nearest
 * interval only). `scope` limits the scan to some people (ScanScope). Returns how many emails were
 * queued and how many were switched off.
 */
export async function runReminders({ now, scope }: { now: Date; scope?: ScanScope }) {
	const today = ukToday(now)
	const planned = [
		...(await planDueReminders(today, scope)),
		...(await planExpiryReminders(today, scope)),
		...(await planNudges(today, scope)),
	]
	return deliverAll(planned)
}

function digestDetail(row: DigestRow): ComplianceDigestRow['detail'] {
	if (row.status === 'EXPIRED') {
		const lastValid = row.validUntil ?? row.previousValidUntil
		return lastValid ? { kind: 'since', day: dateOnly(addDays(iso(lastValid), 1)) } : { kind: 'expired' }
	}
	if (row.status === 'OVERDUE') return { kind: 'since', day: dateOnly(addDays(iso(row.dueOn), 1)) }
	return row.previousValidUntil
		? { kind: 'expiresAfter', day: dateOnly(iso(row.previousValidUntil)) }
		: { kind: 'due', day: dateOnly(iso(row.dueOn)) }
}

const DIGEST_STATUSES: ReadonlySet<string> = new Set<ComplianceDigestRow['status']>(['OVERDUE', 'EXPIRED', 'DUE_SOON'])

/** The statuses a digest lists (the query selects only these; the guard tells the types so). */
function isDigestRow(row: DigestRow): row is DigestRow & { status: ComplianceDigestRow['status'] } {
	return DIGEST_STATUSES.has(row.status)
}

/** How many people a digest lists before "…and N more". */
export const DIGEST_ROW_LIMIT = 25

/**
 * The weekly digest (the `reminders-digest` job): each team manager gets their teams' (and the
 * teams beneath them) people who are overdue, expired or due soon; each owner and administrator
 * who has not switched it off gets the whole organisation's. Nothing to report, no email. One per
 * person, organisation and ISO week, however many times or places it runs.
 */
export async function runDigests({ now, scope }: { now: Date; scope?: ScanScope }) {
	const today = ukToday(now)
	const week = isoWeek(today)
	const recipients = await selectDigestRecipients(prisma, { scope })
	const planned: PlannedReminder[] = []
	for (const recipient of recipients) {
		const teamIds = recipient.isAdmin
			? null
			: await selectManagedTeamIds(prisma, { organisationId: recipient.organisationId, userId: recipient.userId })
		if (teamIds && teamIds.length === 0) continue
		const rows = (await selectDigestRows(prisma, { organisationId: recipient.organisationId, teamIds, today })).filter(
			isDigestRow,
		)
		if (rows.length === 0) continue
		const count = (status: DigestRow['status']) => rows.filter((r) => r.status === status).length
		planned.push({
			key: `digest:${recipient.organisationId}:${recipient.userId}:${week}`,
			kind: 'digest',
			userId: recipient.userId,
			organisationId: recipient.organisationId,
			optional: false,
			email: () => ({
				to: recipient.email,
				template: 'compliance-digest',
				props: {
					name: recipient.name,
					organisationName: recipient.organisationName,
					scope: recipient.isAdmin ? 'organisation' : 'teams',
					overdue: count('OVERDUE'),
					expired: count('EXPIRED'),
					dueSoon: count('DUE_SOON'),
					rows: rows.slice(0, DIGEST_ROW_LIMIT).map((row) => ({
						personName: row.personName,
						courseTitle: row.courseTitle,
						status: row.status,
						detail: digestDetail(row),
					})),
					more: Math.max(0, rows.length - DIGEST_ROW_LIMIT),
					matrixUrl: `${appUrl()}/org/${recipient.organisationSlug}/compliance`,
					...(recipient.isAdmin ? { preferencesUrl: `${appUrl()}/account/reminders` } : {}),
				},
			}),
		})
	}
	return deliverAll(planned)
}
