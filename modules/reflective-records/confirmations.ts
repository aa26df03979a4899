import type { ReflectiveRecordKind } from '#modules/db/client.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { generateEmailToken, hashToken } from '#modules/auth/tokens.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { isoDay } from '#modules/portfolio/cpd-dates.ts'
import { ReflectiveRecordsError } from './errors.ts'
import { recordSections } from './sections.ts'
import {
	type Attestation,
	confirmationSchema,
	type ConfirmationInput,
	isSignOff,
	partnerNameOf,
	RECORD_KIND_INFO,
} from './schemas.ts'

/** How long a partner's link works. */
export const CONFIRMATION_DAYS = 30

// generateEmailToken: 32 bytes as lower-case base32 without padding.
const TOKEN_PATTERN = /^[a-z2-7]{52}$/

/** How the email to the partner names them, for each kind of partner. */
const PARTNER_ROLE = {
	peer: 'the peer you reflected with',
	'discussion partner': 'their reflective discussion partner',
	'mentor or line manager': 'their mentor or line manager',
} as const

/**
 * Inside the caller's transaction: stores a new confirmation for a record (only the token's hash) and
 * emails the partner its single-use link. Any earlier invitation of the record is replaced first, so
 * only the newest link ever works.
 */
export async function invitePartnerIn(
	tx: Tx,
	{
		recordId,
		kind,
		title,
		learner,
		email,
		partnerName,
		now,
	}: {
		recordId: string
		kind: ReflectiveRecordKind
		title: string
		learner: { name: string }
		email: string
		partnerName?: string | null
		now: Date
	},
) {
	const info = RECORD_KIND_INFO[kind]
	if (!info.partner) {
		throw new ReflectiveRecordsError('invalid', 'NO_PARTNER_ON_THIS_FORM', 'This form has no partner to confirm it')
	}
	await tx.confirmation.updateMany({ where: { recordId, replacedAt: null }, data: { replacedAt: now } })
	const token = generateEmailToken()
	const expiresAt = new Date(now.getTime() + CONFIRMATION_DAYS * 24 * 60 * 60 * 1000)
	await tx.confirmation.create({
		data: { recordId, email, tokenHash: hashToken(token), expiresAt, createdAt: now },
		select: { id: true },
	})
	await sendEmail(
		{
			to: email,
			template: 'confirmation-request',
			props: {
				partnerName: partnerName ?? null,
				learnerName: learner.name,
				formLabel: info.label,
				recordTitle: title,
				partnerRole: PARTNER_ROLE[info.partner],
				confirmUrl: `${appUrl()}/confirm/${token}`,
				expiresAt,
				signOff: isSignOff(kind),
			},
		},
		tx,
	)
}

/**
 * Sends the partner a fresh link for one of the learner's records (the old link stops working),
 * for when the first email went astray or expired. A confirmed record is CONFIRMATION_USED.
 */
export async function resendInvitation({
	userId,
	recordId,
	now = new Date(),
}: {
	userId: string
	recordId: string
	now?: Date
}) {
	return prisma.$transaction(async (tx) => {
		const record = await tx.reflectiveRecord.findFirst({
			where: { id: recordId, userId },
			select: {
				kind: true,
				title: true,
				fields: true,
				user: { select: { name: true } },
				confirmations: { where: { replacedAt: null }, select: { email: true, confirmedAt: true } },
			},
		})
		if (!record) throw new ReflectiveRecordsError('not_found', 'RECORD_NOT_FOUND', 'That record was not found')
		const current = record.confirmations[0]
		if (!current) {
			throw new ReflectiveRecordsError('invalid', 'NO_PARTNER_ON_THIS_FORM', 'Add your partner’s email address first')
		}
		if (current.confirmedAt) {
			throw new ReflectiveRecordsError(
				'conflict',
				'CONFIRMATION_USED',
				'Your partner has already confirmed this record',
			)
		}
		const partnerName = partnerNameOf(record.fields as Record<string, unknown>)
		await invitePartnerIn(tx, {
			recordId,
			kind: record.kind,
			title: record.title,
			learner: record.user,
			email: current.email,
			partnerName,
			now,
		})
	})
}

/** Why a link cannot be used, or 'open' when it can. */
export type ConfirmationState = 'open' | 'confirmed' | 'expired' | 'replaced'

/**
 * What the partner's page shows for a link: whose record, which form, its title and date, and whether
 * the link can still be used. A mentor signing off a teacher's development record also sees its answers
 * (the learner sent it to them to read); a discussion partner or peer sees no more than the title. A
 * token that was never issued is CONFIRMATION_NOT_FOUND.
 */
export async function getConfirmation({ token, now = new Date() }: { token: string; now?: Date }) {
	if (!TOKEN_PATTERN.test(token)) throw unknownLink()
	const confirmation = await prisma.confirmation.findUnique({
		where: { tokenHash: hashToken(token) },
		select: {
			email: true,
			expiresAt: true,
			replacedAt: true,
			confirmedAt: true,
			record: {
				select: { id: true, kind: true, title: true, date: true, fields: true, user: { select: { name: true } } },
			},
		},
	})
	if (!confirmation) throw unknownLink()
	const state: ConfirmationState = confirmation.confirmedAt
		? 'confirmed'
		: confirmation.replacedAt
			? 'replaced'
			: confirmation.expiresAt <= now
				? 'expired'
				: 'open'
	return {
		state,
		recordId: confirmation.record.id,
		kind: confirmation.record.kind,
		title: confirmation.record.title,
		date: isoDay(confirmation.record.date),
		learnerName: confirmation.record.user.name,
		invitedEmail: confirmation.email,
		asksForPin: confirmation.record.kind === 'NMC_DISCUSSION',
		signOff: isSignOff(confirmation.record.kind),
		// Only for a sign-off, and only while the link can be used.
		sections:
			isSignOff(confirmation.record.kind) && state === 'open'
				? recordSections({
						kind: confirmation.record.kind,
						fields: confirmation.record.fields as Record<string, string | string[] | undefined>,
					}).filter((section) => !SIGNER_FIELDS.has(section.key))
				: [],
	}
}

const SIGNER_FIELDS = new Set(['signerName', 'signerRole', 'signerEmail'])

/**
 * The partner confirms a record from their link: their name, email, the date and (on an NMC discussion)
 * their NMC PIN. The link works once, only for the record it was made for (`recordId`, which the page
 * sends back), and only until it expires or is replaced: one conditional UPDATE is the whole guard, so
 * two submissions at once cannot both confirm. Bad input is INVALID_RECORD naming its field; the
 * learner's own address is PARTNER_IS_YOU; a used, expired or replaced link is CONFIRMATION_USED.
 */
export async function confirmRecord({
	token,
	recordId,
	input,
	now = new Date(),
}: {
	token: string
	recordId: string
	input: ConfirmationInput
	now?: Date
}) {
	if (!TOKEN_PATTERN.test(token)) throw unknownLink()
	return prisma.$transaction(async (tx) => {
		const tokenHash = hashToken(token)
		const confirmation = await tx.confirmation.findUnique({
			where: { tokenHash },
			select: { id: true, recordId: true, record: { select: { kind: true, user: { select: { email: true } } } } },
		})
		if (!confirmation || confirmation.recordId !== recordId) throw unknownLink()
		const parsed = confirmationSchema({
			pin: confirmation.record.kind === 'NMC_DISCUSSION',
			signOff: isSignOff(confirmation.record.kind),
		}).safeParse(input)
		if (!parsed.success) {
			const issue = parsed.error.issues[0]
			throw new ReflectiveRecordsError('invalid', 'INVALID_RECORD', issue?.message ?? 'Check your details', {
				field: issue?.path.join('.'),
			})
		}
		const { agree: _agree, ...given } = parsed.data
		if (given.email === confirmation.record.user.email.toLowerCase()) {
			throw new ReflectiveRecordsError(
				'invalid',
				'PARTNER_IS_YOU',
				'This is the address of the person who wrote the record: a partner confirms with their own',
				{ field: 'email' },
			)
		}
		const attestation: Attestation = Object.fromEntries(
			Object.entries(given).filter(([, value]) => value !== undefined),
		) as Attestation
		// The whole single-use guard: only an unused, current, unexpired link for this record matches.
		const { count } = await tx.confirmation.updateMany({
			where: { tokenHash, recordId, confirmedAt: null, replacedAt: null, expiresAt: { gt: now } },
			data: { confirmedAt: now, attestation },
		})
		if (count === 0) {
			throw new ReflectiveRecordsError('gone', 'CONFIRMATION_USED', 'This link has already been used or has expired')
		}
		return { recordId }
	})
}

function unknownLink() {
	return new ReflectiveRecordsError('not_found', 'CONFIRMATION_NOT_FOUND', 'This confirmation link is not valid')
}
