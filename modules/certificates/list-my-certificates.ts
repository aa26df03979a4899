import { prisma } from '#modules/db/client.ts'
import { dateOnly, ukToday } from '#modules/compliance/status.ts'
import { certificateStanding, renewalOpensOn } from './validity.ts'

/**
 * A learner's certificates, newest first, for their dashboard and CPD portfolio: what each one says,
 * whether it stands on the UK day of `now` (valid, expired or revoked) and until when, the course's
 * slug for a link back to it, and `canRetake`: the certificate of the course's latest completion,
 * within RENEWAL_LEAD_DAYS of expiry or past it, so the learner may take the course again
 * (retakeCourse). Every earlier certificate stays listed.
 */
export async function listMyCertificates({ userId, now }: { userId: string; now: Date }) {
	const rows = await prisma.certificate.findMany({
		where: { userId },
		orderBy: [{ completedAt: 'desc' }, { id: 'desc' }],
		select: {
			id: true,
			code: true,
			courseTitle: true,
			versionNumber: true,
			cpdMinutes: true,
			completedAt: true,
			issuedAt: true,
			validUntil: true,
			revokedAt: true,
			cycle: true,
			course: { select: { slug: true } },
			enrolment: { select: { cycle: true, completedAt: true, status: true } },
		},
	})
	const today = dateOnly(ukToday(now))
	return rows.map(({ course, enrolment, ...row }) => ({
		...row,
		courseSlug: course.slug,
		standing: certificateStanding(row, now),
		canRetake:
			!row.revokedAt &&
			row.validUntil !== null &&
			enrolment.status === 'ACTIVE' &&
			enrolment.completedAt !== null &&
			enrolment.cycle === row.cycle &&
			dateOnly(renewalOpensOn(row.validUntil)) <= today,
	}))
}

export type MyCertificate = Awaited<ReturnType<typeof listMyCertificates>>[number]
