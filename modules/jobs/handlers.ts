import { handleSendEmailJob } from '#modules/mail/deliver.ts'
import { handleSeatRemindersJob, SEAT_REMINDERS_CRON } from '#modules/organisations/seat-reminders.ts'
import { handleCertificateRenewalsJob, RENEWALS_CRON } from '#modules/certificates/run-renewals.ts'
import {
	handleRemindersDigestJob,
	handleRemindersJob,
	REMINDERS_CRON,
	REMINDERS_DIGEST_CRON,
} from '#modules/reminders/jobs.ts'
// Attachment resolvers register themselves on import; a worker running as its own process
// (`npm run worker`) must load them too, or certificate emails would fail and retry for ever.
import '#modules/certificates/certificate-attachment.ts'
import '#modules/circles/ics.ts'
import { CIRCLE_REMINDERS_CRON, handleCircleRemindersJob } from '#modules/circles/reminders.ts'
import { FOLLOW_UP_REMINDERS_CRON, handleFollowUpRemindersJob } from '#modules/follow-ups/reminders.ts'
import { handleDataExportJob } from '#modules/data-rights/export.ts'
import { handleRetentionJob, RETENTION_CRON } from '#modules/data-rights/retention.ts'
import '#modules/billing/invoice-attachment.ts'
import { handleInvoiceChasersJob, INVOICE_CHASERS_CRON } from '#modules/billing/invoice-chasers.ts'
import { handleXapiSendJob } from '#modules/xapi/send-statement.ts'
import {
	handleNewsletterScheduledJob,
	handleNewsletterSendJob,
	NEWSLETTER_SCHEDULED_CRON,
} from '#modules/newsletter/send.ts'
import type { JobHandler, JobName } from './job-types.ts'
import { scheduleJob } from './enqueue-job.ts'
import { getJobHandler, registerJob } from './registry.ts'

// One handler per job: the mapped type makes a job without a handler a compile error.
const builtInHandlers: { [Name in JobName]: JobHandler<Name> } = {
	'send-email': handleSendEmailJob,
	'seat-reminders': handleSeatRemindersJob,
	'certificate-renewals': handleCertificateRenewalsJob,
	reminders: handleRemindersJob,
	'reminders-digest': handleRemindersDigestJob,
	'circle-reminders': handleCircleRemindersJob,
	'follow-up-reminders': handleFollowUpRemindersJob,
	'data-export': handleDataExportJob,
	retention: handleRetentionJob,
	'invoice-chasers': handleInvoiceChasersJob,
	'xapi-send': handleXapiSendJob,
	'newsletter-send': handleNewsletterSendJob,
	'newsletter-scheduled': handleNewsletterScheduledJob,
}

/**
 * Registers the handler of every Circle job that has none yet (a handler registered earlier with
 * registerJob is kept). Safe to call more than once.
 */
export function registerBuiltInJobs(): void {
	for (const name of Object.keys(builtInHandlers) as JobName[]) {
		if (!getJobHandler(name)) registerJob(name, builtInHandlers[name] as JobHandler<JobName>)
	}
}

/** Jobs that run on a timetable (cron, UK time): the worker stores these schedules when it starts. */
export const builtInSchedules: { name: JobName; cron: string }[] = [
	// Weekly nudges to seat holders who have not started or have stalled.
	{ name: 'seat-reminders', cron: SEAT_REMINDERS_CRON },
	// Daily: organisation-required certificates re-assigned 90 days before they expire.
	{ name: 'certificate-renewals', cron: RENEWALS_CRON },
	// Due-date, overdue and expiry reminders and nudges; the weekly compliance digest.
	{ name: 'reminders', cron: REMINDERS_CRON },
	{ name: 'reminders-digest', cron: REMINDERS_DIGEST_CRON },
	// Reflective circles: a reminder a day and an hour before, to people with a place.
	{ name: 'circle-reminders', cron: CIRCLE_REMINDERS_CRON },
	// Course follow-ups: the 7- and 30-day checks, by email when they open.
	{ name: 'follow-up-reminders', cron: FOLLOW_UP_REMINDERS_CRON },
	// Data retention: old sessions, throttle rows, outbox mail and audit entries; inactive accounts.
	{ name: 'retention', cron: RETENTION_CRON },
	// Invoices: overdue ones chased 1, 14 and 30 days after their due date, and flagged to admins.
	{ name: 'invoice-chasers', cron: INVOICE_CHASERS_CRON },
	// Newsletter issues scheduled in the studio start sending when their time comes.
	{ name: 'newsletter-scheduled', cron: NEWSLETTER_SCHEDULED_CRON },
]

/** Stores every built-in schedule (idempotent: pg-boss keeps one schedule per job name). */
export async function scheduleBuiltInJobs(): Promise<void> {
	for (const { name, cron } of builtInSchedules) await scheduleJob(name, cron, {} as never)
}
