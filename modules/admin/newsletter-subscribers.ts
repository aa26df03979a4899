// The platform admin's view of the newsletter list (ADR 0042, 0049): find a subscriber, see their
// status, consent record and sectors, and erase one who has no account when they ask.
import { prisma, type Prisma, type Tx } from '#modules/db/client.ts'
import { AdminError } from './errors.ts'
import { assertPlatformAdmin } from './assert-admin.ts'
import { writeAudit } from './audit.ts'
import { normalisePage, normaliseQuery, pageInfo, type PageRequest } from './pagination.ts'

/**
 * One page of newsletter subscribers (a platform admin only), newest first, searched by email in any
 * letter case: status, sectors, suppression, whether an account holds the address, and each
 * subscriber's consent events (when, which form, the exact wording). Tokens are never selected.
 */
export async function listNewsletterSubscribers({
	actorId,
	query,
	...paging
}: PageRequest & { actorId: string; query?: string | null }) {
	await assertPlatformAdmin({ actorId })
	const { page, pageSize, skip, take } = normalisePage(paging)
	const q = normaliseQuery(query)
	const where: Prisma.NewsletterSubscriberWhereInput = q ? { email: { contains: q, mode: 'insensitive' } } : {}
	const [total, rows] = await Promise.all([
		prisma.newsletterSubscriber.count({ where }),
		prisma.newsletterSubscriber.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip,
			take,
			select: {
				id: true,
				email: true,
				name: true,
				status: true,
				sectors: true,
				createdAt: true,
				confirmedAt: true,
				unsubscribedAt: true,
				suppressedAt: true,
				suppressedReason: true,
				userId: true,
				consents: {
					select: { id: true, event: true, source: true, wording: true, createdAt: true },
					orderBy: { createdAt: 'asc' },
				},
			},
		}),
	])
	const accounts = await accountsHolding(
		prisma,
		rows.filter((r) => !r.userId).map((r) => r.email),
	)
	const subscribers = rows.map(({ userId, ...row }) => ({
		...row,
		hasAccount: Boolean(userId) || accounts.has(row.email.toLowerCase()),
	}))
	return { subscribers, ...pageInfo({ page, pageSize, total }) }
}

/** Which of `emails` (lower-cased) an account holds as its sign-in or personal address. */
async function accountsHolding(db: Tx | typeof prisma, emails: string[]) {
	if (!emails.length) return new Set<string>()
	const either = emails.flatMap((email) => [
		{ email: { equals: email, mode: 'insensitive' as const } },
		{ personalEmail: { equals: email, mode: 'insensitive' as const } },
	])
	const users = await db.user.findMany({ where: { OR: either }, select: { email: true, personalEmail: true } })
	return new Set(
		users
			.flatMap((u) => [u.email, u.personalEmail])
			.filter((e): e is string => Boolean(e))
			.map((e) => e.toLowerCase()),
	)
}

/**
 * Erases a subscriber who has no account, on their request (UK GDPR art. 17; a platform admin only):
 * the subscription with its consent record and deliveries, and the emails Circle sent to the address
 * (confirmation links, issues) from the outbox, in one transaction with an audit row that names the
 * subscriber's id and the reason, never the address. An address an account holds (as its sign-in or
 * personal address) is `conflict` SUBSCRIBER_HAS_ACCOUNT: that person is erased with their account
 * (ADR 0038), which deletes the subscription too. The address is then no longer suppressed either.
 */
export async function deleteNewsletterSubscriber({
	actorId,
	subscriberId,
	reason,
}: {
	actorId: string
	subscriberId: string
	reason: string
}) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		const subscriber = await tx.newsletterSubscriber.findUnique({
			where: { id: subscriberId },
			select: { id: true, email: true, userId: true },
		})
		if (!subscriber) {
			throw new AdminError('not_found', 'SUBSCRIBER_NOT_FOUND', 'There is no newsletter subscriber with that id.')
		}
		if (subscriber.userId || (await accountsHolding(tx, [subscriber.email])).size > 0) {
			throw new AdminError(
				'conflict',
				'SUBSCRIBER_HAS_ACCOUNT',
				'A Circle account holds this address: erase the account instead, which deletes the subscription too.',
			)
		}
		const emails = await tx.emailMessage.deleteMany({
			where: { to: { equals: subscriber.email, mode: 'insensitive' } },
		})
		await tx.newsletterSubscriber.delete({ where: { id: subscriber.id }, select: { id: true } })
		await writeAudit(tx, {
			actorId,
			action: 'newsletter.subscriber_erased',
			targetType: 'NewsletterSubscriber',
			targetId: subscriber.id,
			details: { reason, emailsDeleted: emails.count },
		})
		return { emailsDeleted: emails.count }
	})
}
