import { recordAudit } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { assertCanEditCourse } from './access.ts'

/**
 * Marks a course as approved by the Restorative Justice Council, or not (ADR 0031). The trainer says
 * so; Circle cannot check it with the RJC. Learners' certificate entries for the course then count as
 * RJC-approved CPD, read at the time the portfolio is read, so the mark applies to certificates already
 * issued as well as new ones. Only someone who may edit the course; audited.
 */
export async function setCourseRjcApproval({
	courseId,
	actorId,
	approved,
}: {
	courseId: string
	actorId: string
	approved: boolean
}) {
	await prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		await tx.course.update({ where: { id: courseId }, data: { rjcApproved: approved } })
		await recordAudit(tx, {
			actorId,
			action: 'course.rjc_approval_set',
			targetType: 'Course',
			targetId: courseId,
			details: { rjcApproved: approved },
		})
	})
	return { rjcApproved: approved }
}
