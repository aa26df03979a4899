import { prisma } from '#modules/db/client.ts'
import { registerAttachmentResolver, type ResolvedAttachment } from '#modules/mail/attachments.ts'
import { CERTIFICATE_PDF_FIELDS, certificateFilename } from './queries.ts'
import { renderCertificatePdf } from './render-certificate-pdf.ts'

/**
 * Builds the PDF attached to a certificate email, from the certificate's row as it is when the email
 * is delivered (so a retry after a revocation or a name correction sends the current certificate).
 * A row that is not there yet belongs to a transaction that has not committed: throwing makes the
 * send-email job retry.
 */
export async function resolveCertificateAttachment({
	certificateId,
}: {
	certificateId: string
}): Promise<ResolvedAttachment> {
	const certificate = await prisma.certificate.findUnique({
		where: { id: certificateId },
		select: CERTIFICATE_PDF_FIELDS,
	})
	if (!certificate) throw new Error(`Certificate ${certificateId} is not in the database (yet)`)
	return {
		filename: certificateFilename(certificate.code),
		content: await renderCertificatePdf({ certificate }),
		contentType: 'application/pdf',
	}
}

/**
 * Teaches mail delivery to attach certificates. Called when this module loads (any process that can
 * issue a certificate can also deliver its email); a separate worker process should call it where
 * it registers its job handlers (modules/jobs/handlers.ts). Calling it again is harmless.
 */
export function registerCertificateAttachmentResolver() {
	registerAttachmentResolver('certificate', resolveCertificateAttachment)
}

registerCertificateAttachmentResolver()
