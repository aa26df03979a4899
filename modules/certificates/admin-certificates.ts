import { prisma } from '#modules/db/client.ts'
import { CertificatesError } from '#modules/certificates/errors.ts'
import { normaliseCertificateCode } from './code.ts'
import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { searchTerm } from '#modules/validation/text.ts'
import { CERTIFICATE_PDF_FIELDS } from './queries.ts'

/**
 * Certificates for the admin list (a platform admin only), newest first: all of them, or those
 * whose code, learner's name or learner's email address contains `query` (any letter case; a code
 * typed without dashes or in lower case is recognised too). At most `limit` rows.
 */
export async function searchCertificates({
	actorId,
	query = '',
	limit = 50,
}: {
	actorId: string
	query?: string
	limit?: number
}) {
	await assertPlatformAdmin({ actorId })
	const q = searchTerm(query)
	const exactCode = q ? normaliseCertificateCode(q) : null
	return prisma.certificate.findMany({
		where: q
			? {
					OR: [
						...(exactCode ? [{ code: exactCode }] : []),
						{ code: { contains: q.toUpperCase() } },
						{ learnerName: { contains: q, mode: 'insensitive' as const } },
						{ user: { email: { contains: q, mode: 'insensitive' as const } } },
					],
				}
			: {},
		orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
		take: limit,
		select: {
			id: true,
			code: true,
			learnerName: true,
			courseTitle: true,
			versionNumber: true,
			cpdMinutes: true,
			issuedAt: true,
			revokedAt: true,
			user: { select: { email: true } },
		},
	})
}

/**
 * One certificate with everything an admin needs to decide on it (a platform admin only): what it
 * says, the learner's current name and email, its revocation, and its audit history with who did
 * what. `not_found` for an unknown code.
 */
export async function getCertificateForAdmin({ actorId, code: input }: { actorId: string; code: string }) {
	await assertPlatformAdmin({ actorId })
	const code = normaliseCertificateCode(input)
	const certificate = code
		? await prisma.certificate.findUnique({
				where: { code },
				select: {
					id: true,
					...CERTIFICATE_PDF_FIELDS,
					revokedBy: { select: { name: true } },
					user: { select: { name: true, email: true } },
				},
			})
		: null
	if (!certificate)
		throw new CertificatesError('not_found', 'CERTIFICATE_NOT_FOUND', 'There is no certificate with that number.')
	const history = await prisma.auditLog.findMany({
		where: { targetType: 'Certificate', targetId: certificate.id },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: 50,
		select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true } } },
	})
	return { certificate, history }
}
