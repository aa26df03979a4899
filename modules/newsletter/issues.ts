import { recordAudit } from '#modules/audit/record.ts'
import { fromLondonLocal } from '#modules/circles/london-time.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import { enqueueJob } from '#modules/jobs/enqueue-job.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { NewsletterError } from './errors.ts'
import { newsletterScheduleSchema, NewsletterIssueSchema, type NewsletterIssueInput } from './schemas.ts'
import { selectIssueProgress } from './sql.ts'

/** Trainers and platform admins write and send the newsletter; anyone else is refused. */
export async function assertNewsletterWriter(actorId: string, db: Tx | typeof prisma = prisma) {
	const actor = await db.user.findUnique({
		where: { id: actorId },
		select: { id: true, email: true, name: true, role: true, disabledAt: true },
	})
	if (!actor || actor.disabledAt || (actor.role !== 'TRAINER' && actor.role !== 'ADMIN')) {
		throw new NewsletterError(
			'forbidden',
			'NOT_A_NEWSLETTER_WRITER',
			'Only trainers and administrators can write the newsletter.',
		)
	}
	return actor
}

function parseIssue(input: NewsletterIssueInput) {
	const parsed = NewsletterIssueSchema.safeParse(input)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]
		throw new NewsletterError('invalid', 'INVALID_NEWSLETTER_ISSUE', issue?.message ?? 'The newsletter is not valid', {
			field: issue?.path[0] === undefined ? undefined : String(issue.path[0]),
		})
	}
	return parsed.data
}

/**
 * Creates a draft issue of the newsletter (nothing is sent). Exported for other contexts too: a news
 * post can be turned into an issue with its title and Markdown. Sectors empty means everyone.
 */
export async function createNewsletterIssue({
	actorId,
	subject,
	markdown,
	sectors,
}: {
	actorId: string
	subject: string
	markdown: string
	sectors: Sector[]
}) {
	const content = parseIssue({ subject, markdown, sectors })
	return prisma.$transaction(async (tx) => {
		await assertNewsletterWriter(actorId, tx)
		const issue = await tx.newsletterIssue.create({ data: { ...content, authorId: actorId }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			action: 'newsletter.issue_created',
			targetType: 'NewsletterIssue',
			targetId: issue.id,
		})
		return { issueId: issue.id }
	})
}

async function editableIssue(tx: Tx, issueId: string) {
	const issue = await tx.newsletterIssue.findUnique({ where: { id: issueId }, select: { id: true, status: true } })
	if (!issue) throw new NewsletterError('not_found', 'NEWSLETTER_ISSUE_NOT_FOUND', 'There is no such newsletter.')
	if (issue.status === 'SENDING' || issue.status === 'SENT') {
		throw new NewsletterError('conflict', 'NEWSLETTER_ISSUE_ALREADY_SENT', 'This newsletter has already been sent.')
	}
	return issue
}

/** Saves a draft or scheduled issue's subject, body and sectors (a sent one cannot change). */
export async function updateNewsletterIssue({
	actorId,
	issueId,
	input,
}: {
	actorId: string
	issueId: string
	input: NewsletterIssueInput
}) {
	const content = parseIssue(input)
	await prisma.$transaction(async (tx) => {
		await assertNewsletterWriter(actorId, tx)
		await editableIssue(tx, issueId)
		await tx.newsletterIssue.update({ where: { id: issueId }, data: content, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			action: 'newsletter.issue_updated',
			targetType: 'NewsletterIssue',
			targetId: issueId,
		})
	})
}

/** Every issue, newest first, with its progress. */
export async function listNewsletterIssues({ actorId }: { actorId: string }) {
	await assertNewsletterWriter(actorId)
	const issues = await prisma.newsletterIssue.findMany({
		select: { id: true, subject: true, status: true, sectors: true, scheduledFor: true, sentAt: true, updatedAt: true },
		orderBy: { createdAt: 'desc' },
		take: 200,
	})
	return Promise.all(
		issues.map(async (issue) => ({
			...issue,
			progress: await selectIssueProgress(prisma, { issueId: issue.id, sectors: issue.sectors }),
		})),
	)
}

/** One issue for its studio page: content, sanitised preview and progress. */
export async function getNewsletterIssue({ actorId, issueId }: { actorId: string; issueId: string }) {
	await assertNewsletterWriter(actorId)
	const issue = await prisma.newsletterIssue.findUnique({
		where: { id: issueId },
		select: {
			id: true,
			subject: true,
			markdown: true,
			sectors: true,
			status: true,
			scheduledFor: true,
			sendStartedAt: true,
			sentAt: true,
		},
	})
	if (!issue) throw new NewsletterError('not_found', 'NEWSLETTER_ISSUE_NOT_FOUND', 'There is no such newsletter.')
	return {
		...issue,
		html: renderMarkdown(issue.markdown),
		progress: await selectIssueProgress(prisma, { issueId, sectors: issue.sectors }),
	}
}

/**
 * Emails the issue to the person writing it, marked as a test; no subscriber and no delivery row.
 */
export async function sendTestNewsletter({ actorId, issueId }: { actorId: string; issueId: string }) {
	const actor = await assertNewsletterWriter(actorId)
	const issue = await prisma.newsletterIssue.findUnique({
		where: { id: issueId },
		select: { subject: true, markdown: true },
	})
	if (!issue) throw new NewsletterError('not_found', 'NEWSLETTER_ISSUE_NOT_FOUND', 'There is no such newsletter.')
	await sendEmail({
		to: actor.email,
		template: 'newsletter-issue',
		props: { subject: issue.subject, html: renderMarkdown(issue.markdown), unsubscribeUrl: null, preferencesUrl: null },
	})
	return { to: actor.email }
}

/**
 * Starts sending an issue now: it becomes SENDING (one conditional UPDATE, so two clicks start it
 * once) and the first `newsletter-send` batch is queued. The batches do the rest.
 */
export async function sendNewsletterIssueNow({
	actorId,
	issueId,
	now,
}: {
	actorId: string
	issueId: string
	now: Date
}) {
	await prisma.$transaction(async (tx) => {
		await assertNewsletterWriter(actorId, tx)
		await editableIssue(tx, issueId)
		const { count } = await tx.newsletterIssue.updateMany({
			where: { id: issueId, status: { in: ['DRAFT', 'SCHEDULED'] } },
			data: { status: 'SENDING', sendStartedAt: now, scheduledFor: null },
		})
		if (count === 0)
			throw new NewsletterError('conflict', 'NEWSLETTER_ISSUE_ALREADY_SENT', 'This newsletter has already been sent.')
		await recordAudit(tx, {
			actorId,
			action: 'newsletter.issue_sent',
			targetType: 'NewsletterIssue',
			targetId: issueId,
		})
	})
	await enqueueJob('newsletter-send', { issueId })
}

/** Schedules an issue for a London wall-clock time after `now` (the scheduled job starts it then). */
export async function scheduleNewsletterIssue({
	actorId,
	issueId,
	sendAt,
	now,
}: {
	actorId: string
	issueId: string
	/** "YYYY-MM-DDTHH:MM", London time. */
	sendAt: string
	now: Date
}) {
	const parsed = newsletterScheduleSchema(now).safeParse({ sendAt })
	if (!parsed.success) {
		throw new NewsletterError(
			'invalid',
			'SEND_TIME_NOT_IN_FUTURE',
			parsed.error.issues[0]?.message ?? 'Choose a time in the future',
			{
				field: 'sendAt',
			},
		)
	}
	const scheduledFor = fromLondonLocal(parsed.data.sendAt)!
	await prisma.$transaction(async (tx) => {
		await assertNewsletterWriter(actorId, tx)
		await editableIssue(tx, issueId)
		await tx.newsletterIssue.update({
			where: { id: issueId },
			data: { status: 'SCHEDULED', scheduledFor },
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			action: 'newsletter.issue_scheduled',
			targetType: 'NewsletterIssue',
			targetId: issueId,
			details: { scheduledFor: scheduledFor.toISOString() },
		})
	})
	return { scheduledFor }
}
