import { type Tx } from '#modules/db/client.ts'
import { type ReflectionRow, saveReflections } from './sql.ts'

/** The longest reflection Circle stores, in characters (about three pages of writing). */
export const REFLECTION_MAX_LENGTH = 5000

/**
 * Writes reflection text, one row per learner, prompt and enrolment cycle, in one statement: inserted
 * if absent, else updated (INSERT … ON CONFLICT DO UPDATE, so a draft autosave and a submission
 * arriving together never fail, and the last write wins). A renewal's retake is a new cycle, so it
 * writes new rows and the earlier cycle's reflections stay as they were. Returns when each row was
 * saved, by question id. A quiz submission writes its reflections with the same statement, inside
 * its attempt's (modules/quizzes/sql.ts).
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
	rows: ReflectionRow[]
}) {
	if (rows.length === 0) return new Map<string, Date>()
	const saved = await saveReflections(
		tx,
		{
			userId,
			courseId: lesson.courseId,
			enrolmentId: lesson.enrolmentId,
			lessonId: lesson.id,
			cycle: lesson.enrolmentCycle,
		},
		rows,
	)
	return new Map(saved.map((r) => [r.questionId, r.updatedAt]))
}
