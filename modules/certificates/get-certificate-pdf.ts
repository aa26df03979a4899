import { prisma, type Role } from '#modules/db/client.ts'
import { CertificatesError } from '#modules/certificates/errors.ts'
import { normaliseCertificateCode } from './code.ts'
import { CERTIFICATE_PDF_FIELDS, certificateFilename } from './queries.ts'
import { renderCertificatePdf } from './render-certificate-pdf.ts'

/**
 * A certificate's PDF for download, rendered afresh from its row (so it always reflects a
 * revocation, a reinstatement or a corrected name). Only the learner it belongs to and platform
 * admins may download it: anyone else gets `forbidden`; a code that matches no certificate (or is
 * not a code at all) gets `not_found`.
 */
export async function getCertificatePdf({
	code: input,
	viewer,
}: {
	code: string
	viewer: { id: string; role: Role }
}): Promise<{ filename: string; content: Buffer }> {
	const code = normaliseCertificateCode(input)
	const row = code
		? await prisma.certificate.findUnique({ where: { code }, select: { ...CERTIFICATE_PDF_FIELDS, userId: true } })
		: null
	if (!row)
		throw new CertificatesError('not_found', 'CERTIFICATE_NOT_FOUND', 'There is no certificate with that number.')
	if (row.userId !== viewer.id && viewer.role !== 'ADMIN') {
		throw new CertificatesError(
			'forbidden',
			'NOT_YOUR_CERTIFICATE',
			'Only the learner it was issued to can download this certificate.',
		)
	}
	const { userId: _owner, ...certificate } = row
	return { filename: certificateFilename(row.code), content: await renderCertificatePdf({ certificate }) }
}
