import { type Tx } from '#modules/db/client.ts'
import { placeOnCourse } from './assign-person.ts'

/**
 * Seats were added to the organisation's licence for a course (billing's fulfilment calls this in
 * the same transaction): people assigned it who were waiting for a seat get one, soonest due
 * first (then longest waiting), until the seats run out. Returns how many got a place.
 */
export async function fillWaitingSeats(
	tx: Tx,
	{ organisationId, courseId, actorId = null }: { organisationId: string; courseId: string; actorId?: string | null },
): Promise<{ filled: number }> {
	const waiting = await tx.learnerAssignment.findMany({
		where: {
			organisationId,
			enrolmentId: null,
			completedAt: null,
			cancelledAt: null,
			OR: [{ courseId, refresherCourseId: null }, { refresherCourseId: courseId }],
		},
		select: { id: true, userId: true, kind: true },
		orderBy: [{ dueOn: 'asc' }, { assignedAt: 'asc' }, { id: 'asc' }],
	})
	let filled = 0
	for (const row of waiting) {
		const enrolmentId = await placeOnCourse(tx, {
			organisationId,
			userId: row.userId,
			courseId,
			kind: row.kind,
			actorId,
		})
		if (!enrolmentId) break
		await tx.learnerAssignment.update({ where: { id: row.id }, data: { enrolmentId } })
		filled += 1
	}
	return { filled }
}
