import { prisma } from '#modules/db/client.ts'
import { assertPlatformAdmin } from './assert-admin.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** Midnight at the start of `now`'s month in UK time (Circle's months are the UK's). */
export function startOfUkMonth(now: Date = new Date()) {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric' })
		.formatToParts(now)
		.reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {})
	const utcMidnight = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, 1))
	// In British Summer Time, UK midnight is 23:00 UTC the day before.
	const ukHour = Number(
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(
			utcMidnight,
		),
	)
	return new Date(utcMidnight.getTime() - ukHour * 60 * 60 * 1000)
}

/**
 * The figures on the admin overview (a platform admin only): a handful of aggregate queries, run
 * together. "Active" learners did something in a course in the last 30 days; "this month" is the
 * UK calendar month. Revenue is what paid orders took this month less anything refunded on them.
 */
export async function getAdminOverview({ actorId, now = new Date() }: { actorId: string; now?: Date }) {
	await assertPlatformAdmin({ actorId })
	const monthStart = startOfUkMonth(now)
	const activeSince = new Date(now.getTime() - 30 * DAY_MS)
	const [users, activeLearners, organisations, coursesPublished, enrolments, completions, paid, openEnquiries] =
		await Promise.all([
			prisma.user.count(),
			prisma.user.count({ where: { enrolments: { some: { lastActivityAt: { gte: activeSince } } } } }),
			prisma.organisation.count(),
			prisma.course.count({ where: { publishedVersionId: { not: null }, archivedAt: null } }),
			prisma.enrolment.count(),
			prisma.enrolment.count({ where: { completedAt: { gte: monthStart } } }),
			prisma.order.aggregate({
				where: {
					status: 'PAID',
					OR: [{ fulfilledAt: { gte: monthStart } }, { fulfilledAt: null, createdAt: { gte: monthStart } }],
				},
				_count: { _all: true },
				_sum: { amountPence: true, amountRefundedPence: true },
			}),
			prisma.enquiry.count({ where: { handledAt: null } }),
		])
	return {
		monthStart,
		users,
		activeLearners,
		organisations,
		coursesPublished,
		enrolments,
		completionsThisMonth: completions,
		ordersPaidThisMonth: paid._count._all,
		revenueThisMonthPence: (paid._sum.amountPence ?? 0) - (paid._sum.amountRefundedPence ?? 0),
		openEnquiries,
	}
}
