// A demo person's finished course, as taking it leaves it: every lesson done, every quiz passed, then
// completed through completeEnrolment (which issues the certificate and its CPD entry), with the
// dates moved back to when it happened. A completed enrolment without its lessons done would show
// "You have completed this course" beside "0 of 11 lessons done", with a sequential course's
// lessons locked behind its first.
import { prisma } from '#modules/db/client.ts'
import { certificateValidUntil } from '#modules/certificates/validity.ts'
import { londonCalendarDate } from '#modules/certificates/certificate-text.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from '#modules/progress/complete-enrolment.ts'

const DAY = 24 * 60 * 60 * 1000

/**
 * Enrols `userId` on the course's published version, started `daysTaken` days before `completedAt`,
 * completes every lesson in course order over those days and passes every quiz, then completes the
 * enrolment through completeEnrolment and backdates it, its certificate and CPD entry to
 * `completedAt`. Does nothing (returns null) when the person is already enrolled or the course has
 * no published version; otherwise returns the enrolment's id.
 */
export async function completeCourseForDemo({
	userId,
	courseId,
	completedAt,
	daysTaken,
}: {
	userId: string
	courseId: string
	completedAt: Date
	daysTaken: number
}): Promise<string | null> {
	if (await prisma.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { id: true } }))
		return null
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: { publishedVersionId: true },
	})
	if (!course.publishedVersionId) return null
	const versionId = course.publishedVersionId
	const lessons = await prisma.lesson.findMany({
		where: { versionId },
		orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
		select: { id: true, key: true, kind: true },
	})
	const startedAt = new Date(completedAt.getTime() - daysTaken * DAY)
	return prisma.$transaction(async (tx) => {
		const enrolment = await tx.enrolment.create({
			data: { userId, courseId, versionId, source: 'FREE', createdAt: startedAt, startedAt },
			select: { id: true },
		})
		await finishEnrolmentForDemo({ tx, userId, enrolmentId: enrolment.id, lessons, startedAt, completedAt })
		return enrolment.id
	}, COMPLETION_TRANSACTION)
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

/**
 * Finishes an enrolment in `tx` as a learner would, between `startedAt` and `completedAt`: every lesson
 * done in course order, every quiz passed, completed through completeEnrolment (its certificate and CPD
 * entry), then the enrolment, certificate and CPD entry backdated to `completedAt`. Run it inside
 * COMPLETION_TRANSACTION's settings.
 */
export async function finishEnrolmentForDemo({
	tx,
	userId,
	enrolmentId,
	lessons,
	startedAt,
	completedAt,
}: {
	tx: Tx
	userId: string
	enrolmentId: string
	lessons: ReadonlyArray<{ id: string; key: string; kind: string }>
	startedAt: Date
	completedAt: Date
}) {
	const lessonDoneAt = (i: number) =>
		new Date(startedAt.getTime() + ((i + 1) * (completedAt.getTime() - startedAt.getTime())) / lessons.length)
	await tx.lessonProgress.createMany({
		data: lessons.map((lesson, i) => ({
			userId,
			enrolmentId,
			lessonId: lesson.id,
			lessonKey: lesson.key,
			status: 'COMPLETED' as const,
			completedAt: lessonDoneAt(i),
			createdAt: lessonDoneAt(i),
		})),
	})
	await tx.quizAttempt.createMany({
		data: lessons.flatMap((lesson, i) =>
			lesson.kind === 'QUIZ'
				? [
						{
							userId,
							enrolmentId,
							lessonId: lesson.id,
							number: 1,
							scorePercent: 100,
							passed: true,
							submittedAt: lessonDoneAt(i),
						},
					]
				: [],
		),
	})
	const { completedNow } = await completeEnrolment({ tx, enrolmentId, userId })
	if (!completedNow) throw new Error(`The demo could not complete enrolment ${enrolmentId}`)
	await tx.enrolment.update({
		where: { id: enrolmentId },
		data: { startedAt, lastActivityAt: completedAt, completedAt },
	})
	const issued = await tx.certificate.findUnique({
		where: { enrolmentId_cycle: { enrolmentId, cycle: 1 } },
		select: { id: true, course: { select: { validityMonths: true } } },
	})
	if (issued) {
		await tx.certificate.update({
			where: { id: issued.id },
			data: {
				completedAt,
				issuedAt: completedAt,
				validUntil: certificateValidUntil(completedAt, issued.course.validityMonths),
			},
		})
		await tx.cpdEntry.updateMany({
			where: { certificateId: issued.id },
			data: { date: londonCalendarDate(completedAt) },
		})
	}
}
