// The studio's preview: any version of a course as a learner would see it, without an enrolment.
// It only reads; a quiz answered in preview is marked in memory and nothing is recorded.
import { prisma } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import type { LessonContent, OutlineEntry } from '#modules/learning/get-lesson-page.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import type { AttemptResult, LearnerQuiz } from '#modules/quizzes/get-quiz-for-learner.ts'
import { answerProblemError, markQuiz } from '#modules/quizzes/mark-quiz.ts'
import { assertCanEditCourse } from './access.ts'
import { loadVersionTree } from './content.ts'

export type PreviewAnswer = { questionId: string; optionIds?: string[]; text?: string; scaleValue?: number }

/**
 * A version (the draft, else the published one, or `versionNumber`) with its outline and one lesson's
 * content shaped exactly as the learner player receives it (Markdown rendered by renderMarkdown).
 * Without `lessonId` the first lesson is shown. With `answers`, the quiz is marked by markQuiz (as a
 * learner's attempt is) and the result shown with every right answer revealed; nothing is written.
 * Answers a learner could not submit are refused with the same `invalid` error.
 */
export async function getCoursePreview({
	courseId,
	actorId,
	versionNumber,
	lessonId,
	answers,
	now = new Date(),
}: {
	courseId: string
	actorId: string
	versionNumber?: number
	lessonId?: string
	/** The answers as a learner's form sends them (markQuiz checks their shape). */
	answers?: unknown
	/** When the preview attempt counts as submitted. */
	now?: Date
}) {
	await assertCanEditCourse({ courseId, actorId })
	const versions = await prisma.courseVersion.findMany({
		where: { courseId },
		orderBy: { number: 'desc' },
		select: { id: true, number: true, status: true, title: true, sequential: true },
	})
	const version =
		versionNumber != null
			? versions.find((v) => v.number === versionNumber)
			: (versions.find((v) => v.status === 'DRAFT') ?? versions.find((v) => v.status === 'PUBLISHED') ?? versions[0])
	if (!version) throw new AuthoringError('not_found', 'VERSION_NOT_FOUND', 'This course has no such version.')
	const tree = await loadVersionTree(prisma, version.id)
	const lessons = tree.flatMap((m) => m.lessons)
	const lesson = lessonId ? lessons.find((l) => l.id === lessonId) : lessons[0]
	if (lessonId && !lesson)
		throw new AuthoringError('not_found', 'LESSON_NOT_FOUND', 'That lesson is not in this version.')
	const index = lesson ? lessons.indexOf(lesson) : -1
	const moduleOfLesson = lesson ? tree.find((m) => m.lessons.includes(lesson)) : undefined

	let content: LessonContent | null = null
	if (lesson) {
		if (lesson.kind === 'READING') content = { kind: 'READING', html: renderMarkdown(lesson.markdown ?? ''), lang: 'en' }
		if (lesson.kind === 'VIDEO')
			content = {
				kind: 'VIDEO',
				playbackId: lesson.videoPlaybackId,
				sourceUrl: lesson.videoSourceUrl,
				durationSeconds: lesson.videoDurationSeconds,
				captionsUrl: lesson.captionsUrl,
				transcript: lesson.transcript,
				transcriptLang: 'en',
				positionSeconds: 0,
				watchedPercent: 0,
			}
		if (lesson.kind === 'QUIZ') {
			const quiz: LearnerQuiz = {
				passMark: lesson.passMark ?? 0,
				maxAttempts: lesson.maxAttempts,
				attemptsUsed: 0,
				attemptsRemaining: lesson.maxAttempts,
				passed: false,
				canAttempt: true,
				questions: lesson.questions.map((q) => ({
					id: q.id,
					kind: q.kind,
					prompt: q.prompt,
					guidance: q.guidance,
					scaleMin: q.scaleMin,
					scaleMax: q.scaleMax,
					scaleMinLabel: q.scaleMinLabel,
					scaleMaxLabel: q.scaleMaxLabel,
					options: q.options.map((o) => ({ id: o.id, text: o.text })),
				})),
				reflections: {},
				attempts: [],
				lastResult: answers ? gradeInMemory(lesson, answers, now) : null,
			}
			content = { kind: 'QUIZ', quiz: { ...quiz, lang: 'en' } }
		}
	}

	return {
		course: { id: courseId, title: version.title, sequential: version.sequential },
		version: { number: version.number, status: version.status },
		versions: versions.map((v) => ({ number: v.number, status: v.status })),
		outline: tree.map((m) => ({
			id: m.id,
			title: m.title,
			lessons: m.lessons.map((l): OutlineEntry => ({
				id: l.id,
				title: l.title,
				lang: 'en',
				kind: l.kind,
				required: l.required,
				estimatedMinutes: l.estimatedMinutes,
				completed: false,
				locked: false,
			})),
		})),
		lesson: lesson
			? {
					id: lesson.id,
					title: lesson.title,
					kind: lesson.kind,
					required: lesson.required,
					estimatedMinutes: lesson.estimatedMinutes,
					moduleTitle: moduleOfLesson?.title ?? '',
					number: index + 1,
					total: lessons.length,
				}
			: null,
		previous: index > 0 ? { id: lessons[index - 1]!.id, title: lessons[index - 1]!.title } : null,
		next:
			index >= 0 && index < lessons.length - 1
				? { id: lessons[index + 1]!.id, title: lessons[index + 1]!.title }
				: null,
		content,
	}
}

export type CoursePreview = Awaited<ReturnType<typeof getCoursePreview>>

type GradingLesson = Awaited<ReturnType<typeof loadVersionTree>>[number]['lessons'][number]

/**
 * Marks the answers with markQuiz, the rule a learner's attempt is marked by, and shapes the result
 * as a learner's revealed attempt. Answers markQuiz refuses are the same `invalid` error a learner
 * would get.
 */
function gradeInMemory(lesson: GradingLesson, answers: unknown, now: Date): AttemptResult {
	const marking = markQuiz({ questions: lesson.questions, passMark: lesson.passMark, answers })
	if (!marking.valid) throw answerProblemError(marking.problems)
	const byQuestion = new Map(marking.answers.map((a) => [a.questionId, a]))
	return {
		number: 1,
		scorePercent: marking.scorePercent,
		passed: marking.passed,
		submittedAt: now,
		revealed: true,
		questions: lesson.questions.map((q) => {
			const answer = byQuestion.get(q.id)
			const chosen = new Set(answer?.optionIds ?? [])
			return {
				questionId: q.id,
				correct: answer?.isCorrect ?? null,
				text: answer?.text ?? null,
				scaleValue: answer?.scaleValue ?? null,
				explanation: q.explanation,
				options: q.options.map((o) => ({
					id: o.id,
					selected: chosen.has(o.id),
					correct: o.isCorrect,
					feedback: o.feedback,
				})),
			}
		}),
	}
}
