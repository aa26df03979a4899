import { prisma } from '#modules/db/client.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { cpdHours, londonIsoDate } from './certificate-text.ts'
import { normaliseCertificateCode } from './code.ts'
import { CERTIFICATE_PDF_FIELDS } from './queries.ts'
import { certificateStanding, isoDay } from './validity.ts'

/**
 * What anyone may learn about a certificate from its number: exactly what the certificate itself
 * says, and whether it still stands. Never the learner's email address or any internal id.
 */
export type CertificateVerification = {
	/** The canonical code, or what was asked for when it is not a Circle code at all. */
	code: string
	/** Revoked beats expired; `expired` from the UK calendar day after `validUntil`. */
	status: 'valid' | 'expired' | 'revoked' | 'not_found'
	learnerName: string | null
	courseTitle: string | null
	versionNumber: number | null
	cpdHours: number | null
	/** The UK calendar date of completion, e.g. "2026-11-21". */
	completedOn: string | null
	/** ISO 8601 instant. */
	issuedAt: string | null
	/** The UK calendar date of issue, e.g. "2026-11-21". */
	issuedOn: string | null
	/** The last UK calendar day the certificate is valid, e.g. "2027-11-20"; null when it does not expire. */
	validUntil: string | null
	revokedAt: string | null
	/** The UK calendar date of revocation. */
	revokedOn: string | null
	revokedReason: string | null
	outcomes: string[]
}

/**
 * Checks a certificate number for the public verification page and its JSON twin. Every call counts
 * against the caller's IP address (the `verifyPerIp` throttle: a `throttled` DomainError past the
 * limit), so codes cannot be tried in bulk. A well-formed code always costs the same single query,
 * found or not, and both answers have the same shape, so timing and shape do not tell an unknown
 * code from a known one. Text that cannot be a Circle code is answered as not found without a query
 * (no real certificate could match it). The result is read fresh each time: a revocation shows at once.
 */
export async function verifyCertificate({
	code: input,
	ipAddress,
	now,
}: {
	code: string
	ipAddress: string
	/** The instant to judge expiry at (the request's time; tests pass their own). */
	now: Date
}): Promise<CertificateVerification> {
	await consumeThrottle(
		'verifyPerIp',
		ipAddress,
		'You have checked a lot of certificates in a short time. Please wait a minute and try again.',
	)
	const code = normaliseCertificateCode(input)
	const row = code ? await prisma.certificate.findUnique({ where: { code }, select: CERTIFICATE_PDF_FIELDS }) : null
	if (!row) return notFound(code ?? input.trim().slice(0, 64))
	return {
		code: row.code,
		status: certificateStanding(row, now),
		learnerName: row.learnerName,
		courseTitle: row.courseTitle,
		versionNumber: row.versionNumber,
		cpdHours: cpdHours(row.cpdMinutes),
		completedOn: londonIsoDate(row.completedAt),
		issuedAt: row.issuedAt.toISOString(),
		issuedOn: londonIsoDate(row.issuedAt),
		validUntil: row.validUntil ? isoDay(row.validUntil) : null,
		revokedAt: row.revokedAt?.toISOString() ?? null,
		revokedOn: row.revokedAt ? londonIsoDate(row.revokedAt) : null,
		revokedReason: row.revokedAt ? row.revokedReason : null,
		outcomes: row.outcomes,
	}
}

function notFound(code: string): CertificateVerification {
	return {
		code,
		status: 'not_found',
		learnerName: null,
		courseTitle: null,
		versionNumber: null,
		cpdHours: null,
		completedOn: null,
		issuedAt: null,
		issuedOn: null,
		validUntil: null,
		revokedAt: null,
		revokedOn: null,
		revokedReason: null,
		outcomes: [],
	}
}
