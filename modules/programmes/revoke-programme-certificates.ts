// When a programme certificate stops standing: a course certificate it lists is revoked, or the
// purchase that gave the learner the programme (or one of its courses) is refunded or disputed.
// Runs inside the caller's transaction, so the programme certificate falls with its cause.
import { type Tx } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { revokeProgrammeCertificatesListing } from './sql.ts'

/**
 * A course certificate was revoked (by an admin): every programme certificate listing it is revoked
 * too, with a reason naming it, and each is audited. Returns the codes revoked.
 */
export async function revokeProgrammeCertificatesForCertificate(
	tx: Tx,
	{ certificateCode, actorId, now }: { certificateCode: string; actorId: string | null; now: Date },
) {
	const revoked = await revokeProgrammeCertificatesListing(tx, {
		certificateCode,
		reason: `The course certificate ${certificateCode} it lists was revoked.`,
		now,
	})
	await auditEach(tx, revoked, { actorId, cause: { certificateCode } })
	return revoked.map((row) => row.code)
}

/**
 * A purchase was refunded or disputed: the buyer's certificate for a bought programme, or (for a
 * bought course) every programme certificate of theirs that lists a certificate of that course, is
 * revoked. Returns the codes revoked.
 */
export async function revokeProgrammeCertificatesForRefund(
	tx: Tx,
	{
		userId,
		programmeId,
		courseId,
		orderId,
		reason,
		actorId,
		now,
	}: {
		userId: string
		programmeId: string | null
		courseId: string | null
		orderId: string
		reason: string
		actorId: string | null
		now: Date
	},
) {
	const because = `${reason}: the purchase it depends on was withdrawn.`
	let revoked: Array<{ id: string; code: string; userId: string; programmeId: string }> = []
	if (programmeId) {
		const rows = await tx.programmeCertificate.findMany({
			where: { userId, programmeId, revokedAt: null },
			select: { id: true, code: true, userId: true, programmeId: true },
		})
		await tx.programmeCertificate.updateMany({
			where: { id: { in: rows.map((row) => row.id) }, revokedAt: null },
			data: { revokedAt: now, revokedReason: because },
		})
		revoked = rows
	} else if (courseId) {
		revoked = await revokeProgrammeCertificatesListing(tx, { userId, courseId, reason: because, now })
	}
	await auditEach(tx, revoked, { actorId, cause: { orderId } })
	return revoked.map((row) => row.code)
}

async function auditEach(
	tx: Tx,
	rows: Array<{ id: string; code: string; programmeId: string }>,
	{ actorId, cause }: { actorId: string | null; cause: Record<string, string> },
) {
	for (const row of rows) {
		await recordAudit(tx, {
			actorId,
			action: 'programme_certificate.revoked',
			targetType: 'ProgrammeCertificate',
			targetId: row.id,
			details: { code: row.code, programmeId: row.programmeId, ...cause },
		})
	}
}
