import { type Tx } from '#modules/db/client.ts'

/**
 * Starts an enrolment's next cycle, for a renewal: the learner takes the course again from the
 * beginning, on the course's current published version. Their earlier certificate, CPD entry,
 * reflections and quiz attempts stay as they were (certificates are per enrolment and cycle); only
 * the lesson progress, which decides completion, starts afresh. Does nothing to an enrolment that is
 * not complete (it is already in its current cycle). Returns the cycle the enrolment is now in.
 */
export async function restartEnrolment(
	tx: Tx,
	{ enrolmentId, actorId }: { enrolmentId: string; actorId: string | null },
): Promise<number> {
	const enrolment = await tx.enrolment.findUniqueOrThrow({
		where: { id: enrolmentId },
		select: { cycle: true, completedAt: true, versionId: true, course: { select: { publishedVersionId: true } } },
	})
	if (!enrolment.completedAt) return enrolment.cycle
	const { count } = await tx.enrolment.updateMany({
		where: { id: enrolmentId, cycle: enrolment.cycle, completedAt: { not: null } },
		data: {
			cycle: { increment: 1 },
			completedAt: null,
			startedAt: null,
			lastActivityAt: null,
			secondsSpent: 0,
			versionId: enrolment.course.publishedVersionId ?? enrolment.versionId,
		},
	})
	if (count === 0) return (await tx.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { cycle: true } })).cycle
	await tx.lessonProgress.deleteMany({ where: { enrolmentId } })
	await tx.auditLog.create({
		data: {
			actorId,
			action: 'enrolment.restarted',
			targetType: 'Enrolment',
			targetId: enrolmentId,
			details: { cycle: enrolment.cycle + 1 },
		},
		select: { id: true },
	})
	return enrolment.cycle + 1
}
