// The expensive part of a course's analytics: three aggregates over a version's enrolments, progress
// rows and quiz answers (about 150 ms of database time for a version with 8,000 learners and
// 5 million progress rows). getCourseAnalytics caches their result, checked against
// readFiguresStamp on every call, so the figures stay exact while repeated views cost one cheap query.
import { prisma } from '#modules/db/client.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { selectCompletedLessonCounts, selectFiguresStamp, selectQuizCounts, selectVersionTotals } from './sql.ts'

/** A version's learner figures, as plain numbers keyed by lesson key, lesson id, question id and option id. */
export type VersionFigures = {
	totals: { enrolments: number; starts: number; completions: number; medianSeconds: number | null }
	/** Learners (active, on this version) who have completed each lesson, by lesson key. */
	completedByKey: ReadonlyMap<string, number>
	/** Submitted attempts (of active enrolments) at each quiz lesson, by lesson id. */
	attemptsByLessonId: ReadonlyMap<string, number>
	/** Answers to each question (and how many were correct), by question id. */
	answersByQuestionId: ReadonlyMap<string, { answered: number; correct: number }>
	/** Answers choosing each option, by option id. */
	selectedByOptionId: ReadonlyMap<string, number>
}

/**
 * A string that changes whenever anything the figures count may have changed, read afresh on every
 * view (so a change made by any process is seen at once). Every writer of progress, quiz attempts,
 * completion, revocation, reinstatement, enrolment and version moves inserts, updates or deletes
 * a row of the course's Enrolment table in the same transaction (progress writers through
 * touchEnrolment), so the stamp is the number of those rows and the sum of their `xmin`, the id
 * of the transaction that last wrote each one. An update always gives its row a newer transaction
 * id, so the sum moves even when two writers commit in the opposite order to their clocks (a
 * stamp built on max("lastActivityAt") misses the one that commits last with the earlier time).
 * It covers the whole course, not just the version, because an enrolment that has moved to a
 * newer version keeps its attempts at this version's quizzes, and revoking it later changes them.
 */
export async function readFiguresStamp({ courseId, db = prisma }: { courseId: string; db?: ReadDb }) {
	return selectFiguresStamp({ courseId, db })
}

/**
 * Counts a version's figures in three statements, whatever the number of learners: totals
 * (enrolments, starts, completions, median seconds from enrolment to completion), completions per
 * lesson, and quiz item analysis for the version's lessons (`lessonIds`). Revoked enrolments are
 * left out of all three.
 */
export async function countVersionFigures({
	versionId,
	lessonIds,
	db = prisma,
}: {
	versionId: string
	lessonIds: string[]
	db?: ReadDb
}): Promise<VersionFigures> {
	const totalsRow = await selectVersionTotals({ versionId, db })

	// Completions per lesson: the version's enrolments (Enrolment(versionId)), then each one's
	// progress rows (LessonProgress(enrolmentId)); distinct (lesson, learner) pairs hashed, then counted.
	const lessonRows = await selectCompletedLessonCounts({ versionId, db })

	// The quiz figures in one pass: the attempts at this version's lessons, found by their lesson ids
	// (QuizAttempt(lessonId); a subquery on Enrolment's primary key keeps active enrolments only, so
	// the 600,000 enrolments are never scanned), then their answers (Answer(attemptId, questionId)),
	// counted per lesson, per question and per option.
	const quizRows = await selectQuizCounts({ lessonIds, db })

	const rowsOf = (kind: 'lesson' | 'question' | 'option') => quizRows.filter((r) => r.kind === kind)
	return {
		totals: {
			enrolments: Number(totalsRow?.enrolments ?? 0),
			starts: Number(totalsRow?.starts ?? 0),
			completions: Number(totalsRow?.completions ?? 0),
			medianSeconds: totalsRow?.median_seconds == null ? null : Number(totalsRow.median_seconds),
		},
		completedByKey: new Map(lessonRows.map((r) => [r.key, Number(r.completed)])),
		attemptsByLessonId: new Map(rowsOf('lesson').map((r) => [r.id, Number(r.count)])),
		answersByQuestionId: new Map(
			rowsOf('question').map((r) => [r.id, { answered: Number(r.count), correct: Number(r.correct) }]),
		),
		selectedByOptionId: new Map(rowsOf('option').map((r) => [r.id, Number(r.count)])),
	}
}
