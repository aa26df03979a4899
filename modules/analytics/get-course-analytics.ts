import { prisma } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'
import { assertCanEditCourse } from './access.ts'

export type FunnelStep = {
	key: string
	title: string
	kind: string
	moduleTitle: string
	/** Learners (on this version) who have completed the lesson. */
	completed: number
	/** Share of enrolments, 0–1 (null with no enrolments). */
	rate: number | null
}

export type OptionStat = { id: string; text: string; isCorrect: boolean; selected: number; rate: number | null }
export type QuestionStat = {
	id: string
	prompt: string
	kind: string
	/** Submitted attempts that answered this question. */
	answered: number
	correct: number
	/** Share of answered attempts that got it right, 0–1. */
	rate: number | null
	options: OptionStat[]
}
export type QuizStat = { key: string; title: string; attempts: number; questions: QuestionStat[] }

export type CourseAnalytics = {
	course: { id: string; slug: string; title: string }
	versions: Array<{ number: number; status: string }>
	version: { id: string; number: number; status: string; title: string }
	totals: {
		enrolments: number
		starts: number
		completions: number
		completionRate: number | null
		medianSecondsToComplete: number | null
	}
	funnel: FunnelStep[]
	quizzes: QuizStat[]
}

function ratio(part: number, whole: number) {
	return whole > 0 ? part / whole : null
}

/**
 * How learners on one version of a course are doing, for its trainers: enrolments, starts,
 * completions, completion rate, median time from enrolment to completion, completions per lesson
 * in course order (the drop-off funnel), and item analysis of every marked quiz question (share
 * correct; share choosing each option). Revoked enrolments are left out. Everything is aggregated
 * in PostgreSQL, so the number of queries is the same for 3 learners or 30,000. `versionNumber`
 * defaults to the published version (else the newest).
 */
export async function getCourseAnalytics({
	actorId,
	courseId,
	versionNumber,
}: {
	actorId: string
	courseId: string
	versionNumber?: number | null
}): Promise<CourseAnalytics> {
	await assertCanEditCourse({ actorId, courseId })
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			id: true,
			slug: true,
			publishedVersionId: true,
			versions: { orderBy: { number: 'desc' }, select: { id: true, number: true, status: true, title: true } },
		},
	})
	const version =
		versionNumber != null
			? course.versions.find((v) => v.number === versionNumber)
			: (course.versions.find((v) => v.id === course.publishedVersionId) ?? course.versions[0])
	if (!version) throw new DomainError('not_found', 'VERSION_NOT_FOUND', 'This course has no such version.')

	const lessons = await prisma.lesson.findMany({
		where: { versionId: version.id },
		orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
		select: {
			id: true,
			key: true,
			title: true,
			kind: true,
			module: { select: { title: true } },
			questions: {
				where: { kind: { in: ['SINGLE', 'MULTIPLE'] } },
				orderBy: { position: 'asc' },
				select: {
					id: true,
					prompt: true,
					kind: true,
					options: { orderBy: { position: 'asc' }, select: { id: true, text: true, isCorrect: true } },
				},
			},
		},
	})

	const [totalsRow] = await prisma.$queryRaw<
		Array<{ enrolments: bigint; starts: bigint; completions: bigint; median_seconds: number | null }>
	>`
		SELECT count(*) AS enrolments,
			count(*) FILTER (WHERE "startedAt" IS NOT NULL OR "completedAt" IS NOT NULL) AS starts,
			count(*) FILTER (WHERE "completedAt" IS NOT NULL) AS completions,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "completedAt" - "createdAt"))
				FILTER (WHERE "completedAt" IS NOT NULL) AS median_seconds
		FROM "Enrolment"
		WHERE "versionId" = ${version.id} AND status = 'ACTIVE'`

	// Completions per lesson: the version's enrolments (Enrolment(versionId)), then each one's
	// progress rows (LessonProgress(enrolmentId)); distinct (lesson, learner) pairs hashed, then counted.
	const lessonRows = await prisma.$queryRaw<Array<{ key: string; completed: bigint }>>`
		SELECT key, count(*) AS completed
		FROM (
			SELECT DISTINCT lp."lessonKey" AS key, lp."userId"
			FROM "LessonProgress" lp
			JOIN "Enrolment" e ON e.id = lp."enrolmentId"
			WHERE e."versionId" = ${version.id} AND e.status = 'ACTIVE' AND lp.status = 'COMPLETED'
		) completed_lessons
		GROUP BY key`

	// The quiz figures in one pass: the attempts at this version's lessons, found by their lesson ids
	// (QuizAttempt(lessonId); a subquery on Enrolment's primary key keeps active enrolments only, so
	// the 600,000 enrolments are never scanned), then their answers (Answer(attemptId, questionId)),
	// counted per lesson, per question and per option.
	const quizRows = await prisma.$queryRaw<
		Array<{ kind: 'lesson' | 'question' | 'option'; id: string; count: bigint; correct: bigint }>
	>`
		WITH attempts AS MATERIALIZED (
			SELECT qa.id, qa."lessonId"
			FROM "QuizAttempt" qa
			WHERE qa."lessonId" = ANY(${lessons.map((l) => l.id)}::text[])
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
	const keyById = new Map(lessons.map((l) => [l.id, l.key]))
	const attemptRows = quizRows
		.filter((r) => r.kind === 'lesson')
		.map((r) => ({ key: keyById.get(r.id)!, attempts: r.count }))
	const questionRows = quizRows
		.filter((r) => r.kind === 'question')
		.map((r) => ({ question_id: r.id, answered: r.count, correct: r.correct }))
	const optionRows = quizRows.filter((r) => r.kind === 'option').map((r) => ({ option_id: r.id, selected: r.count }))

	const enrolments = Number(totalsRow?.enrolments ?? 0)
	const completions = Number(totalsRow?.completions ?? 0)
	const completedByKey = new Map(lessonRows.map((r) => [r.key, Number(r.completed)]))
	const attemptsByKey = new Map(attemptRows.map((r) => [r.key, Number(r.attempts)]))
	const questionStats = new Map(
		questionRows.map((r) => [r.question_id, { answered: Number(r.answered), correct: Number(r.correct) }]),
	)
	const selectedByOption = new Map(optionRows.map((r) => [r.option_id, Number(r.selected)]))

	return {
		course: { id: course.id, slug: course.slug, title: version.title },
		versions: course.versions.map((v) => ({ number: v.number, status: v.status })),
		version: { id: version.id, number: version.number, status: version.status, title: version.title },
		totals: {
			enrolments,
			starts: Number(totalsRow?.starts ?? 0),
			completions,
			completionRate: ratio(completions, enrolments),
			medianSecondsToComplete: totalsRow?.median_seconds == null ? null : Number(totalsRow.median_seconds),
		},
		funnel: lessons.map((l) => {
			const completed = completedByKey.get(l.key) ?? 0
			return {
				key: l.key,
				title: l.title,
				kind: l.kind,
				moduleTitle: l.module.title,
				completed,
				rate: ratio(completed, enrolments),
			}
		}),
		quizzes: lessons
			.filter((l) => l.kind === 'QUIZ')
			.map((l) => ({
				key: l.key,
				title: l.title,
				attempts: attemptsByKey.get(l.key) ?? 0,
				questions: l.questions.map((q) => {
					const stat = questionStats.get(q.id) ?? { answered: 0, correct: 0 }
					return {
						id: q.id,
						prompt: q.prompt,
						kind: q.kind,
						answered: stat.answered,
						correct: stat.correct,
						rate: ratio(stat.correct, stat.answered),
						options: q.options.map((o) => {
							const selected = selectedByOption.get(o.id) ?? 0
							return { id: o.id, text: o.text, isCorrect: o.isCorrect, selected, rate: ratio(selected, stat.answered) }
						}),
					}
				}),
			})),
	}
}
