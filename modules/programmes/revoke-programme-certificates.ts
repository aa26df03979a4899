// When a programme certificate stops standing: a course certificate it lists is revoked, or the
// purchase that gave the learner the programme (or one of its courses) is refunded or disputed.
// Runs inside the caller's transaction, so the programme certificate falls with its cause.
import { type Tx } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { revokeProgrammeCertificatesListing } from './sql.ts'

/** The reason a programme certificate carries while a course certificate it lists stays revoked. */
function becauseOfCertificate(certificateCode: string) {
	return `The course certificate ${certificateCode} it lists was revoked.`
}

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
		reason: becauseOfCertificate(certificateCode),
		now,
	})
	await auditEach(tx, revoked, 'programme_certificate.revoked', { actorId, cause: { certificateCode } })
	return revoked.map((row) => row.code)
}

/**
 * A revoked course certificate was reinstated (by an admin): each programme certificate revoked
 * because of it stands again, audited, when every course certificate it lists stands; while another
 * of them is still revoked it stays revoked, now naming that one (so that reinstating it in turn
 * reinstates the programme certificate). Programme certificates revoked for another cause (a refund)
 * are not touched. Returns the codes reinstated.
 */
export async function reinstateProgrammeCertificatesForCertificate(
	tx: Tx,
	{ certificateCode, actorId }: { certificateCode: string; actorId: string | null },
) {
	const fallen = await tx.programmeCertificate.findMany({
		where: {
			revokedAt: { not: null },
			revokedReason: becauseOfCertificate(certificateCode),
			courses: { array_contains: [{ code: certificateCode }] },
		},
		select: { id: true, code: true, programmeId: true, courses: true },
	})
	const reinstated: typeof fallen = []
	for (const row of fallen) {
		const listed = (row.courses as Array<{ code: string }>).map((c) => c.code)
		const stillRevoked = await tx.certificate.findFirst({
			where: { code: { in: listed }, revokedAt: { not: null } },
			orderBy: { code: 'asc' },
			select: { code: true },
		})
		if (stillRevoked) {
			await tx.programmeCertificate.update({
				where: { id: row.id },
				data: { revokedReason: becauseOfCertificate(stillRevoked.code) },
				select: { id: true },
			})
			continue
		}
		await tx.programmeCertificate.update({
			where: { id: row.id },
			data: { revokedAt: null, revokedReason: null },
			select: { id: true },
		})
		reinstated.push(row)
	}
	await auditEach(tx, reinstated, 'programme_certificate.reinstated', { actorId, cause: { certificateCode } })
	return reinstated.map((row) => row.code)
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
	await auditEach(tx, revoked, 'programme_certificate.revoked', { actorId, cause: { orderId } })
	return revoked.map((row) => row.code)
}

async function auditEach(
	tx: Tx,
	rows: Array<{ id: string; code: string; programmeId: string }>,
	action: 'programme_certificate.revoked' | 'programme_certificate.reinstated',
	{ actorId, cause }: { actorId: string | null; cause: Record<string, string> },
) {
	for (const row of rows) {
		await recordAudit(tx, {
			actorId,
			action,
			targetType: 'ProgrammeCertificate',
			targetId: row.id,
			details: { code: row.code, programmeId: row.programmeId, ...cause },
		})
	}
}
