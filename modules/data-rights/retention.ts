import { londonIsoDate } from '#modules/certificates/certificate-text.ts'
import { prisma } from '#modules/db/client.ts'
import { appUrl, type Env, getEnv } from '#modules/env/env.ts'
import type { JobHandler } from '#modules/jobs/job-types.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { getFileStorage } from '#modules/storage/file-storage.ts'
import { eraseAccount } from './erasure.ts'
import {
	claimRetentionEvent,
	deleteAuditEntriesBefore,
	rollUpLastActive,
	selectInactiveAccounts,
	setRetentionEventCount,
} from './sql.ts'

/** Every day at 03:30 UK time, when almost no one is signed in. */
export const RETENTION_CRON = '30 3 * * *'

const DAY = 86_400_000

/** How long each kind of record is kept, in days, from the environment (README, record of processing). */
export type RetentionPeriods = {
	sessionDays: number
	throttleDays: number
	outboxDays: number
	auditDays: number
	/** 0: inactive accounts are never erased. */
	inactiveAccountDays: number
	inactiveWarningDays: number
	dataExportLinkDays: number
}

/** The retention periods configured in `env` (the process's environment by default). */
export function retentionPeriods(env: Env = getEnv()): RetentionPeriods {
	return {
		sessionDays: env.RETENTION_SESSION_DAYS,
		throttleDays: env.RETENTION_THROTTLE_DAYS,
		outboxDays: env.RETENTION_OUTBOX_DAYS,
		auditDays: env.RETENTION_AUDIT_DAYS,
		inactiveAccountDays: env.RETENTION_INACTIVE_ACCOUNT_DAYS,
		// A warning can never come before the account is even inactive-looking: at most a day less.
		inactiveWarningDays: Math.min(
			env.RETENTION_INACTIVE_WARNING_DAYS,
			Math.max(env.RETENTION_INACTIVE_ACCOUNT_DAYS - 1, 1),
		),
		dataExportLinkDays: env.DATA_EXPORT_LINK_DAYS,
	}
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY)

/**
 * One daily purge, claimed by `<kind>:<UK date>` in the same transaction as its delete: run twice on
 * one day (two workers, a retry), it deletes once; the event row keeps the count for the DPO.
 */
async function dailyPurge(
	kind: string,
	now: Date,
	purge: (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => Promise<number>,
) {
	const key = `${kind}:${londonIsoDate(now)}`
	return prisma.$transaction(async (tx) => {
		if (!(await claimRetentionEvent(tx, { key, kind, at: now }))) return null
		const deleted = await purge(tx)
		await setRetentionEventCount(tx, { key, deleted })
		return deleted
	})
}

/**
 * Deletes what is past its retention period at `now` and handles inactive accounts, each step exactly
 * once (see dailyPurge and the per-person keys below):
 * - sessions that expired more than `sessionDays` ago (their activity is first copied to
 *   User.lastActiveAt), throttle counters expired more than `throttleDays` ago, outbox mail queued
 *   more than `outboxDays` ago, audit entries written more than `auditDays` ago;
 * - "Download your data" files once downloaded or expired, and their rows with the outbox's period;
 * - accounts inactive for `inactiveAccountDays`: warned by email `inactiveWarningDays` before
 *   (`inactive-warning:<id>:<last active>`, so someone who comes back and leaves again is warned
 *   again), then erased through the retention hook (`inactive-erasure:<id>`) once warned at least
 *   that long ago and still inactive. Without an eraser (erasure not merged) none is erased.
 * Returns what each step did (null for a step already done today).
 */
export async function runRetention({ now, periods = retentionPeriods() }: { now: Date; periods?: RetentionPeriods }) {
	const sessions = await dailyPurge('sessions', now, async (tx) => {
		await rollUpLastActive(tx)
		const { count } = await tx.session.deleteMany({
			where: { expiresAt: { lt: daysBefore(now, periods.sessionDays) } },
		})
		return count
	})
	const throttle = await dailyPurge('throttle', now, async (tx) => {
		const before = BigInt(daysBefore(now, periods.throttleDays).getTime())
		const { count } = await tx.throttle.deleteMany({ where: { expire: { lt: before } } })
		return count
	})
	const outbox = await dailyPurge('outbox', now, async (tx) => {
		const { count } = await tx.emailMessage.deleteMany({
			where: { createdAt: { lt: daysBefore(now, periods.outboxDays) } },
		})
		return count
	})
	const audit = await dailyPurge('audit', now, async (tx) => {
		const before = daysBefore(now, periods.auditDays)
		// Retention's own record goes with the audit log, except erasures: they keep an erased
		// account out of the inactive scan for good.
		await tx.retentionEvent.deleteMany({ where: { createdAt: { lt: before }, kind: { not: 'inactive-erasure' } } })
		return deleteAuditEntriesBefore(tx, { before })
	})
	const dataExports = await purgeDataExports({ now, periods })
	const inactive = await handleInactiveAccounts({ now, periods })
	return { sessions, throttle, outbox, audit, dataExports, ...inactive }
}

/**
 * Deletes the stored ZIP of every export that was downloaded or has expired (the file first, then the
 * key, so a crash between leaves a row that is tried again, never a file no row points to), and
 * export rows older than the outbox's period. Idempotent, so not keyed.
 */
async function purgeDataExports({ now, periods }: { now: Date; periods: RetentionPeriods }) {
	const spent = await prisma.dataExport.findMany({
		where: { storageKey: { not: null }, OR: [{ downloadedAt: { not: null } }, { expiresAt: { lte: now } }] },
		select: { id: true, storageKey: true },
	})
	const storage = getFileStorage()
	for (const row of spent) {
		await storage.delete(row.storageKey!)
		await prisma.dataExport.updateMany({ where: { id: row.id }, data: { storageKey: null } })
	}
	const { count } = await prisma.dataExport.deleteMany({
		where: { requestedAt: { lt: daysBefore(now, periods.outboxDays) }, storageKey: null },
	})
	return { filesDeleted: spent.length, rowsDeleted: count }
}

async function handleInactiveAccounts({ now, periods }: { now: Date; periods: RetentionPeriods }) {
	const result = { warned: 0, erased: 0, erasureDue: 0 }
	if (periods.inactiveAccountDays === 0) return result
	const warnFrom = daysBefore(now, periods.inactiveAccountDays - periods.inactiveWarningDays)
	const candidates = await selectInactiveAccounts(prisma, { activeBefore: warnFrom })
	for (const person of candidates) {
		const basis = person.lastActiveAt.toISOString()
		const warningKey = `inactive-warning:${person.id}:${basis}`
		const warning = await prisma.retentionEvent.findUnique({ where: { key: warningKey }, select: { createdAt: true } })
		if (!warning) {
			const erasedOn = new Date(
				Math.max(
					person.lastActiveAt.getTime() + periods.inactiveAccountDays * DAY,
					now.getTime() + periods.inactiveWarningDays * DAY,
				),
			)
			const sent = await prisma.$transaction(async (tx) => {
				if (
					!(await claimRetentionEvent(tx, { key: warningKey, kind: 'inactive-warning', userId: person.id, at: now }))
				) {
					return false
				}
				await sendEmail(
					{
						to: person.email,
						template: 'inactive-account-warning',
						props: {
							name: person.name,
							signInUrl: `${appUrl()}/login`,
							erasedAt: erasedOn,
							inactiveDays: Math.floor((now.getTime() - person.lastActiveAt.getTime()) / DAY),
						},
					},
					tx,
				)
				return true
			})
			if (sent) result.warned += 1
			continue
		}
		const warnedLongEnough = warning.createdAt <= daysBefore(now, periods.inactiveWarningDays)
		const inactiveLongEnough = person.lastActiveAt < daysBefore(now, periods.inactiveAccountDays)
		if (!warnedLongEnough || !inactiveLongEnough) continue
		result.erasureDue += 1
		const erasureKey = `inactive-erasure:${person.id}`
		// Claimed before erasing (erasure runs its own transaction): a second worker skips it; a
		// failed erasure gives the claim back, so tomorrow's run tries again.
		if (
			!(await claimRetentionEvent(prisma, { key: erasureKey, kind: 'inactive-erasure', userId: person.id, at: now }))
		) {
			continue
		}
		try {
			await eraseAccount({
				actor: { kind: 'system', job: 'retention' },
				userId: person.id,
				reason: `No sign-in for ${periods.inactiveAccountDays} days (retention policy); warned on ${londonIsoDate(warning.createdAt)}`,
				now,
			})
			result.erased += 1
		} catch (error) {
			// One account that cannot be erased (the sole owner of an organisation) must not stop the
			// others: its claim is given back, so each day's run tries it again and says why it could not.
			await prisma.retentionEvent.deleteMany({ where: { key: erasureKey } })
			console.warn(
				`[retention] inactive account ${person.id} could not be erased: ${error instanceof Error ? error.message : String(error)}`,
			)
		}
	}
	return result
}

/** The `retention` job: one pass at `now` (the run's time unless a test or operator passes one). */
export const handleRetentionJob: JobHandler<'retention'> = async (data) => {
	const now = data.now ? new Date(data.now) : new Date()
	if (Number.isNaN(now.getTime())) throw new Error(`Not an instant: ${data.now}`)
	const result = await runRetention({ now })
	console.log(`[jobs] retention: ${JSON.stringify(result)}`)
}
