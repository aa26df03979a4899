import type { JobHandler } from '#modules/jobs/job-types.ts'
import { runDigests, runReminders } from './run-reminders.ts'

/** Every morning at 7 and again at 1pm, UK time: the second run only catches what a failed first one missed. */
export const REMINDERS_CRON = '0 7,13 * * *'
/** Mondays at 8am, UK time. */
export const REMINDERS_DIGEST_CRON = '0 8 * * 1'

// A scheduled run carries no data and means "now"; tests and operators may pass an instant.
function jobNow(data: { now?: string }) {
	const now = data.now ? new Date(data.now) : new Date()
	if (Number.isNaN(now.getTime())) throw new Error(`Not an instant: ${data.now}`)
	return now
}

/** The `reminders` job: the daily scan (runReminders). */
export const handleRemindersJob: JobHandler<'reminders'> = async (data) => {
	const scope = data.userIds ? { userIds: data.userIds } : undefined
	const { sent, suppressed } = await runReminders({ now: jobNow(data), scope })
	if (sent + suppressed > 0) console.log(`[jobs] reminders: ${sent} sent, ${suppressed} switched off by the person`)
}

/** The `reminders-digest` job: the weekly digest (runDigests). */
export const handleRemindersDigestJob: JobHandler<'reminders-digest'> = async (data) => {
	const { sent } = await runDigests({ now: jobNow(data) })
	if (sent > 0) console.log(`[jobs] reminders-digest: ${sent} sent`)
}
