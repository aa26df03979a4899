// Every raw SQL statement of the quizzes context (ADR 0018): row types from the generated models,
// so a renamed column fails `tsc`; modules/db/sql.test.ts runs each statement against PostgreSQL.
// A quiz submission and a quiz page are hot: each reads (or writes) its rows in one statement here
// instead of one Prisma query per table, each compiled on every call.
import { randomUUID } from 'node:crypto'
import {
	type Answer,
	type Lesson,
	type Option,
	Prisma,
	prisma,
	type Question,
	type QuizAttempt,
	type Reflection,
	type Tx,
} from '#modules/db/client.ts'
import type { MarkedAnswer, MarkingQuestion } from './mark-quiz.ts'

type Db = Tx | typeof prisma

/** JSON has no dates: timestamps travel as milliseconds since the epoch (the columns hold UTC). */
const epochMs = (column: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${column}) * 1000)::float8`

/**
 * What marking an attempt needs, in one statement: the quiz's questions in order, each with its
 * options and which are right (server-side only), and every attempt the learner has made at it
 * (all cycles, newest first).
 */
export async function selectQuizForMarking(db: Db, { userId, lessonId }: { userId: string; lessonId: string }) {
	const [row] = await db.$queryRaw<
		Array<{
			questions: Array<MarkingQuestion & Pick<Question, 'prompt'>>
			attempts: Array<Pick<QuizAttempt, 'number' | 'passed' | 'cycle'>>
		}>
	>`
		SELECT
			COALESCE((
				SELECT json_agg(json_build_object(
					'id', q.id, 'kind', q.kind, 'prompt', q.prompt, 'scaleMin', q."scaleMin", 'scaleMax', q."scaleMax",
					'options', COALESCE((
						SELECT json_agg(json_build_object('id', o.id, 'isCorrect', o."isCorrect"))
						FROM "Option" o WHERE o."questionId" = q.id
					), '[]'::json)
				) ORDER BY q.position)
				FROM "Question" q WHERE q."lessonId" = ${lessonId}
			), '[]'::json) AS questions,
			COALESCE((
				SELECT json_agg(json_build_object('number', a.number, 'passed', a.passed, 'cycle', a.cycle) ORDER BY a.number DESC)
				FROM "QuizAttempt" a WHERE a."userId" = ${userId} AND a."lessonId" = ${lessonId}
			), '[]'::json) AS attempts`
	return row!
}

export type ReflectionRow = { questionId: string; prompt: string; text: string }
export type ReflectionOwner = { userId: string; courseId: string; enrolmentId: string; lessonId: string; cycle: number }

/**
 * The one reflection write: one row per learner, prompt and cycle, inserted or, when it exists
 * (a draft saved earlier, or by another tab at this moment), updated, so the last write wins and
 * two writers never fail. Returns each row's question id and when it was saved.
 */
function upsertReflections(owner: ReflectionOwner, rows: ReflectionRow[], now: Date) {
	const json = JSON.stringify(rows.map((r) => ({ id: randomUUID(), ...r })))
	return Prisma.sql`
		INSERT INTO "Reflection" (id, "userId", "courseId", "enrolmentId", "lessonId", "questionId", cycle, prompt, text,
			"createdAt", "updatedAt")
		SELECT r.id, ${owner.userId}, ${owner.courseId}, ${owner.enrolmentId}, ${owner.lessonId}, r."questionId",
			${owner.cycle}, r.prompt, r.text, ${now}, ${now}
		FROM json_to_recordset(${json}::json) AS r(id text, "questionId" text, prompt text, text text)
		ON CONFLICT ("userId", "lessonId", "questionId", cycle) DO UPDATE
		SET text = EXCLUDED.text, prompt = EXCLUDED.prompt, "enrolmentId" = EXCLUDED."enrolmentId",
			"updatedAt" = EXCLUDED."updatedAt"
		RETURNING "questionId", "updatedAt"`
}

/** Writes reflection rows (see upsertReflections) in one statement. */
export async function saveReflections(tx: Tx, owner: ReflectionOwner, rows: ReflectionRow[]) {
	return tx.$queryRaw<Array<Pick<Reflection, 'updatedAt'> & { questionId: string }>>(
		upsertReflections(owner, rows, new Date()),
	)
}

/**
 * Stores a marked attempt, its answers and its reflections in one statement. The attempt is
 * inserted only if no attempt of the learner at this quiz already has its number (ON CONFLICT DO
 * NOTHING: a concurrent submission that took the number first wins, and this one waits for it
 * rather than failing): null then, and the caller refuses it, rolling the reflections back with it.
 */
export async function insertQuizAttempt(
	tx: Tx,
	{
		owner,
		number,
		scorePercent,
		passed,
		answers,
		reflections,
	}: {
		owner: ReflectionOwner
		number: number
		scorePercent: number
		passed: boolean
		answers: MarkedAnswer[]
		reflections: ReflectionRow[]
	},
) {
	const now = new Date()
	const answersJson = JSON.stringify(
		answers.map((a) => ({
			id: randomUUID(),
			questionId: a.questionId,
			optionIds: a.optionIds,
			text: a.text,
			scaleValue: a.scaleValue,
			isCorrect: a.isCorrect,
		})),
	)
	const reflectionsCte = reflections.length
		? Prisma.sql`, reflections AS (${upsertReflections(owner, reflections, now)})`
		: Prisma.empty
	const [row] = await tx.$queryRaw<Array<Pick<QuizAttempt, 'id' | 'submittedAt'>>>`
		WITH attempt AS (
			INSERT INTO "QuizAttempt" (id, "userId", "enrolmentId", "lessonId", number, cycle, "scorePercent", passed, "submittedAt")
			VALUES (${randomUUID()}, ${owner.userId}, ${owner.enrolmentId}, ${owner.lessonId}, ${number}, ${owner.cycle},
				${scorePercent}, ${passed}, ${now})
			ON CONFLICT ("userId", "lessonId", number) DO NOTHING
			RETURNING id, "submittedAt"
		), answers AS (
			INSERT INTO "Answer" (id, "attemptId", "questionId", "selectedOptionIds", text, "scaleValue", "isCorrect")
			SELECT r.id, attempt.id, r."questionId", ARRAY(SELECT json_array_elements_text(r."optionIds")), r.text,
				r."scaleValue", r."isCorrect"
			FROM attempt, json_to_recordset(${answersJson}::json)
				AS r(id text, "questionId" text, "optionIds" json, text text, "scaleValue" int, "isCorrect" boolean)
		)${reflectionsCte}
		SELECT id, "submittedAt" FROM attempt`
	return row ?? null
}

export type LearnerQuizRow = Pick<Lesson, 'passMark' | 'maxAttempts'> & {
	questions: Array<
		Pick<
			Question,
			'id' | 'kind' | 'prompt' | 'guidance' | 'scaleMin' | 'scaleMax' | 'scaleMinLabel' | 'scaleMaxLabel'
		> & { options: Array<Pick<Option, 'id' | 'text'>> }
	>
	/** This cycle's, newest first; `submittedAt` in milliseconds since the epoch. */
	attempts: Array<Pick<QuizAttempt, 'id' | 'number' | 'scorePercent' | 'passed'> & { submittedAt: number }>
	/** `updatedAt` in milliseconds since the epoch. */
	reflections: Array<{ questionId: string; text: Reflection['text']; updatedAt: number }>
	/** The newest attempt's answers; empty before the first. */
	answers: Array<Pick<Answer, 'questionId' | 'selectedOptionIds' | 'text' | 'scaleValue' | 'isCorrect'>>
	/**
	 * The quiz's explanations and which options are right, with their feedback: read only once the
	 * learner has an attempt in this cycle (empty before), for getQuizForLearner to filter.
	 */
	marking: Array<
		Pick<Question, 'id' | 'explanation'> & { options: Array<Pick<Option, 'id' | 'isCorrect' | 'feedback'>> }
	>
}

/**
 * A quiz as its learner's page needs it, in one statement: the lesson's pass mark and attempt
 * limit; the questions in order with their options' wording (never which are right); the learner's
 * attempts and reflections of this cycle; and, only when there is an attempt, its answers and the
 * quiz's marking. Null when the lesson does not exist.
 */
export async function selectLearnerQuiz({
	userId,
	lessonId,
	cycle,
}: {
	userId: string
	lessonId: string
	cycle: number
}) {
	const [row] = await prisma.$queryRaw<LearnerQuizRow[]>`
		WITH attempts AS (
			SELECT id, number, "scorePercent", passed, "submittedAt" FROM "QuizAttempt"
			WHERE "userId" = ${userId} AND "lessonId" = ${lessonId} AND cycle = ${cycle}
		), latest AS (
			SELECT id FROM attempts ORDER BY number DESC LIMIT 1
		)
		SELECT l."passMark", l."maxAttempts",
			COALESCE((
				SELECT json_agg(json_build_object(
					'id', q.id, 'kind', q.kind, 'prompt', q.prompt, 'guidance', q.guidance,
					'scaleMin', q."scaleMin", 'scaleMax', q."scaleMax",
					'scaleMinLabel', q."scaleMinLabel", 'scaleMaxLabel', q."scaleMaxLabel",
					'options', COALESCE((
						SELECT json_agg(json_build_object('id', o.id, 'text', o.text) ORDER BY o.position)
						FROM "Option" o WHERE o."questionId" = q.id
					), '[]'::json)
				) ORDER BY q.position)
				FROM "Question" q WHERE q."lessonId" = l.id
			), '[]'::json) AS questions,
			COALESCE((
				SELECT json_agg(json_build_object('id', a.id, 'number', a.number, 'scorePercent', a."scorePercent",
					'passed', a.passed, 'submittedAt', ${epochMs(Prisma.sql`a."submittedAt"`)}) ORDER BY a.number DESC)
				FROM attempts a
			), '[]'::json) AS attempts,
			COALESCE((
				-- This cycle's only: a renewal's retake starts with empty boxes, the earlier cycle's text kept.
				SELECT json_agg(json_build_object('questionId', r."questionId", 'text', r.text,
					'updatedAt', ${epochMs(Prisma.sql`r."updatedAt"`)}))
				FROM "Reflection" r
				WHERE r."userId" = ${userId} AND r."lessonId" = l.id AND r.cycle = ${cycle} AND r."questionId" IS NOT NULL
			), '[]'::json) AS reflections,
			COALESCE((
				SELECT json_agg(json_build_object('questionId', an."questionId", 'selectedOptionIds', an."selectedOptionIds",
					'text', an.text, 'scaleValue', an."scaleValue", 'isCorrect', an."isCorrect"))
				FROM "Answer" an JOIN latest ON latest.id = an."attemptId"
			), '[]'::json) AS answers,
			COALESCE((
				SELECT json_agg(json_build_object(
					'id', q.id, 'explanation', q.explanation,
					'options', COALESCE((
						SELECT json_agg(json_build_object('id', o.id, 'isCorrect', o."isCorrect", 'feedback', o.feedback)
							ORDER BY o.position)
						FROM "Option" o WHERE o."questionId" = q.id
					), '[]'::json)
				))
				FROM "Question" q WHERE q."lessonId" = l.id AND EXISTS (SELECT 1 FROM latest)
			), '[]'::json) AS marking
		FROM "Lesson" l
		WHERE l.id = ${lessonId}`
	return row ?? null
}
