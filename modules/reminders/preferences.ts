import { type RequestOrigin, recordAudit } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { RemindersError } from './errors.ts'
import { upsertReminderPreference } from './sql.ts'

/**
 * What a person has chosen about reminders: whether optional ones (nudges; reminders about courses
 * nobody assigned) reach them, and, in each organisation they administer, whether the weekly
 * digest does. Reminders about training an organisation requires cannot be switched off.
 */
export async function getReminderPreferences({ userId }: { userId: string }) {
	const [preference, memberships] = await Promise.all([
		prisma.reminderPreference.findUnique({ where: { userId }, select: { optionalOff: true } }),
		prisma.membership.findMany({
			where: { userId, deactivatedAt: null, role: { in: ['OWNER', 'ADMIN'] } },
			select: { organisationId: true, digestOff: true, organisation: { select: { name: true } } },
			orderBy: { organisation: { name: 'asc' } },
		}),
	])
	return {
		optional: !(preference?.optionalOff ?? false),
		digests: memberships.map((m) => ({
			organisationId: m.organisationId,
			name: m.organisation.name,
			on: !m.digestOff,
		})),
	}
}

/**
 * Saves a person's reminder choices: optional reminders on or off, and the weekly digest on in the
 * organisations listed (among those they administer; any other id is ignored) and off in the rest.
 * Audited as the person's own change.
 */
export async function setReminderPreferences({
	userId,
	optional,
	digestOrganisationIds,
	ipAddress,
	userAgent,
}: { userId: string; optional: boolean; digestOrganisationIds: string[] } & RequestOrigin) {
	await prisma.$transaction(async (tx) => {
		await upsertReminderPreference(tx, { userId })
		await tx.reminderPreference.update({
			where: { userId },
			data: { optionalOff: !optional },
			select: { userId: true },
		})
		const administered = await tx.membership.findMany({
			where: { userId, deactivatedAt: null, role: { in: ['OWNER', 'ADMIN'] } },
			select: { id: true, organisationId: true },
		})
		const wanted = new Set(digestOrganisationIds)
		for (const membership of administered) {
			await tx.membership.update({
				where: { id: membership.id },
				data: { digestOff: !wanted.has(membership.organisationId) },
				select: { id: true },
			})
		}
		await recordAudit(tx, {
			actorId: userId,
			action: 'reminders.preferences_changed',
			targetType: 'User',
			targetId: userId,
			details: {
				optional,
				digestOn: administered.filter((m) => wanted.has(m.organisationId)).map((m) => m.organisationId),
			},
			ipAddress,
			userAgent,
		})
	})
}

/** Whose one-click unsubscribe link `token` is (null when it is nobody's), and whether it has been used. */
export async function findUnsubscribeLink({ token }: { token: string }) {
	const row = await prisma.reminderPreference.findUnique({
		where: { unsubscribeToken: token },
		select: { optionalOff: true, user: { select: { email: true } } },
	})
	return row ? { email: row.user.email, optionalOff: row.optionalOff } : null
}

/**
 * RFC 8058 one-click unsubscribe: switches off the optional reminders (nudges; courses nobody
 * assigned) of the person whose link `token` is. Idempotent; needs no session, since the link
 * itself is the secret, and can do nothing else. Throws UNSUBSCRIBE_LINK_NOT_FOUND for an unknown token.
 */
export async function unsubscribeWithToken({ token, ipAddress, userAgent }: { token: string } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		const row = await tx.reminderPreference.findUnique({
			where: { unsubscribeToken: token },
			select: { userId: true, optionalOff: true },
		})
		if (!row) {
			throw new RemindersError('not_found', 'UNSUBSCRIBE_LINK_NOT_FOUND', 'This unsubscribe link is not valid.')
		}
		if (row.optionalOff) return { changed: false }
		await tx.reminderPreference.update({
			where: { userId: row.userId },
			data: { optionalOff: true },
			select: { userId: true },
		})
		await recordAudit(tx, {
			actorId: null,
			action: 'reminders.unsubscribed',
			targetType: 'User',
			targetId: row.userId,
			details: { via: 'one-click link' },
			ipAddress,
			userAgent,
		})
		return { changed: true }
	})
}

/** An organisation's reminder intervals. */
export async function getOrganisationReminderSettings({ organisationId }: { organisationId: string }) {
	const row = await prisma.organisation.findUniqueOrThrow({
		where: { id: organisationId },
		select: { reminderDueDays: true, reminderExpiryDays: true },
	})
	return { dueDays: row.reminderDueDays, expiryDays: row.reminderExpiryDays }
}

/**
 * Sets when an organisation's people are reminded: days before a requirement's due date (the
 * first overdue day always gets one) and days before a certificate that meets a requirement
 * expires. Owners and administrators only; audited with the old and new values. Reminders already
 * sent are not sent again.
 */
export async function setOrganisationReminderSettings({
	organisationId,
	actorId,
	dueDays,
	expiryDays,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; dueDays: number[]; expiryDays: number[] } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const before = await tx.organisation.findUniqueOrThrow({
			where: { id: organisationId },
			select: { reminderDueDays: true, reminderExpiryDays: true },
		})
		await tx.organisation.update({
			where: { id: organisationId },
			data: { reminderDueDays: dueDays, reminderExpiryDays: expiryDays },
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'organisation.reminders_changed',
			targetType: 'Organisation',
			targetId: organisationId,
			details: {
				from: { dueDays: before.reminderDueDays, expiryDays: before.reminderExpiryDays },
				to: { dueDays, expiryDays },
			},
			ipAddress,
			userAgent,
		})
	})
}
