import { createMemoCache } from '#modules/cache/memo-cache.ts'
import { createSharedRead } from '#modules/cache/shared-read.ts'
import { prisma } from '#modules/db/client.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { AnalyticsError } from '#modules/analytics/errors.ts'
import { assertCanEditCourse } from './access.ts'
import { countVersionFigures, readFiguresStamp, type VersionFigures } from './count-version-figures.ts'
import { selectCourseVersions, selectVersionLessons, selectVersionMarkedOptions } from './sql.ts'

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

/**
 * The aggregates per version id, kept while the stamp is unchanged. Five minutes is only a safety
 * net (the stamp already changes with every write); 200 versions of figures are a few hundred KB.
 */
const figuresCache = createMemoCache<VersionFigures>({ ttlMs: 5 * 60_000, maxEntries: 200 })

/**
 * The stamp is read afresh for every view, but views of one course arriving together share a read
 * (one that started after they arrived), so a burst of trainers costs two scans, not one each.
 */
const stampReaders = new WeakMap<ReadDb, (courseId: string) => Promise<string>>()
// One shared read per client: a reader of the primary never shares a stamp the replica read.
function readStamp(courseId: string, db: ReadDb) {
	let read = stampReaders.get(db)
	if (!read) stampReaders.set(db, (read = createSharedRead((id) => readFiguresStamp({ courseId: id, db }))))
	return read(courseId)
}

function ratio(part: number, whole: number) {
	return whole > 0 ? part / whole : null
}

/**
 * How learners on one version of a course are doing, for its trainers: enrolments, starts,
 * completions, completion rate, median time from enrolment to completion, completions per lesson
 * in course order (the drop-off funnel), and item analysis of every marked quiz question (share
 * correct; share choosing each option). Revoked enrolments are left out. Everything is aggregated
 * in PostgreSQL, so the number of queries is the same for 3 learners or 30,000; the aggregates are
 * then kept in memory until the course's enrolments change (see readFiguresStamp), so a repeated
 * view costs a few small queries and still shows exact, live figures. `versionNumber` defaults to
 * the published version (else the newest).
 */
export async function getCourseAnalytics({
	actorId,
	courseId,
	versionNumber,
	db = prisma,
}: {
	actorId: string
	courseId: string
	versionNumber?: number | null
	/**
	 * Where the figures are read: readDb(request) (the replica when it is safe), else the primary.
	 * The access check always reads the primary, so a trainer who loses access is refused at once.
	 */
	db?: ReadDb
}): Promise<CourseAnalytics> {
	await assertCanEditCourse({ actorId, courseId })
	const [versionRows, stamp] = await Promise.all([
		// The course (it exists: the access check said so) and its versions, newest first.
		selectCourseVersions({ courseId, db }),
		readStamp(courseId, db),
	])
	const [first] = versionRows
	if (!first) throw new AnalyticsError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')
	const course = {
		id: first.id,
		slug: first.slug,
		publishedVersionId: first.publishedVersionId,
		versions: versionRows
			.filter((v) => v.versionId !== null)
			.map((v) => ({ id: v.versionId!, number: v.number, status: v.status, title: v.title })),
	}
	const version =
		versionNumber != null
			? course.versions.find((v) => v.number === versionNumber)
			: (course.versions.find((v) => v.id === course.publishedVersionId) ?? course.versions[0])
	if (!version) throw new AnalyticsError('not_found', 'VERSION_NOT_FOUND', 'This course has no such version.')

	const lessons = await readVersionOutline(version.id, db)

	// Only the aggregates are cached: the access check above and the course, version and lesson
	// queries run on every view, so a trainer who loses access is refused and a renamed lesson shows
	// at once. The stamp is read before the aggregates, so a change committed in between at worst
	// makes the next view count again; the lesson ids are part of it because the quiz query uses them.
	const lessonIds = lessons.map((l) => l.id)
	const figures = await figuresCache.get(version.id, () => countVersionFigures({ versionId: version.id, lessonIds, db }), {
		stamp: `${stamp}|${lessonIds.join(',')}`,
	})
	const { enrolments, completions } = figures.totals

	return {
		course: { id: course.id, slug: course.slug, title: version.title },
		versions: course.versions.map((v) => ({ number: v.number, status: v.status })),
		version: { id: version.id, number: version.number, status: version.status, title: version.title },
		totals: {
			enrolments,
			starts: figures.totals.starts,
			completions,
			completionRate: ratio(completions, enrolments),
			medianSecondsToComplete: figures.totals.medianSeconds,
		},
		funnel: lessons.map((l) => {
			const completed = figures.completedByKey.get(l.key) ?? 0
			return {
				key: l.key,
				title: l.title,
				kind: l.kind,
				moduleTitle: l.moduleTitle,
				completed,
				rate: ratio(completed, enrolments),
			}
		}),
		quizzes: lessons
			.filter((l) => l.kind === 'QUIZ')
			.map((l) => ({
				key: l.key,
				title: l.title,
				attempts: figures.attemptsByLessonId.get(l.id) ?? 0,
				questions: l.questions.map((q) => {
					const stat = figures.answersByQuestionId.get(q.id) ?? { answered: 0, correct: 0 }
					return {
						id: q.id,
						prompt: q.prompt,
						kind: q.kind,
						answered: stat.answered,
						correct: stat.correct,
						rate: ratio(stat.correct, stat.answered),
						options: q.options.map((o) => {
							const selected = figures.selectedByOptionId.get(o.id) ?? 0
							return { id: o.id, text: o.text, isCorrect: o.isCorrect, selected, rate: ratio(selected, stat.answered) }
						}),
					}
				}),
			})),
	}
}

type OutlineQuestion = {
	id: string
	prompt: string
	kind: string
	options: Array<{ id: string; text: string; isCorrect: boolean }>
}

/**
 * The version's lessons in course order with their module titles, and the marked (single and
 * multiple choice) questions of each with their options in order. Two raw statements: Prisma's
 * nested select sends four, and compiles the query in JavaScript on every call.
 */
async function readVersionOutline(versionId: string, db: ReadDb) {
	const [lessons, options] = await Promise.all([
		selectVersionLessons({ versionId, db }),
		selectVersionMarkedOptions({ versionId, db }),
	])
	const questionsByLesson = new Map<string, OutlineQuestion[]>()
	const questionById = new Map<string, OutlineQuestion>()
	for (const row of options) {
		let question = questionById.get(row.questionId)
		if (!question) {
			question = { id: row.questionId, prompt: row.prompt, kind: row.questionKind, options: [] }
			questionById.set(row.questionId, question)
			const list = questionsByLesson.get(row.lessonId)
			if (list) list.push(question)
			else questionsByLesson.set(row.lessonId, [question])
		}
		if (row.optionId) question.options.push({ id: row.optionId, text: row.text!, isCorrect: row.isCorrect! })
	}
	return lessons.map((l) => ({ ...l, questions: questionsByLesson.get(l.id) ?? [] }))
}
