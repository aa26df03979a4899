import type { ReflectiveRecordKind } from '#modules/db/client.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { dateColumn, isoDay } from '#modules/portfolio/cpd-dates.ts'
import { invitePartnerIn } from './confirmations.ts'
import { ReflectiveRecordsError } from './errors.ts'
import {
	type Attestation,
	partnerNameOf,
	RECORD_KIND_INFO,
	RECORD_SCHEMAS,
	type RecordFields,
	type RecordInput,
} from './schemas.ts'

/** Where a record stands with its partner: none asked for, invited (waiting) or confirmed. */
export type PartnerStatus = 'none' | 'invited' | 'confirmed'

const recordSelect = {
	id: true,
	kind: true,
	title: true,
	date: true,
	fields: true,
	sourceReflectionId: true,
	createdAt: true,
	updatedAt: true,
	confirmations: {
		where: { replacedAt: null },
		orderBy: { createdAt: 'desc' },
		take: 1,
		select: { email: true, confirmedAt: true, attestation: true, expiresAt: true, createdAt: true },
	},
} as const

type RecordRow = {
	id: string
	kind: ReflectiveRecordKind
	title: string
	date: Date
	fields: unknown
	sourceReflectionId: string | null
	createdAt: Date
	updatedAt: Date
	confirmations: Array<{
		email: string
		confirmedAt: Date | null
		attestation: unknown
		expiresAt: Date
		createdAt: Date
	}>
}

/** A record as every reader sees it: its form's answers, and its partner's confirmation if any. */
export type ReflectiveRecordView = ReturnType<typeof toView>

function toView(row: RecordRow) {
	const confirmation = row.confirmations[0] ?? null
	const partnerStatus: PartnerStatus = !confirmation ? 'none' : confirmation.confirmedAt ? 'confirmed' : 'invited'
	return {
		id: row.id,
		kind: row.kind,
		title: row.title,
		date: isoDay(row.date),
		fields: row.fields as RecordFields,
		sourceReflectionId: row.sourceReflectionId,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		partnerStatus,
		partner: confirmation
			? {
					invitedEmail: confirmation.email,
					invitedAt: confirmation.createdAt,
					confirmedAt: confirmation.confirmedAt,
					attestation: (confirmation.attestation as Attestation | null) ?? null,
				}
			: null,
	}
}

/** The field holding the email of the person who confirms a form, for the forms that have one. */
const PARTNER_EMAIL_FIELD: Partial<Record<ReflectiveRecordKind, string>> = {
	NMC_DISCUSSION: 'partnerEmail',
	SWE_CPD: 'peerEmail',
	TEACHER_SIGN_OFF: 'signerEmail',
}

/** The partner's email a form carries (the discussion partner, the SWE peer, the teacher's mentor), if any. */
function partnerEmailOf(kind: ReflectiveRecordKind, fields: RecordFields) {
	const key = PARTNER_EMAIL_FIELD[kind]
	const value = key ? fields[key] : undefined
	return typeof value === 'string' && value ? value : null
}

function partnerField(kind: ReflectiveRecordKind) {
	return PARTNER_EMAIL_FIELD[kind] ?? 'partnerEmail'
}

/** Parses a form's input with its kind's schema; the first problem throws INVALID_RECORD naming its field. */
function parseRecord(kind: ReflectiveRecordKind, input: RecordInput) {
	const parsed = RECORD_SCHEMAS[kind].safeParse(input)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]
		throw new ReflectiveRecordsError('invalid', 'INVALID_RECORD', issue?.message ?? 'The record is not valid', {
			field: issue?.path.join('.'),
		})
	}
	const { title, date, sourceReflectionId, ...fields } = parsed.data as Record<string, unknown> & {
		title: string
		date: string
		sourceReflectionId?: string
	}
	return { title, date, sourceReflectionId: sourceReflectionId || null, fields: fields as RecordFields }
}

async function checkReflectionIsOwn(tx: Tx, { userId, reflectionId }: { userId: string; reflectionId: string | null }) {
	if (!reflectionId) return
	const own = await tx.reflection.findFirst({ where: { id: reflectionId, userId }, select: { id: true } })
	if (!own)
		throw new ReflectiveRecordsError('not_found', 'REFLECTION_NOT_FOUND', 'That lesson reflection was not found')
}

async function learnerOf(tx: Tx, userId: string) {
	return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } })
}

/**
 * Saves a new record on the form `kind` for the learner. Input is checked against the kind's schema
 * (INVALID_RECORD names the field). On a form with a partner (the NMC discussion; a Social Work
 * England record with a peer's email) the partner is emailed a single-use link to confirm it, in the
 * same transaction; a partner email equal to the learner's own is refused (PARTNER_IS_YOU).
 */
export async function createRecord({
	userId,
	kind,
	input,
	now = new Date(),
}: {
	userId: string
	kind: ReflectiveRecordKind
	input: RecordInput
	now?: Date
}) {
	const record = parseRecord(kind, input)
	return prisma.$transaction(async (tx) => {
		const learner = await learnerOf(tx, userId)
		const partnerEmail = partnerEmailOf(kind, record.fields)
		if (partnerEmail && partnerEmail === learner.email.toLowerCase()) {
			throw new ReflectiveRecordsError(
				'invalid',
				'PARTNER_IS_YOU',
				'Enter someone else’s email address, not your own',
				{
					field: partnerField(kind),
				},
			)
		}
		await checkReflectionIsOwn(tx, { userId, reflectionId: record.sourceReflectionId })
		const created = await tx.reflectiveRecord.create({
			data: {
				userId,
				kind,
				title: record.title,
				date: dateColumn(record.date),
				fields: record.fields,
				sourceReflectionId: record.sourceReflectionId,
			},
			select: { id: true },
		})
		if (partnerEmail) {
			await invitePartnerIn(tx, {
				recordId: created.id,
				kind,
				title: record.title,
				learner,
				email: partnerEmail,
				partnerName: partnerNameOf(record.fields),
				now,
			})
		}
		return created
	})
}

/**
 * Changes a record's answers. A confirmed record keeps its confirmation only if the partner's email is
 * unchanged; a new partner email replaces the invitation (the old link stops working) and sends a new one.
 * Another learner's record is RECORD_NOT_FOUND.
 */
export async function updateRecord({
	userId,
	recordId,
	input,
	now = new Date(),
}: {
	userId: string
	recordId: string
	input: RecordInput
	now?: Date
}) {
	return prisma.$transaction(async (tx) => {
		const existing = await tx.reflectiveRecord.findFirst({
			where: { id: recordId, userId },
			select: { kind: true, confirmations: { where: { replacedAt: null }, select: { email: true } } },
		})
		if (!existing) throw notFound()
		const record = parseRecord(existing.kind, input)
		const learner = await learnerOf(tx, userId)
		const partnerEmail = partnerEmailOf(existing.kind, record.fields)
		if (partnerEmail && partnerEmail === learner.email.toLowerCase()) {
			throw new ReflectiveRecordsError(
				'invalid',
				'PARTNER_IS_YOU',
				'Enter someone else’s email address, not your own',
				{
					field: partnerField(existing.kind),
				},
			)
		}
		await checkReflectionIsOwn(tx, { userId, reflectionId: record.sourceReflectionId })
		await tx.reflectiveRecord.update({
			where: { id: recordId },
			data: {
				title: record.title,
				date: dateColumn(record.date),
				fields: record.fields,
				sourceReflectionId: record.sourceReflectionId,
			},
		})
		const current = existing.confirmations[0]?.email ?? null
		if (partnerEmail !== current) {
			await tx.confirmation.updateMany({ where: { recordId, replacedAt: null }, data: { replacedAt: now } })
			if (partnerEmail) {
				await invitePartnerIn(tx, {
					recordId,
					kind: existing.kind,
					title: record.title,
					learner,
					email: partnerEmail,
					partnerName: partnerNameOf(record.fields),
					now,
				})
			}
		}
		return { id: recordId }
	})
}

/** Deletes one of the learner's records (and its confirmations). Another learner's record is RECORD_NOT_FOUND. */
export async function deleteRecord({ userId, recordId }: { userId: string; recordId: string }) {
	const { count } = await prisma.reflectiveRecord.deleteMany({ where: { id: recordId, userId } })
	if (count === 0) throw notFound()
}

/** One of the learner's records; another learner's (or no such) record is RECORD_NOT_FOUND. */
export async function getRecord({ userId, recordId }: { userId: string; recordId: string }) {
	const row = await prisma.reflectiveRecord.findFirst({ where: { id: recordId, userId }, select: recordSelect })
	if (!row) throw notFound()
	return toView(row)
}

/** The learner's records, newest first, optionally of some kinds and between two ISO dates (inclusive). */
export async function listRecords({
	userId,
	kinds,
	from,
	to,
}: {
	userId: string
	kinds?: ReflectiveRecordKind[]
	from?: string
	to?: string
}) {
	const rows = await prisma.reflectiveRecord.findMany({
		where: {
			userId,
			...(kinds ? { kind: { in: kinds } } : {}),
			...(from || to
				? { date: { ...(from ? { gte: dateColumn(from) } : {}), ...(to ? { lte: dateColumn(to) } : {}) } }
				: {}),
		},
		select: recordSelect,
		orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
	})
	return rows.map(toView)
}

/** Whether a record of this kind can have a partner confirm it. */
export function hasPartner(kind: ReflectiveRecordKind) {
	return RECORD_KIND_INFO[kind].partner !== null
}

function notFound() {
	return new ReflectiveRecordsError('not_found', 'RECORD_NOT_FOUND', 'That record was not found')
}
