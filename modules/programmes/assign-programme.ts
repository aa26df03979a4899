import { type Tx } from '#modules/db/client.ts'
import { issueProgrammeCertificateIfComplete } from './complete-programmes.ts'
import { programmeCourseIds } from './programme-course-ids.ts'
import { lockProgrammeEnrolment } from './sql.ts'

/**
 * A published programme an organisation may assign, with its courses in order; null for an
 * unknown or unpublished one. Assigning it is assigning each course (modules/assignments), plus
 * joining each person to the programme with joinProgrammeForAssignment.
 */
export async function assignableProgramme(tx: Tx, programmeId: string) {
	const programme = await tx.programme.findFirst({
		where: { id: programmeId, publishedAt: { not: null } },
		select: { id: true, slug: true, title: true },
	})
	if (!programme) return null
	return { ...programme, courseIds: await programmeCourseIds(programme.id, { db: tx }) }
}

/**
 * Joins a person to a programme their organisation assigned them, inside the assignment's
 * transaction, so that finishing its courses issues the programme certificate (at once, if they
 * already have). Their places on the courses come from the course assignments. Idempotent.
 */
export async function joinProgrammeForAssignment(
	tx: Tx,
	{ programmeId, userId, now }: { programmeId: string; userId: string; now: Date },
) {
	await tx.programmeEnrolment.createMany({ data: [{ programmeId, userId, enrolledAt: now }], skipDuplicates: true })
	await lockProgrammeEnrolment(tx, { programmeId, userId })
	await issueProgrammeCertificateIfComplete(tx, { programmeId, userId })
}
