import { prisma, type Tx } from '#modules/db/client.ts'
import { CertificatesError } from '#modules/certificates/errors.ts'
import { normaliseCertificateCode } from './code.ts'
import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import {
	reinstateProgrammeCertificatesForCertificate,
	revokeProgrammeCertificatesForCertificate,
} from '#modules/programmes/revoke-programme-certificates.ts'
import { ReinstateCertificateSchema, RevokeCertificateSchema } from './schemas.ts'

/**
 * Revokes a certificate (a platform admin only: anyone else gets `forbidden`). The reason (5–500
 * characters, else `invalid` on the field `reason`) is shown on the public verification page from
 * that moment, and the certificate's PDF is drawn as revoked whenever it is next rendered. The CPD
 * entry stays in the learner's portfolio but no longer counts towards their totals. Writes a
 * `certificate.revoked` audit entry naming the admin. Revoking a revoked certificate is a `conflict`.
 */
export async function revokeCertificate({ code, actorId, reason }: { code: string; actorId: string; reason: string }) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		const parsed = RevokeCertificateSchema.safeParse({ reason })
		if (!parsed.success) {
			throw new CertificatesError('invalid', 'INVALID_REASON', parsed.error.issues[0]?.message ?? 'Give a reason', {
				field: 'reason',
			})
		}
		const certificate = await findByCode(tx, code)
		const revokedAt = new Date()
		// Conditional on "not revoked yet": two admins revoking at once cannot both succeed.
		const { count } = await tx.certificate.updateMany({
			where: { id: certificate.id, revokedAt: null },
			data: { revokedAt, revokedReason: parsed.data.reason, revokedById: actorId },
		})
		if (count === 0)
			throw new CertificatesError('conflict', 'ALREADY_REVOKED', 'This certificate has already been revoked.')
		await tx.auditLog.create({
			data: {
				actorId,
				action: 'certificate.revoked',
				targetType: 'Certificate',
				targetId: certificate.id,
				details: { code: certificate.code, reason: parsed.data.reason },
			},
			select: { id: true },
		})
		// A programme certificate that lists this one no longer stands either (ADR 0027, Programmes).
		const programmeCertificates = await revokeProgrammeCertificatesForCertificate(tx, {
			certificateCode: certificate.code,
			actorId,
			now: revokedAt,
		})
		return { id: certificate.id, code: certificate.code, revokedAt, programmeCertificates }
	})
}

/**
 * Reinstates a revoked certificate (a platform admin only), for example one revoked in error. The
 * certificate keeps its code, so every printed copy and QR code is valid again at once, and the
 * PDF is simply rendered again without the revocation. A fresh code is not possible (nor wanted):
 * an enrolment has exactly one certificate. Writes a `certificate.reinstated` audit entry with the
 * revocation it undid, and reinstates the programme certificates its revocation took with it.
 * Reinstating a certificate that is not revoked is a `conflict`.
 */
export async function reinstateCertificate({ code, actorId, note }: { code: string; actorId: string; note?: string }) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		const parsed = ReinstateCertificateSchema.safeParse({ note })
		if (!parsed.success) {
			throw new CertificatesError('invalid', 'INVALID_NOTE', parsed.error.issues[0]?.message ?? 'Check the note', {
				field: 'note',
			})
		}
		const certificate = await findByCode(tx, code)
		const { count } = await tx.certificate.updateMany({
			where: { id: certificate.id, revokedAt: { not: null } },
			data: { revokedAt: null, revokedReason: null, revokedById: null },
		})
		if (count === 0) throw new CertificatesError('conflict', 'NOT_REVOKED', 'This certificate is not revoked.')
		await tx.auditLog.create({
			data: {
				actorId,
				action: 'certificate.reinstated',
				targetType: 'Certificate',
				targetId: certificate.id,
				details: {
					code: certificate.code,
					note: parsed.data.note || null,
					previousRevokedAt: certificate.revokedAt?.toISOString() ?? null,
					previousReason: certificate.revokedReason,
					previousRevokedById: certificate.revokedById,
				},
			},
			select: { id: true },
		})
		// The programme certificates that fell with it stand again (ADR 0027, Programmes).
		const programmeCertificates = await reinstateProgrammeCertificatesForCertificate(tx, {
			certificateCode: certificate.code,
			actorId,
		})
		return { id: certificate.id, code: certificate.code, programmeCertificates }
	})
}

async function findByCode(tx: Tx, input: string) {
	const code = normaliseCertificateCode(input)
	const certificate = code
		? await tx.certificate.findUnique({
				where: { code },
				select: { id: true, code: true, revokedAt: true, revokedReason: true, revokedById: true },
			})
		: null
	if (!certificate)
		throw new CertificatesError('not_found', 'CERTIFICATE_NOT_FOUND', 'There is no certificate with that number.')
	return certificate
}
