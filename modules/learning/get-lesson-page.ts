import { type LessonKind, prisma, type VersionStatus } from '#modules/db/client.ts'
import { LearningError } from '#modules/learning/errors.ts'
import { renderMarkdownCached } from '#modules/markdown/render-markdown-cached.ts'
import { resumePosition } from '#modules/progress/watched-ranges.ts'
import { getQuizForLearner, type LearnerQuiz } from '#modules/quizzes/get-quiz-for-learner.ts'
import type { Language } from '#modules/i18n/languages.ts'
import { loadTranslation, localise, localiseQuiz, type Translation, translationKey } from './course-translation.ts'
import { computeLessonStates, pickResumeLesson, progressPercent } from './outline.ts'
import { selectLearnerEnrolment, selectLessonMarkdown, selectVersionOutline } from './sql.ts'

export type OutlineEntry = {
	id: string
	title: string
	/** The language the title is in: English where the course has no Welsh for it. */
	lang: Language
	kind: LessonKind
	required: boolean
	estimatedMinutes: number
	completed: boolean
	locked: boolean
}

export type LessonContent =
	| {
			kind: 'VIDEO'
			playbackId: string | null
			sourceUrl: string | null
			durationSeconds: number | null
			captionsUrl: string | null
			transcript: string | null
			transcriptLang: Language
			positionSeconds: number
			watchedPercent: number
	  }
	| { kind: 'READING'; html: string; lang: Language }
	| { kind: 'QUIZ'; quiz: LearnerQuiz & { lang: Language } }

/**
 * Loads the learner's view of their course: the outline (modules and lessons with ticks and locks),
 * where they are, and the current lesson's content, in a constant number of queries however large
 * the course is: the enrolment with the learner's progress rows, the version's modules with their
 * lessons (light fields only; cached per published version), then the content of the one current
 * lesson.
 *
 * Only an ACTIVE enrolment of this learner opens the course (`forbidden` NOT_ENROLLED otherwise, so
 * the route can send them to the course page); a lesson id that is not in the enrolled version is
 * `not_found`. A locked lesson (sequential courses) comes back with `content: null`: its Markdown,
 * video address and questions are never read, let alone sent. Without `lessonId` the lesson to
 * resume is chosen.
 */
export async function getLessonPage({
	userId,
	courseSlug,
	lessonId,
	language = 'en',
}: {
	userId: string
	courseSlug: string
	lessonId?: string
	/** The reader's language: the version's texts in it where the trainer wrote them (ADR 0041). */
	language?: Language
}) {
	const { enrolment, modules, progress } = await loadCourseForLearner({ userId, courseSlug })
	const translation = await loadTranslation({ versionId: enrolment.versionId, language })
	const title = (kind: 'module' | 'lesson', item: { id: string; title: string }) =>
		localise(translation, translationKey(kind, item.id, 'title'), item.title)
	const lessons = modules.flatMap((m) => m.lessons)
	const completedIds = new Set(progress.filter((p) => p.status === 'COMPLETED').map((p) => p.lessonId))
	const states = computeLessonStates({ lessons, completedIds, sequential: enrolment.version.sequential })
	const currentId = lessonId ?? pickResumeLesson({ lessons, progress, states })
	const index = lessons.findIndex((l) => l.id === currentId)
	const lesson = lessons[index]
	if (!lesson) throw new LearningError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson in this course.')
	const state = states.get(lesson.id)!
	const moduleOfLesson = modules.find((m) => m.lessons.some((l) => l.id === lesson.id))!
	const previous = lessons[index - 1]
	const next = lessons[index + 1]
	const row = progress.find((p) => p.lessonId === lesson.id)

	const content = state.locked ? null : await loadContent({ userId, lesson, row, cycle: enrolment.cycle, translation })
	const courseTitle = localise(translation, translationKey('course', null, 'title'), enrolment.version.title)
	const lessonTitle = title('lesson', lesson)
	const moduleTitle = title('module', moduleOfLesson)

	return {
		course: {
			id: enrolment.courseId,
			slug: courseSlug,
			title: courseTitle.text,
			titleLang: courseTitle.lang,
			/** True when the version has a translation into the reader's language (not English). */
			translated: translation.exists,
			sequential: enrolment.version.sequential,
			completedAt: enrolment.completedAt,
			progressPercent: enrolment.completedAt ? 100 : progressPercent({ lessons, completedIds }),
		},
		outline: modules.map((m) => ({
			id: m.id,
			title: title('module', m).text,
			lang: title('module', m).lang,
			lessons: m.lessons.map((l): OutlineEntry => ({
				id: l.id,
				title: title('lesson', l).text,
				lang: title('lesson', l).lang,
				kind: l.kind,
				required: l.required,
				estimatedMinutes: l.estimatedMinutes,
				...states.get(l.id)!,
			})),
		})),
		lesson: {
			id: lesson.id,
			title: lessonTitle.text,
			titleLang: lessonTitle.lang,
			kind: lesson.kind,
			required: lesson.required,
			estimatedMinutes: lesson.estimatedMinutes,
			moduleTitle: moduleTitle.text,
			moduleTitleLang: moduleTitle.lang,
			number: index + 1,
			total: lessons.length,
			...state,
		},
		previous: previous
			? { id: previous.id, ...withLang(title('lesson', previous)), locked: states.get(previous.id)!.locked }
			: null,
		next: next ? { id: next.id, ...withLang(title('lesson', next)), locked: states.get(next.id)!.locked } : null,
		content,
	}
}

function withLang(localised: { text: string; lang: Language }) {
	return { title: localised.text, lang: localised.lang }
}

export type LessonPage = Awaited<ReturnType<typeof getLessonPage>>

/**
 * The lesson to open when a learner arrives at /learn/<course> without naming one. Same queries and
 * rules as the player, without loading any lesson content.
 */
export async function findResumeLesson({ userId, courseSlug }: { userId: string; courseSlug: string }) {
	const { enrolment, modules, progress } = await loadCourseForLearner({ userId, courseSlug })
	const lessons = modules.flatMap((m) => m.lessons)
	const completedIds = new Set(progress.filter((p) => p.status === 'COMPLETED').map((p) => p.lessonId))
	const states = computeLessonStates({ lessons, completedIds, sequential: enrolment.version.sequential })
	return { lessonId: pickResumeLesson({ lessons, progress, states }) }
}

/**
 * The learner's active enrolment on the course, its version's modules and lessons in order, and the
 * learner's progress rows: the lesson page's hot reads (exported for the Prisma-against-pg bench,
 * which must time exactly these). One statement for the enrolment with its progress, and one for
 * the outline unless it is in the outline cache. Not enrolled is `forbidden`.
 */
export async function loadCourseForLearner({ userId, courseSlug }: { userId: string; courseSlug: string }) {
	const row = await selectLearnerEnrolment({ userId, courseSlug })
	if (!row) {
		throw new LearningError('forbidden', 'NOT_ENROLLED', 'Enrol on this course to open its lessons.')
	}
	const { progress, ...enrolment } = row
	const modules = await versionOutline({ versionId: enrolment.versionId, status: enrolment.version.status })
	return { enrolment, modules, progress }
}

export type VersionOutline = Array<{
	id: string
	title: string
	lessons: Array<{ id: string; title: string; kind: LessonKind; required: boolean; estimatedMinutes: number }>
}>

/** About a hundred large courses' outlines; a typical one is a few kilobytes. */
export const OUTLINE_CACHE_MAX_BYTES = 2_000_000
const outlineCache = new Map<string, { outline: VersionOutline; bytes: number }>()
let outlineCacheBytes = 0

/**
 * A version's modules and lessons (titles, kinds, minutes), from an in-process LRU cache bounded in
 * bytes. Published and archived versions are never edited (modules/authoring/access.ts
 * requireDraftVersion), so an outline cached by version id can never be stale, in this process or
 * any other; a draft's (which only a preview would show) is read every time.
 */
async function versionOutline({ versionId, status }: { versionId: string; status: VersionStatus }) {
	const cacheable = status !== 'DRAFT'
	const hit = cacheable ? outlineCache.get(versionId) : undefined
	if (hit) {
		// Re-insert to mark it most recently used (a Map iterates in insertion order).
		outlineCache.delete(versionId)
		outlineCache.set(versionId, hit)
		return hit.outline
	}
	const outline: VersionOutline = []
	for (const row of await selectVersionOutline({ versionId })) {
		let module = outline.at(-1)
		if (module?.id !== row.moduleId) outline.push((module = { id: row.moduleId, title: row.moduleTitle, lessons: [] }))
		if (row.id === null) continue
		module.lessons.push({
			id: row.id,
			title: row.title!,
			kind: row.kind!,
			required: row.required!,
			estimatedMinutes: row.estimatedMinutes!,
		})
	}
	if (cacheable) {
		// UTF-16: two bytes a character, a rough but safe bound on what the strings hold.
		const bytes = 2 * JSON.stringify(outline).length
		if (bytes <= OUTLINE_CACHE_MAX_BYTES / 4) {
			outlineCache.set(versionId, { outline, bytes })
			outlineCacheBytes += bytes
			for (const [key, entry] of outlineCache) {
				if (outlineCacheBytes <= OUTLINE_CACHE_MAX_BYTES) break
				outlineCache.delete(key)
				outlineCacheBytes -= entry.bytes
			}
		}
	}
	return outline
}

/** Bytes the outline cache holds now (for tests). */
export function outlineCacheSize() {
	return { entries: outlineCache.size, bytes: outlineCacheBytes }
}

async function loadContent({
	userId,
	lesson,
	row,
	cycle,
	translation,
}: {
	userId: string
	lesson: { id: string; kind: LessonKind }
	cycle: number
	translation: Translation
	row: { positionSeconds: number; secondsWatched: number } | undefined
}): Promise<LessonContent> {
	switch (lesson.kind) {
		case 'VIDEO': {
			const video = await prisma.lesson.findUniqueOrThrow({
				where: { id: lesson.id },
				select: {
					videoPlaybackId: true,
					videoSourceUrl: true,
					videoDurationSeconds: true,
					captionsUrl: true,
					transcript: true,
				},
			})
			const duration = video.videoDurationSeconds
			const watched = row?.secondsWatched ?? 0
			const transcript = video.transcript
				? localise(translation, translationKey('lesson', lesson.id, 'transcript'), video.transcript)
				: null
			return {
				kind: 'VIDEO',
				playbackId: video.videoPlaybackId,
				sourceUrl: video.videoSourceUrl,
				durationSeconds: duration,
				captionsUrl: video.captionsUrl,
				transcript: transcript?.text ?? null,
				transcriptLang: transcript?.lang ?? translation.language,
				positionSeconds: resumePosition(row?.positionSeconds ?? 0, duration),
				watchedPercent: duration ? Math.min(100, Math.floor((watched / duration) * 100)) : 0,
			}
		}
		case 'READING': {
			// Raw: Prisma compiles every query it is given on every call, and this is the hot page.
			const reading = await selectLessonMarkdown({ lessonId: lesson.id })
			if (!reading)
				throw new LearningError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson in this course.')
			const markdown = localise(translation, translationKey('lesson', lesson.id, 'markdown'), reading.markdown ?? '')
			return { kind: 'READING', html: renderMarkdownCached(markdown.text), lang: markdown.lang }
		}
		case 'QUIZ': {
			return {
				kind: 'QUIZ',
				quiz: localiseQuiz(translation, await getQuizForLearner({ userId, lessonId: lesson.id, cycle })),
			}
		}
	}
}
