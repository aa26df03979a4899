import { prisma } from '#modules/db/client.ts'
import { registerAttachmentResolver, type ResolvedAttachment } from '#modules/mail/attachments.ts'
import type { ProgrammeCertificateCourse } from './complete-programmes.ts'
import { renderProgrammeCertificatePdf } from './render-programme-certificate-pdf.ts'

/**
 * Builds the PDF attached to a programme certificate email from the row as it is at delivery. A row
 * not there yet belongs to a transaction that has not committed: throwing makes the job retry.
 */
export async function resolveProgrammeCertificateAttachment({
	programmeCertificateId,
}: {
	programmeCertificateId: string
}): Promise<ResolvedAttachment> {
	const row = await prisma.programmeCertificate.findUnique({
		where: { id: programmeCertificateId },
		select: {
			code: true,
			learnerName: true,
			programmeTitle: true,
			courses: true,
			cpdMinutes: true,
			completedAt: true,
			issuedAt: true,
			revokedAt: true,
		},
	})
	if (!row) throw new Error(`Programme certificate ${programmeCertificateId} is not in the database (yet)`)
	return {
		filename: `circle-programme-certificate-${row.code}.pdf`,
		content: await renderProgrammeCertificatePdf({
			certificate: { ...row, courses: row.courses as ProgrammeCertificateCourse[] },
		}),
		contentType: 'application/pdf',
	}
}

/** Teaches mail delivery to attach programme certificates (on load, like the course certificate's). */
export function registerProgrammeCertificateAttachmentResolver() {
	registerAttachmentResolver('programme-certificate', resolveProgrammeCertificateAttachment)
}

registerProgrammeCertificateAttachmentResolver()
