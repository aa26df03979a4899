import { prisma } from '#modules/db/client.ts'
import { dateOnly, ukToday } from '#modules/compliance/status.ts'
import { CertificatesError } from '#modules/certificates/errors.ts'
import { restartEnrolment } from '#modules/progress/restart-enrolment.ts'
import { formatUkDay } from './certificate-text.ts'
import { renewRequirement } from './run-renewals.ts'
import { selectRenewalsDue } from './sql.ts'
import { isoDay, renewalOpensOn } from './validity.ts'

/**
 * A learner takes a course again to renew its certificate, from RENEWAL_LEAD_DAYS before it
 * expires (or any time after): their enrolment starts its next cycle (restartEnrolment), and the
 * certificate they earn is the next one; the earlier stays verifiable, as expired once it is. If an
 * organisation required the course and has not re-assigned it yet, it is renewed for them now, so
 * the new certificate meets their requirement. Refused (`conflict`) for a course not yet completed
 * in this cycle, a certificate that never expires or is revoked, or one not yet due for renewal.
 */
export async function retakeCourse({ userId, courseSlug, now }: { userId: string; courseSlug: string; now: Date }) {
	return prisma.$transaction(async (tx) => {
		const enrolment = await tx.enrolment.findFirst({
			where: { userId, status: 'ACTIVE', course: { slug: courseSlug } },
			select: { id: true, cycle: true, completedAt: true },
		})
		if (!enrolment)
			throw new CertificatesError('not_found', 'ENROLMENT_NOT_FOUND', 'You are not enrolled on this course.')
		const certificate = enrolment.completedAt
			? await tx.certificate.findUnique({
					where: { enrolmentId_cycle: { enrolmentId: enrolment.id, cycle: enrolment.cycle } },
					select: { id: true, validUntil: true, revokedAt: true },
				})
			: null
		if (!certificate) {
			throw new CertificatesError(
				'conflict',
				'ENROLMENT_NOT_COMPLETE',
				'You are already taking this course: carry on where you left off.',
			)
		}
		if (certificate.revokedAt) {
			throw new CertificatesError('conflict', 'CERTIFICATE_REVOKED', 'This certificate was revoked: please contact us.')
		}
		if (!certificate.validUntil) {
			throw new CertificatesError('conflict', 'DOES_NOT_EXPIRE', 'Your certificate for this course does not expire.')
		}
		const opens = renewalOpensOn(certificate.validUntil)
		if (dateOnly(ukToday(now)) < dateOnly(opens)) {
			throw new CertificatesError(
				'conflict',
				'NOT_DUE_FOR_RENEWAL',
				`You can retake this course from ${formatUkDay(dateOnly(opens))}, ahead of your certificate expiring on ${formatUkDay(certificate.validUntil)}.`,
			)
		}
		const due = await selectRenewalsDue(tx, {
			lastDay: dateOnly(isoDay(certificate.validUntil)),
			limit: 100,
			certificateId: certificate.id,
		})
		for (const row of due) await renewRequirement(tx, { row, now, actorId: userId })
		return { cycle: await restartEnrolment(tx, { enrolmentId: enrolment.id, actorId: userId }) }
	})
}
