// Demo content for reminders (docs/decisions/0027-compliance.md, "Reminders"): Riverside Academy
// Trust has chosen its own reminder days, and the dev outbox (/dev/outbox) already holds what the
// reminder jobs send: a due-soon reminder, an overdue one, a certificate expiry reminder and the
// team manager's weekly digest. They are sent by the jobs' own scans (runReminders, runDigests)
// with the clock set where each falls due, so the emails are exactly what a real run sends.
// Idempotent: once the trust has had a reminder, it does nothing.
import { addDays, ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { setOrganisationReminderSettings } from '#modules/reminders/preferences.ts'
import { runDigests, runReminders } from '#modules/reminders/run-reminders.ts'

/** The trust's choice: a fortnight's warning added to the defaults, and expiry from two months out. */
export const DEMO_REMINDER_DAYS = { dueDays: [30, 14, 7, 1], expiryDays: [60, 30, 7] } as const

/** Noon UK time on an ISO day: the clock a seeded run is given. */
const noonOn = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`)

/**
 * Sets the trust's reminder days (through the audited domain function, as its owner) and runs the
 * reminder scans: on the day after the trust's most recently missed due date (the overdue emails),
 * then today (due-soon and expiry reminders, the weekly digest). Run after the demo teams and
 * assignments (seedDemoTeams) and certificates (seedValidityDemo), which they remind about.
 */
export async function seedDemoReminders({
	organisationId,
	ownerId,
	now = new Date(),
}: {
	organisationId: string
	ownerId: string
	now?: Date
}) {
	if ((await prisma.reminderEvent.count({ where: { organisationId } })) > 0) return
	await setOrganisationReminderSettings({
		organisationId,
		actorId: ownerId,
		dueDays: [...DEMO_REMINDER_DAYS.dueDays],
		expiryDays: [...DEMO_REMINDER_DAYS.expiryDays],
	})

	// Only the demo's people: the trust's members and the demo accounts. A database that holds
	// anyone else (a shared test database, or demo content added beside real data) is not scanned.
	const people = await prisma.user.findMany({
		where: { OR: [{ memberships: { some: { organisationId } } }, { email: { endsWith: '@circle.example' } }] },
		select: { id: true },
	})
	const scope = { userIds: people.map((p) => p.id) }
	const today = ukToday(now)
	const missed = await prisma.learnerAssignment.findFirst({
		where: { organisationId, completedAt: null, cancelledAt: null, dueOn: { lt: new Date(`${today}T00:00:00Z`) } },
		orderBy: { dueOn: 'desc' },
		select: { dueOn: true },
	})
	// The first overdue day is the only one with an email, so that day's run is the one to replay.
	if (missed) await runReminders({ now: noonOn(addDays(missed.dueOn.toISOString().slice(0, 10), 1)), scope })
	await runReminders({ now, scope })
	await runDigests({ now, scope })
}
