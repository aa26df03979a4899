import { type Tx } from '#modules/db/client.ts'

/** The longest reflection Circle stores, in characters (about three pages of writing). */
export const REFLECTION_MAX_LENGTH = 5000

/**
 * Writes reflection text, one row per learner and prompt: inserted if absent (ON CONFLICT DO
 * NOTHING, so a draft autosave and a submission arriving together never fail) and then updated, so
 * the last write wins. Returns when each row was saved, by question id.
 */
export async function saveReflectionRows({
	tx,
	userId,
	lesson,
	rows,
}: {
	tx: Tx
	userId: string
	lesson: { id: string; courseId: string; enrolmentId: string }
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
			prompt: r.prompt,
			text: r.text,
		})),
		skipDuplicates: true,
	})
	const saved = new Map<string, Date>()
	for (const r of rows) {
		const row = await tx.reflection.update({
			where: { userId_lessonId_questionId: { userId, lessonId: lesson.id, questionId: r.questionId } },
			data: { text: r.text, prompt: r.prompt, enrolmentId: lesson.enrolmentId },
			select: { updatedAt: true },
		})
		saved.set(r.questionId, row.updatedAt)
	}
	return saved
}
