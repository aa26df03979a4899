import { type Tx } from '#modules/db/client.ts'

/** The longest reflection Circle stores, in characters (about three pages of writing). */
export const REFLECTION_MAX_LENGTH = 5000

/**
 * Writes reflection text, one row per learner, prompt and enrolment cycle: inserted if absent (ON
 * CONFLICT DO NOTHING, so a draft autosave and a submission arriving together never fail) and then
 * updated, so the last write wins. A renewal's retake is a new cycle, so it writes new rows and the
 * earlier cycle's reflections stay as they were. Returns when each row was saved, by question id.
 */
export async function saveReflectionRows({
	tx,
	userId,
	lesson,
	rows,
}: {
	tx: Tx
	userId: string
	lesson: { id: string; courseId: string; enrolmentId: string; enrolmentCycle: number }
	rows: Array<{ questionId: string; prompt: string; text: string }>
}) {
	if (rows.length === 0) return new Map<string, Date>()
	await tx.reflection.createMany({
		data: rows.map((r) => ({
			userId,
			courseId: lesson.courseId,
			enrolmentId: lesson.enrolmentId,
			lessonId: lesson.id,
			questionId: r.questionId,
			cycle: lesson.enrolmentCycle,
			prompt: r.prompt,
			text: r.text,
		})),
		skipDuplicates: true,
	})
	const saved = new Map<string, Date>()
	for (const r of rows) {
		const row = await tx.reflection.update({
			where: {
				userId_lessonId_questionId_cycle: {
					userId,
					lessonId: lesson.id,
					questionId: r.questionId,
					cycle: lesson.enrolmentCycle,
				},
			},
			data: { text: r.text, prompt: r.prompt, enrolmentId: lesson.enrolmentId },
			select: { updatedAt: true },
		})
		saved.set(r.questionId, row.updatedAt)
	}
	return saved
}
