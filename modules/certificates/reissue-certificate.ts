import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { CertificatesError } from '#modules/certificates/errors.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import './certificate-attachment.ts'
import { verificationUrl } from './certificate-text.ts'
import { normaliseCertificateCode } from './code.ts'
import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'

/**
 * Re-issues a certificate (a platform admin only): the name on it is refreshed from the learner's
 * account (for a corrected spelling, or a change of name), and the learner is emailed a freshly
 * rendered PDF. The code stays the same, because an enrolment has exactly one certificate and
 * printed copies must keep verifying; the course, version, hours and dates are history and do not
 * change. A revoked certificate must be reinstated first (`conflict`). Writes a
 * `certificate.reissued` audit entry with the name before and after.
 */
export async function reissueCertificate({ code: input, actorId }: { code: string; actorId: string }) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId, tx })
		const code = normaliseCertificateCode(input)
		const certificate = code
			? await tx.certificate.findUnique({
					where: { code },
					select: {
						id: true,
						code: true,
						learnerName: true,
						courseTitle: true,
						cpdMinutes: true,
						completedAt: true,
						revokedAt: true,
						user: { select: { name: true, email: true } },
					},
				})
			: null
		if (!certificate)
			throw new CertificatesError('not_found', 'CERTIFICATE_NOT_FOUND', 'There is no certificate with that number.')
		if (certificate.revokedAt) {
			throw new CertificatesError('conflict', 'CERTIFICATE_REVOKED', 'Reinstate this certificate before re-issuing it.')
		}
		const learnerName = certificate.user.name
		if (learnerName !== certificate.learnerName) {
			await tx.certificate.update({ where: { id: certificate.id }, data: { learnerName }, select: { id: true } })
		}
		await tx.auditLog.create({
			data: {
				actorId,
				action: 'certificate.reissued',
				targetType: 'Certificate',
				targetId: certificate.id,
				details: { code: certificate.code, previousLearnerName: certificate.learnerName, learnerName },
			},
			select: { id: true },
		})
		const baseUrl = appUrl()
		await sendEmail(
			{
				to: certificate.user.email,
				template: 'certificate-issued',
				props: {
					name: learnerName,
					courseTitle: certificate.courseTitle,
					cpdMinutes: certificate.cpdMinutes,
					completedAt: certificate.completedAt,
					code: certificate.code,
					verifyUrl: verificationUrl({ baseUrl, code: certificate.code }),
					portfolioUrl: `${baseUrl}/cpd`,
				},
				attachments: [{ kind: 'certificate', certificateId: certificate.id }],
			},
			tx,
		)
		return {
			id: certificate.id,
			code: certificate.code,
			learnerName,
			nameChanged: learnerName !== certificate.learnerName,
		}
	})
}
