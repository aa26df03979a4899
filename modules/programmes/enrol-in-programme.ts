import { prisma } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { issueProgrammeCertificateIfComplete, openProgrammeCourses } from './complete-programmes.ts'
import { ProgrammesError } from './errors.ts'
import { lockProgrammeEnrolment } from './sql.ts'

/**
 * Enrols a learner on a published free programme (a priced one is `forbidden`: it is bought) and, in the same transaction, opens the
 * courses they may take now: every free course, or in a sequential programme the first unfinished
 * one. A learner who has already finished every course gets the programme certificate at once.
 * Idempotent: enrolling twice returns the same enrolment (`created: false`). An unknown or
 * unpublished programme is `not_found`.
 */
export async function enrolInProgramme({ userId, slug, now }: { userId: string; slug: string; now: Date }) {
	return prisma.$transaction(async (tx) => {
		const programme = await tx.programme.findUnique({
			where: { slug },
			select: { id: true, slug: true, publishedAt: true, pricePence: true },
		})
		if (!programme?.publishedAt) {
			throw new ProgrammesError('not_found', 'PROGRAMME_NOT_FOUND', 'We could not find that programme.')
		}
		if (programme.pricePence > 0) {
			// A priced programme is joined by buying it (grantPurchasedProgramme) or being assigned it.
			throw new ProgrammesError('forbidden', 'PAYMENT_REQUIRED', 'This programme is not free: buy it to join.')
		}
		const { count } = await tx.programmeEnrolment.createMany({
			data: [{ programmeId: programme.id, userId, enrolledAt: now }],
			skipDuplicates: true,
		})
		await lockProgrammeEnrolment(tx, { programmeId: programme.id, userId })
		if (count === 1) {
			await recordAudit(tx, {
				actorId: userId,
				action: 'programme.enrolled',
				targetType: 'Programme',
				targetId: programme.id,
			})
		}
		await openProgrammeCourses(tx, { programmeId: programme.id, userId })
		const certificateCode = await issueProgrammeCertificateIfComplete(tx, { programmeId: programme.id, userId })
		return { programmeId: programme.id, slug: programme.slug, created: count === 1, certificateCode }
	})
}
