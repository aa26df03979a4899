import { prisma } from '#modules/db/client.ts'
import { isLanguage } from '#modules/i18n/languages.ts'
import { enqueueJob } from '#modules/jobs/enqueue-job.ts'
import type { JobHandler } from '#modules/jobs/job-types.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { listUnsubscribeHeaders, newsletterPreferencesUrl, newsletterUnsubscribeUrl } from './links.ts'
import { claimDelivery, countUndeliveredRecipients, selectUndeliveredRecipients } from './sql.ts'

/** Recipients per `newsletter-send` job: each batch is a short job, so a restart loses little. */
export const NEWSLETTER_BATCH_SIZE = 50
/** Every five minutes, UK time: scheduled issues whose time has come start sending. */
export const NEWSLETTER_SCHEDULED_CRON = '*/5 * * * *'

/**
 * Sends one batch of an issue that is SENDING: for each confirmed recipient without a delivery row,
 * claims the pair and queues its email (with its own List-Unsubscribe link and headers) in one
 * transaction, so however many workers run the same issue each subscriber gets it once. A failure to
 * queue one email is recorded on its delivery (FAILED, with the error) and the batch goes on. When
 * nobody is left the issue becomes SENT. Returns the counts and whether more remain.
 */
export async function sendNewsletterBatch({
	issueId,
	limit = NEWSLETTER_BATCH_SIZE,
	now = new Date(),
}: {
	issueId: string
	limit?: number
	now?: Date
}) {
	const issue = await prisma.newsletterIssue.findUnique({
		where: { id: issueId },
		select: { id: true, subject: true, markdown: true, sectors: true, status: true },
	})
	if (!issue || issue.status !== 'SENDING') return { sent: 0, failed: 0, more: false }
	const html = renderMarkdown(issue.markdown)
	const recipients = await selectUndeliveredRecipients(prisma, { issueId, sectors: issue.sectors, limit })
	let sent = 0
	let failed = 0
	for (const recipient of recipients) {
		const outcome = await prisma.$transaction(async (tx) => {
			if (!(await claimDelivery(tx, { issueId, subscriberId: recipient.id }))) return 'taken' as const
			try {
				const { id } = await sendEmail(
					{
						to: recipient.email,
						language: isLanguage(recipient.language) ? recipient.language : null,
						template: 'newsletter-issue',
						props: {
							subject: issue.subject,
							html,
							unsubscribeUrl: newsletterUnsubscribeUrl(recipient.unsubscribeToken),
							preferencesUrl: newsletterPreferencesUrl(recipient.unsubscribeToken),
						},
						headers: listUnsubscribeHeaders(recipient.unsubscribeToken),
					},
					tx,
				)
				await tx.newsletterDelivery.update({
					where: { issueId_subscriberId: { issueId, subscriberId: recipient.id } },
					data: { emailMessageId: id },
					select: { issueId: true },
				})
				return 'sent' as const
			} catch (error) {
				await tx.newsletterDelivery.update({
					where: { issueId_subscriberId: { issueId, subscriberId: recipient.id } },
					data: { status: 'FAILED', error: (error instanceof Error ? error.message : String(error)).slice(0, 1000) },
					select: { issueId: true },
				})
				return 'failed' as const
			}
		})
		if (outcome === 'sent') sent += 1
		if (outcome === 'failed') failed += 1
	}
	const more = (await countUndeliveredRecipients(prisma, { issueId, sectors: issue.sectors })) > 0
	if (!more) {
		await prisma.newsletterIssue.updateMany({
			where: { id: issueId, status: 'SENDING' },
			data: { status: 'SENT', sentAt: now },
		})
	}
	return { sent, failed, more }
}

/**
 * Starts every SCHEDULED issue whose time is at or before `now`: each becomes SENDING in a
 * conditional UPDATE (two schedulers start it once) and its first batch is queued.
 */
export async function startScheduledNewsletters({ now }: { now: Date }) {
	const due = await prisma.newsletterIssue.findMany({
		where: { status: 'SCHEDULED', scheduledFor: { lte: now } },
		select: { id: true },
	})
	const started: string[] = []
	for (const { id } of due) {
		const { count } = await prisma.newsletterIssue.updateMany({
			where: { id, status: 'SCHEDULED' },
			data: { status: 'SENDING', sendStartedAt: now },
		})
		if (count === 1) {
			started.push(id)
			await enqueueJob('newsletter-send', { issueId: id })
		}
	}
	return { started }
}

/** The `newsletter-send` job: one batch, then the next batch as a job of its own. */
export const handleNewsletterSendJob: JobHandler<'newsletter-send'> = async ({ issueId }) => {
	const { sent, failed, more } = await sendNewsletterBatch({ issueId })
	if (sent + failed > 0) console.log(`[jobs] newsletter-send ${issueId}: ${sent} queued, ${failed} failed`)
	if (more) await enqueueJob('newsletter-send', { issueId })
}

/** The `newsletter-scheduled` job: starts scheduled issues (`now` for tests, else the run's time). */
export const handleNewsletterScheduledJob: JobHandler<'newsletter-scheduled'> = async (data) => {
	const now = data.now ? new Date(data.now) : new Date()
	if (Number.isNaN(now.getTime())) throw new Error(`Not an instant: ${data.now}`)
	const { started } = await startScheduledNewsletters({ now })
	if (started.length) console.log(`[jobs] newsletter-scheduled: started ${started.length}`)
}
