import { type Tx } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { issueProgrammeCertificateIfComplete } from './complete-programmes.ts'
import { programmeCourseIds } from './programme-course-ids.ts'
import { lockProgrammeEnrolment } from './sql.ts'

/**
 * What a paid programme order grants, inside the fulfilment's transaction: the buyer joins the
 * programme and gets a place (source PURCHASE, this order) on every course in it, so a refund can
 * find and withdraw exactly those places. A place withdrawn by an earlier refund is restored on the
 * version they had; a place the buyer already held (a free course, a seat) is left as it is. A
 * sequential programme still opens its courses in order: the learn pages read the gate
 * (programmeGate), whoever paid. The certificate follows at once if every course is already done.
 */
export async function grantPurchasedProgramme(
	tx: Tx,
	{ programmeId, userId, orderId, now }: { programmeId: string; userId: string; orderId: string; now: Date },
) {
	const { count } = await tx.programmeEnrolment.createMany({
		data: [{ programmeId, userId, enrolledAt: now }],
		skipDuplicates: true,
	})
	await lockProgrammeEnrolment(tx, { programmeId, userId })
	const enrolmentIds: string[] = []
	for (const courseId of await programmeCourseIds(programmeId, { db: tx })) {
		const enrolment = await enrolInCourse({ tx, userId, courseId, source: 'PURCHASE', orderId })
		if (enrolment.status === 'REVOKED') {
			await tx.enrolment.update({
				where: { id: enrolment.id },
				data: { status: 'ACTIVE', source: 'PURCHASE', orderId, revokedAt: null, revokedReason: null },
				select: { id: true },
			})
		}
		enrolmentIds.push(enrolment.id)
	}
	if (count === 1) {
		await recordAudit(tx, {
			actorId: userId,
			action: 'programme.enrolled',
			targetType: 'Programme',
			targetId: programmeId,
			details: { orderId },
		})
	}
	const certificateCode = await issueProgrammeCertificateIfComplete(tx, { programmeId, userId })
	return { enrolmentIds, certificateCode }
}
