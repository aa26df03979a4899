import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { invalidateUserSessions } from '#modules/auth/sessions.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { DataRightsError } from './errors.ts'
import {
	clearAuditNetworkDetails,
	deleteThrottleRowsFor,
	lockUserForErasure,
	markTransactionAsErasure,
	selectMentions,
	selectUserIpAddresses,
	TEXT_MENTIONS,
	updateMention,
} from './sql.ts'

/**
 * Who asks for an erasure: the person themselves (from /account, after proving it is them), a
 * platform admin acting on a request (from /admin/users/:id), or the retention job erasing an
 * inactive account (modules/data-rights/retention*.ts).
 */
export type ErasureActor =
	{ kind: 'self'; userId: string } | { kind: 'admin'; userId: string } | { kind: 'system'; job: string }

export type EraseAccountInput = {
	actor: ErasureActor
	/** The account to erase. */
	userId: string
	/** Why (kept in the audit log, without the person's name or addresses). */
	reason: string
	now: Date
}

/** What an erasure did, by count: for the audit log, the admin's notice and tests. */
export type ErasureSummary = {
	userId: string
	sessionsEnded: number
	certificatesWithoutName: number
	certificatesKeepingName: number
	deletedRows: Record<string, number>
	textRewritten: number
}

/** The name an erased account shows (team reports, the compliance matrix, admin lists). */
export const ERASED_USER_NAME = 'Erased account'
/** What an issued certificate says in place of the name once its holder is erased (unless kept, see ADR 0038). */
export const ERASED_CERTIFICATE_NAME = 'Name removed at the holder’s request'
/** Words that stand in for the person's name in free text that was not theirs (emails, audit details…). */
export const ERASED_MENTION = '[name removed]'

/** The pseudonymous address an erased account keeps: unique, never deliverable (RFC 6761 .invalid). */
export function erasedEmail(userId: string) {
	return `erased-${userId.toLowerCase()}@erased.invalid`
}

/**
 * Erases a person's account (UK GDPR article 17), in one transaction; see
 * docs/decisions/0038-erasure.md. The User row stays, pseudonymised (no name, no address, no
 * password, disabled, `erasedAt` set), so that what organisations count (seats, completions,
 * requirements met) and every certificate that was issued still add up and still verify. Everything
 * that is the person's own words or identifies them is deleted or rewritten: profile, personal email,
 * sessions, passkeys, authenticator app, recovery codes, SSO and SCIM links, tokens, reflections, quiz
 * free text, CPD entries, reflective records, follow-up answers, reminders, outbox mail to them (and
 * their name or address in anyone else's mail, audit details and attestations), invitations and seats
 * (to a pseudonymous address), IP addresses and browsers in audit rows, and throttle counters.
 * Certificates lose the name, unless the organisation whose seat the course was taken on keeps names
 * (Organisation.erasureKeepsCertificateNames). Refused: an unknown or already erased account, a
 * platform admin's account (remove the role first), an organisation's sole owner (hand ownership
 * over first), a self-erasure for anyone else, an admin erasing themselves here. Signed out
 * everywhere at once; sign-in can never find the account again.
 */
export async function eraseAccount({ actor, userId, reason, now }: EraseAccountInput): Promise<ErasureSummary> {
	return prisma.$transaction(
		async (tx) => {
			await assertErasureActor(tx, actor, userId)
			const user = await lockUserForErasure(tx, userId)
			if (!user) throw new DataRightsError('not_found', 'USER_NOT_FOUND', 'There is no account with that id.')
			if (user.erasedAt)
				throw new DataRightsError('conflict', 'ALREADY_ERASED', 'This account has already been erased.')
			if (user.role === 'ADMIN') {
				throw new DataRightsError(
					'conflict',
					'ERASE_PLATFORM_ADMIN',
					'A platform administrator’s account cannot be erased. Another platform administrator must first change its role.',
				)
			}
			await assertNotSoleOwner(tx, userId)

			const pseudonym = erasedEmail(userId)
			const emails = await personEmails(tx, user)
			const ipAddresses = await selectUserIpAddresses(tx, userId)
			const names = nameTerms(user.name)

			const deletedRows = await deletePersonalRows(tx, userId, emails, now)
			const sessionsEnded = deletedRows.sessions ?? 0
			await blankPersonalText(tx, userId, emails, pseudonym)
			const certificates = await anonymiseCertificates(tx, userId)

			await markTransactionAsErasure(tx)
			await clearAuditNetworkDetails(tx, userId)
			const textRewritten = await rewriteMentions(tx, [
				...emails.map((term) => ({ term, replacement: pseudonym })),
				...names.map((term) => ({ term, replacement: ERASED_MENTION })),
			])
			deletedRows.throttles = await deleteThrottleRowsFor(tx, [...emails, ...ipAddresses, userId])

			await tx.organisation.updateMany({
				where: { OR: emails.map((email) => ({ billingEmail: { equals: email, mode: 'insensitive' as const } })) },
				data: { billingEmail: null },
			})
			await tx.user.update({
				where: { id: userId },
				data: {
					name: ERASED_USER_NAME,
					email: pseudonym,
					passwordHash: null,
					emailVerifiedAt: null,
					personalEmail: null,
					personalEmailVerifiedAt: null,
					profession: null,
					registrationBody: null,
					registrationNumber: null,
					cpdCycleStart: null,
					revalidationDate: null,
					rjcLevel: null,
					stripeCustomerId: null,
					disabledAt: now,
					erasedAt: now,
				},
				select: { id: true },
			})

			const summary: ErasureSummary = {
				userId,
				sessionsEnded,
				certificatesWithoutName: certificates.withoutName,
				certificatesKeepingName: certificates.keepingName,
				deletedRows,
				textRewritten,
			}
			await recordAudit(tx, {
				actorId: actor.kind === 'system' ? null : actor.userId,
				action: 'user.erased',
				targetType: 'User',
				targetId: userId,
				details: {
					by: actor.kind === 'system' ? `system:${actor.job}` : actor.kind,
					reason: scrub(reason, [...emails, ...names], ERASED_MENTION),
					sessionsEnded,
					certificatesWithoutName: certificates.withoutName,
					certificatesKeepingName: certificates.keepingName,
				},
			})
			return summary
		},
		{ timeout: 60_000, maxWait: 10_000 },
	)
}

async function assertErasureActor(tx: Tx, actor: ErasureActor, userId: string) {
	if (actor.kind === 'self') {
		if (actor.userId !== userId) {
			throw new DataRightsError('forbidden', 'ERASE_NOT_ALLOWED', 'You can only erase your own account.')
		}
		return
	}
	if (actor.kind === 'admin') {
		await assertPlatformAdmin({ actorId: actor.userId, tx })
		if (actor.userId === userId) {
			throw new DataRightsError(
				'conflict',
				'ERASE_SELF_AS_ADMIN',
				'You cannot erase your own account from here. Ask another platform administrator.',
			)
		}
	}
}

/** The organisations (by name) of which the person is the only owner: they cannot be erased until another member owns each. */
export async function soleOwnedOrganisations(db: Tx | typeof prisma, userId: string) {
	const owned = await db.membership.findMany({
		where: { userId, role: 'OWNER' },
		select: {
			organisation: {
				select: {
					name: true,
					_count: { select: { memberships: { where: { role: 'OWNER', userId: { not: userId } } } } },
				},
			},
		},
	})
	return owned
		.filter((m) => m.organisation._count.memberships === 0)
		.map((m) => m.organisation.name)
		.sort()
}

/** An organisation must never be left without an owner: its sole owner hands ownership over first. */
async function assertNotSoleOwner(tx: Tx, userId: string) {
	const sole = await soleOwnedOrganisations(tx, userId)
	if (sole.length > 0) {
		throw new DataRightsError(
			'conflict',
			'ERASE_SOLE_OWNER',
			`This account is the only owner of ${sole.join(', ')}. Make another member an owner first (or ask Circle to close the organisation), then erase the account.`,
		)
	}
}

/** Every address the person is known by, lower-cased: sign-in, personal, and at identity providers. */
async function personEmails(tx: Tx, user: { id: string; email: string; personalEmail: string | null }) {
	const [identities, links, memberships] = await Promise.all([
		tx.userIdentity.findMany({ where: { userId: user.id }, select: { email: true } }),
		tx.pendingIdentityLink.findMany({ where: { userId: user.id }, select: { email: true } }),
		tx.membership.findMany({ where: { userId: user.id, scimUserName: { not: null } }, select: { scimUserName: true } }),
	])
	const all = [
		user.email,
		user.personalEmail,
		...identities.map((i) => i.email),
		...links.map((l) => l.email),
		...memberships.map((m) => m.scimUserName).filter((n) => n?.includes('@')),
	]
	return [...new Set(all.filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))]
}

/** The name as text may hold it: as typed, and as HTML escapes it. Too short a name is not searched for. */
function nameTerms(name: string) {
	const trimmed = name.trim()
	if (trimmed.length < 4) return []
	const html = trimmed
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#x27;')
	return [...new Set([trimmed, html])]
}

async function deletePersonalRows(tx: Tx, userId: string, emails: string[], now: Date) {
	const byUser = { where: { userId } }
	const mailTo = { OR: emails.map((email) => ({ to: { equals: email, mode: 'insensitive' as const } })) }
	const enquiryFrom = { OR: emails.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } })) }
	const counts: Record<string, number> = {}
	counts.sessions = await invalidateUserSessions({ userId, tx })
	counts.signInChallenges = (await tx.signInChallenge.deleteMany(byUser)).count
	counts.totp = (await tx.totpCredential.deleteMany(byUser)).count
	counts.recoveryCodes = (await tx.recoveryCode.deleteMany(byUser)).count
	counts.passkeys = (await tx.passkey.deleteMany(byUser)).count
	counts.webAuthnChallenges = (await tx.webAuthnChallenge.deleteMany(byUser)).count
	counts.knownDevices = (await tx.knownDevice.deleteMany(byUser)).count
	counts.tokens = (await tx.userToken.deleteMany(byUser)).count
	counts.ssoIdentities = (await tx.userIdentity.deleteMany(byUser)).count
	counts.pendingIdentityLinks = (await tx.pendingIdentityLink.deleteMany(byUser)).count
	counts.reminderPreferences = (await tx.reminderPreference.deleteMany(byUser)).count
	counts.reminderEvents = (await tx.reminderEvent.deleteMany(byUser)).count
	counts.reflections = (await tx.reflection.deleteMany(byUser)).count
	counts.cpdEntries = (await tx.cpdEntry.deleteMany(byUser)).count
	counts.reflectiveRecords = (await tx.reflectiveRecord.deleteMany(byUser)).count
	// xAPI statements name the person (ADR 0040); any not yet sent are not sent now.
	counts.xapiStatements = (await tx.xapiStatement.deleteMany(byUser)).count
	// Their "Download your data" files: the links stop working now, and the next retention run deletes
	// the files from storage (a file cannot be deleted inside this transaction).
	counts.dataExports = (
		await tx.dataExport.updateMany({ where: { ...byUser.where, storageKey: { not: null } }, data: { expiresAt: now } })
	).count
	counts.emails = emails.length ? (await tx.emailMessage.deleteMany({ where: mailTo })).count : 0
	counts.enquiries = emails.length ? (await tx.enquiry.deleteMany({ where: enquiryFrom })).count : 0
	// Their newsletter subscription, with its consent records and deliveries (ADR 0042): an erased
	// person is not mailed again, and no row keeps their address.
	counts.newsletterSubscriptions = (
		await tx.newsletterSubscriber.deleteMany({
			where: {
				OR: [
					{ userId },
					...emails.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } })),
				],
			},
		})
	).count
	// Pending invitations to them can never be accepted by an erased person: revoke them as well.
	counts.invitationsRevoked = emails.length
		? (
				await tx.invitation.updateMany({
					where: {
						acceptedAt: null,
						revokedAt: null,
						OR: emails.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } })),
					},
					data: { revokedAt: now },
				})
			).count
		: 0
	return counts
}

/** Their words in rows that stay because something is counted from them (attempts, follow-ups, memberships, seats). */
async function blankPersonalText(tx: Tx, userId: string, emails: string[], pseudonym: string) {
	await tx.answer.updateMany({ where: { attempt: { userId }, text: { not: null } }, data: { text: null } })
	await tx.followUpResponse.updateMany({
		where: { userId },
		data: {
			actionPlan: null,
			reflection: null,
			sentActionPlan: null,
			sentReflection: null,
			managerComment: null,
		},
	})
	await tx.membership.updateMany({
		where: { userId },
		data: { externalId: null, scimUserName: null, themesOptInAt: null },
	})
	const theirAddress = emails.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } }))
	await tx.seatAssignment.updateMany({ where: { OR: [{ userId }, ...theirAddress] }, data: { email: pseudonym } })
	if (theirAddress.length) await tx.invitation.updateMany({ where: { OR: theirAddress }, data: { email: pseudonym } })
}

/**
 * Takes the name off the person's course and programme certificates, except course certificates
 * earned on a seat of an organisation whose retention policy keeps names (ADR 0038). The code,
 * course, dates and standing are untouched, so each still verifies as issued and valid.
 */
async function anonymiseCertificates(tx: Tx, userId: string) {
	const certificates = await tx.certificate.findMany({
		where: { userId },
		select: {
			id: true,
			enrolment: {
				select: {
					seatAssignment: {
						select: { pool: { select: { organisation: { select: { erasureKeepsCertificateNames: true } } } } },
					},
				},
			},
		},
	})
	const keep = certificates.filter((c) => c.enrolment.seatAssignment?.pool.organisation.erasureKeepsCertificateNames)
	const keepIds = keep.map((c) => c.id)
	const { count } = await tx.certificate.updateMany({
		where: { userId, id: { notIn: keepIds } },
		data: { learnerName: ERASED_CERTIFICATE_NAME },
	})
	const programmes = await tx.programmeCertificate.updateMany({
		where: { userId },
		data: { learnerName: ERASED_CERTIFICATE_NAME },
	})
	return { withoutName: count + programmes.count, keepingName: keep.length }
}

/**
 * Rewrites every mention of the person in free text that is not theirs (TEXT_MENTIONS): addresses
 * become their pseudonymous address, the name becomes ERASED_MENTION. Returns the rows rewritten.
 */
async function rewriteMentions(tx: Tx, replacements: Array<{ term: string; replacement: string }>) {
	const terms = replacements.map((r) => r.term)
	let rewritten = 0
	for (const target of TEXT_MENTIONS) {
		for (const row of await selectMentions(tx, target, terms)) {
			const values: Record<string, unknown> = {}
			for (const column of target.columns) {
				const value = row[column]
				values[column] = target.json ? scrubJson(value, replacements) : scrubAll(value as string | null, replacements)
			}
			await updateMention(tx, target, row.id, values)
			rewritten++
		}
	}
	return rewritten
}

function escapeRegExp(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** `text` with every case-insensitive occurrence of each term replaced. */
export function scrub(text: string, terms: string[], replacement: string) {
	return scrubAll(
		text,
		terms.map((term) => ({ term, replacement })),
	)!
}

function scrubAll(text: string | null, replacements: Array<{ term: string; replacement: string }>) {
	if (text === null) return null
	let out = text
	for (const { term, replacement } of replacements) {
		out = out.replace(new RegExp(escapeRegExp(term), 'gi'), replacement)
	}
	return out
}

function scrubJson(value: unknown, replacements: Array<{ term: string; replacement: string }>): unknown {
	if (typeof value === 'string') return scrubAll(value, replacements)
	if (Array.isArray(value)) return value.map((v) => scrubJson(v, replacements))
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [scrubAll(k, replacements)!, scrubJson(v, replacements)]),
		)
	}
	return value
}
