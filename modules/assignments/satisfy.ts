import { type Tx } from '#modules/db/client.ts'

/**
 * Marks complete every open requirement that a new certificate meets, in whichever organisations
 * assigned it: a requirement for the certificate's course (a renewal too, even one that names a
 * refresher), or a renewal that names it as the refresher. Called by issueCertificate inside the transaction that issues the certificate, so the
 * matrix turns green exactly when the certificate exists.
 */
export async function satisfyAssignments(
	tx: Tx,
	{
		userId,
		courseId,
		certificateId,
		completedAt,
	}: { userId: string; courseId: string; certificateId: string; completedAt: Date },
): Promise<number> {
	const { count } = await tx.learnerAssignment.updateMany({
		where: {
			userId,
			completedAt: null,
			cancelledAt: null,
			// The course itself always meets it (a full retake is more than the refresher asks).
			OR: [{ courseId }, { refresherCourseId: courseId }],
		},
		data: { completedAt, certificateId },
	})
	return count
}
