/**
 * Every background job Circle runs, with the data each one carries. Adding a job is one entry here
 * (and one in QUEUES below, which the compiler insists on), plus its handler in handlers.ts.
 * Job data is stored as JSON by pg-boss: plain values only, and ids rather than whole records, so
 * that a job always works on the current state of the database.
 */
export type JobDataMap = {
	/** Deliver one stored EmailMessage (modules/mail/deliver.ts). */
	'send-email': { messageId: string }
	/** Weekly: remind seat holders who have not started or have stalled (modules/organisations/seat-reminders.ts). */
	'seat-reminders': Record<string, never>
	/** Daily: re-assign organisation-required certificates 90 days before they expire (modules/certificates/run-renewals.ts). */
	'certificate-renewals': Record<string, never>
	/**
	 * Daily: due-date, overdue, expiry reminders and nudges (modules/reminders); `now` for tests, else the
	 * run's time; `userIds` limits a run to those people (a test's own, or an operator re-running some).
	 */
	reminders: { now?: string; userIds?: string[] }
	/** Weekly: each team manager's and administrator's compliance digest (modules/reminders). */
	'reminders-digest': { now?: string }
	/** Every five minutes: reflective circles' day-before and hour-before reminders (modules/circles/reminders.ts). */
	'circle-reminders': { now?: string }
	/** Daily: course follow-ups' 7- and 30-day emails (modules/follow-ups/reminders.ts). */
	'follow-up-reminders': { now?: string }
	/** Build one person's "Download your data" ZIP, store it and email the link (modules/data-rights/export.ts). */
	'data-export': { exportId: string }
	/** Daily: delete what is past its retention period, warn and erase inactive accounts (modules/data-rights/retention.ts). */
	retention: { now?: string }
	/** Daily: overdue invoices chased by email, once per invoice per step (modules/billing/invoice-chasers.ts). */
	'invoice-chasers': { now?: string }
	/** Send one stored xAPI statement to its organisation's LRS (modules/xapi/send-statement.ts). */
	'xapi-send': { statementId: string }
	/** One batch of a newsletter issue that is sending (modules/newsletter/send.ts). */
	'newsletter-send': { issueId: string }
	/** Every five minutes: scheduled newsletter issues whose time has come start sending. */
	'newsletter-scheduled': { now?: string }
}

export type JobName = keyof JobDataMap

// A runtime list of the queues to create at start: pg-boss 10 needs createQueue() before send/work.
const QUEUES = {
	'send-email': true,
	'seat-reminders': true,
	'certificate-renewals': true,
	reminders: true,
	'reminders-digest': true,
	'circle-reminders': true,
	'follow-up-reminders': true,
	'data-export': true,
	retention: true,
	'invoice-chasers': true,
	'xapi-send': true,
	'newsletter-send': true,
	'newsletter-scheduled': true,
} satisfies Record<JobName, true>
export const JOB_NAMES = Object.keys(QUEUES) as JobName[]

/** What a handler knows about the run it is part of. */
export type JobContext = {
	jobId: string
	name: JobName
	/** 1 for the first run, 2 for the first retry, … */
	attempt: number
	/** How many retries the job has after its first run. */
	retryLimit: number
	/** True when a failure now means the job fails for good (no more retries). */
	isLastAttempt: boolean
}

/** Throws to fail the run (pg-boss retries it with backoff until the retry limit). */
export type JobHandler<Name extends JobName> = (data: JobDataMap[Name], context: JobContext) => Promise<void>

/** Retry policy for every job unless the caller says otherwise: 6 runs over roughly half an hour. */
export const DEFAULT_RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const
