// Every raw SQL statement of the analytics context (ADR 0018): row types from the generated models,
// so a renamed column fails `tsc`; sql.test.ts runs each statement against PostgreSQL. Why each
// statement is shaped as it is (indexes, one pass) is said beside its caller.
import {
	type Course,
	type CourseVersion,
	type Lesson,
	type Module,
	type Option,
	prisma,
	type Question,
} from '#modules/db/client.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { enrolmentStartedSql } from '#modules/enrolment/started.ts'

/** The course's Enrolment rows' count and xmin sum (see readFiguresStamp). */
export async function selectFiguresStamp({ courseId, db = prisma }: { courseId: string; db?: ReadDb }) {
	const [row] = await db.$queryRaw<Array<{ stamp: string }>>`
		SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) AS stamp
		FROM "Enrolment"
		WHERE "courseId" = ${courseId}`
	return row?.stamp ?? ''
}

/** A version's active enrolments, starts (the one "started" rule), completions and median time. */
export async function selectVersionTotals({ versionId, db = prisma }: { versionId: string; db?: ReadDb }) {
	const [row] = await db.$queryRaw<
		Array<{ enrolments: bigint; starts: bigint; completions: bigint; median_seconds: number | null }>
	>`
		SELECT count(*) AS enrolments,
			count(*) FILTER (WHERE ${enrolmentStartedSql('e')}) AS starts,
			count(*) FILTER (WHERE "completedAt" IS NOT NULL) AS completions,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "completedAt" - "createdAt"))
				FILTER (WHERE "completedAt" IS NOT NULL) AS median_seconds
		FROM "Enrolment" e
		WHERE "versionId" = ${versionId} AND status = 'ACTIVE'`
	return row ?? null
}

/** Learners (active, on this version) who completed each lesson, by lesson key. */
export async function selectCompletedLessonCounts({ versionId, db = prisma }: { versionId: string; db?: ReadDb }) {
	return db.$queryRaw<Array<{ key: Lesson['key']; completed: bigint }>>`
		SELECT key, count(*) AS completed
		FROM (
			SELECT DISTINCT lp."lessonKey" AS key, lp."userId"
			FROM "LessonProgress" lp
			JOIN "Enrolment" e ON e.id = lp."enrolmentId"
			WHERE e."versionId" = ${versionId} AND e.status = 'ACTIVE' AND lp.status = 'COMPLETED'
		) completed_lessons
		GROUP BY key`
}

/** Attempts per quiz lesson, answers (and correct ones) per question, choices per option. */
export async function selectQuizCounts({ lessonIds, db = prisma }: { lessonIds: string[]; db?: ReadDb }) {
	return db.$queryRaw<
		Array<{
			kind: 'lesson' | 'question' | 'option'
			id: Lesson['id'] | Question['id'] | Option['id']
			count: bigint
			correct: bigint
		}>
	>`
		WITH attempts AS MATERIALIZED (
			SELECT qa.id, qa."lessonId"
			FROM "QuizAttempt" qa
			WHERE qa."lessonId" = ANY(${lessonIds}::text[])
				AND (SELECT e.status FROM "Enrolment" e WHERE e.id = qa."enrolmentId") = 'ACTIVE'
		), answers AS MATERIALIZED (
			SELECT a."questionId", a."isCorrect", a."selectedOptionIds"
			FROM "Answer" a JOIN attempts t ON t.id = a."attemptId"
		)
		SELECT 'lesson' AS kind, "lessonId" AS id, count(*) AS count, 0::bigint AS correct FROM attempts GROUP BY "lessonId"
		UNION ALL
		SELECT 'question', "questionId", count(*), count(*) FILTER (WHERE "isCorrect") FROM answers GROUP BY "questionId"
		UNION ALL
		SELECT 'option', picked.option_id, count(*), 0
		FROM answers CROSS JOIN LATERAL (SELECT DISTINCT unnest("selectedOptionIds") AS option_id) picked
		GROUP BY picked.option_id`
}

export type CourseVersionRow = Pick<Course, 'id' | 'slug' | 'publishedVersionId'> & {
	versionId: CourseVersion['id'] | null
	number: CourseVersion['number']
	status: CourseVersion['status']
	title: CourseVersion['title']
}

/** The course and its versions, newest first (no rows when there is no such course). */
export async function selectCourseVersions({ courseId, db = prisma }: { courseId: string; db?: ReadDb }) {
	return db.$queryRaw<CourseVersionRow[]>`
			SELECT c.id, c.slug, c."publishedVersionId", v.id AS "versionId", v.number, v.status::text AS status, v.title
			FROM "Course" c LEFT JOIN "CourseVersion" v ON v."courseId" = c.id
			WHERE c.id = ${courseId}
			ORDER BY v.number DESC`
}

/** The version's lessons in course order with their module titles. */
export async function selectVersionLessons({ versionId, db = prisma }: { versionId: string; db?: ReadDb }) {
	return db.$queryRaw<Array<Pick<Lesson, 'id' | 'key' | 'title' | 'kind'> & { moduleTitle: Module['title'] }>>`
			SELECT l.id, l.key, l.title, l.kind::text AS kind, m.title AS "moduleTitle"
			FROM "Lesson" l JOIN "Module" m ON m.id = l."moduleId"
			WHERE l."versionId" = ${versionId}
			ORDER BY m.position, l.position`
}

export type MarkedOptionRow = {
	lessonId: Question['lessonId']
	questionId: Question['id']
	prompt: Question['prompt']
	questionKind: Question['kind']
	optionId: Option['id'] | null
	text: Option['text'] | null
	isCorrect: Option['isCorrect'] | null
}

/** The version's single and multiple choice questions with their options, in order. */
export async function selectVersionMarkedOptions({ versionId, db = prisma }: { versionId: string; db?: ReadDb }) {
	return db.$queryRaw<MarkedOptionRow[]>`
			SELECT q."lessonId", q.id AS "questionId", q.prompt, q.kind::text AS "questionKind",
				o.id AS "optionId", o.text, o."isCorrect"
			FROM "Question" q
			JOIN "Lesson" l ON l.id = q."lessonId"
			LEFT JOIN "Option" o ON o."questionId" = q.id
			WHERE l."versionId" = ${versionId} AND q.kind IN ('SINGLE', 'MULTIPLE')
			ORDER BY q.position, o.position`
}
