// Test data for the learning context (enrolment, progress, quizzes). Every call makes its own rows
// with unique slugs, emails and feedback strings, so tests never depend on the seed or on each other
// (test files in one vitest worker share a database).
import { prisma, type EnrolmentSource, type LessonKind, type QuestionKind, type Role } from '#modules/db/client.ts'

let counter = 0
function unique(prefix: string) {
	counter += 1
	return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

export async function createUser({ name, role = 'LEARNER' }: { name?: string; role?: Role } = {}) {
	const email = `${unique('learner')}@example.com`
	return prisma.user.create({
		data: { email, name: name ?? 'Test Learner', role, emailVerifiedAt: new Date() },
		select: { id: true, email: true, name: true },
	})
}

export type CreatedOption = { id: string; text: string; isCorrect: boolean; feedback: string }
export type CreatedQuestion = {
	id: string
	kind: QuestionKind
	prompt: string
	explanation: string | null
	scaleMin: number | null
	scaleMax: number | null
	options: CreatedOption[]
}
export type CreatedLesson = {
	id: string
	key: string
	kind: LessonKind
	title: string
	required: boolean
	moduleIndex: number
	videoDurationSeconds: number | null
	markdown: string | null
	videoSourceUrl: string | null
	questions: CreatedQuestion[]
}

export type CreateCourseOptions = {
	modules?: number
	/** The kinds of each module's lessons, in order (default: video, reading, quiz). */
	lessonKinds?: LessonKind[]
	pricePence?: number
	sequential?: boolean
	videoDurationSeconds?: number
	passMark?: number
	maxAttempts?: number | null
	/** Which quiz questions to create, in order (default: SINGLE, MULTIPLE, REFLECTION, SCALE). */
	questionKinds?: QuestionKind[]
	/** Indexes (in course order) of lessons that are optional. */
	optionalLessons?: number[]
	markdown?: string
	published?: boolean
}

/**
 * Creates a course with one version (published by default): `modules` modules, each holding one
 * lesson of every kind in `lessonKinds`. Quizzes get a SINGLE question (one correct option of three),
 * a MULTIPLE one (two correct of four), a REFLECTION and a SCALE 1–5, with unique feedback and
 * explanation strings so tests can look for them in what a learner is sent.
 */
export async function createCourse(options: CreateCourseOptions = {}) {
	const {
		modules = 2,
		lessonKinds = ['VIDEO', 'READING', 'QUIZ'],
		pricePence = 0,
		sequential = false,
		videoDurationSeconds = 100,
		passMark = 70,
		maxAttempts = null,
		questionKinds = ['SINGLE', 'MULTIPLE', 'REFLECTION', 'SCALE'],
		optionalLessons = [],
		markdown = '## A heading\n\nSome *reading* with a [link](https://example.org/page).',
		published = true,
	} = options
	const slug = unique('learn-course')
	const course = await prisma.course.create({
		data: { slug, pricePence, sectors: ['FOUNDATIONS'] },
		select: { id: true },
	})
	const version = await prisma.courseVersion.create({
		data: {
			courseId: course.id,
			number: 1,
			status: published ? 'PUBLISHED' : 'DRAFT',
			title: `Course ${slug}`,
			summary: 'A course for tests.',
			cpdMinutes: 60,
			outcomes: ['Learn things'],
			sequential,
			publishedAt: published ? new Date() : null,
		},
		select: { id: true, title: true },
	})
	if (published) await prisma.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } })

	const lessons: CreatedLesson[] = []
	let n = 0
	for (let m = 0; m < modules; m++) {
		const mod = await prisma.module.create({
			data: { versionId: version.id, position: m, title: `Module ${m + 1}` },
			select: { id: true },
		})
		for (const [position, kind] of lessonKinds.entries()) {
			const index = n++
			const tag = unique('q')
			const lesson = await prisma.lesson.create({
				data: {
					moduleId: mod.id,
					versionId: version.id,
					key: `lesson-${index}`,
					position,
					kind,
					title: `${kind.toLowerCase()} lesson ${index + 1}`,
					required: !optionalLessons.includes(index),
					markdown: kind === 'READING' ? markdown : null,
					videoSourceUrl: kind === 'VIDEO' ? '/media/demo-lesson.mp4' : null,
					videoDurationSeconds: kind === 'VIDEO' ? videoDurationSeconds : null,
					captionsUrl: kind === 'VIDEO' ? '/media/demo-lesson.en.vtt' : null,
					transcript: kind === 'VIDEO' ? 'What the video says.' : null,
					passMark: kind === 'QUIZ' ? passMark : null,
					maxAttempts: kind === 'QUIZ' ? maxAttempts : null,
					questions:
						kind === 'QUIZ'
							? { create: questionKinds.map((qk, qi) => questionData(qk, qi, `${tag}-${qi}`)) }
							: undefined,
				},
				select: {
					id: true,
					key: true,
					kind: true,
					title: true,
					required: true,
					videoDurationSeconds: true,
					markdown: true,
					videoSourceUrl: true,
					questions: {
						orderBy: { position: 'asc' },
						select: {
							id: true,
							kind: true,
							prompt: true,
							explanation: true,
							scaleMin: true,
							scaleMax: true,
							options: {
								orderBy: { position: 'asc' },
								select: { id: true, text: true, isCorrect: true, feedback: true },
							},
						},
					},
				},
			})
			lessons.push({
				...lesson,
				moduleIndex: m,
				questions: lesson.questions.map((q) => ({
					...q,
					options: q.options.map((o) => ({ ...o, feedback: o.feedback ?? '' })),
				})),
			})
		}
	}
	return { id: course.id, slug, versionId: version.id, title: version.title, lessons }
}

export type CreatedCourse = Awaited<ReturnType<typeof createCourse>>

function questionData(kind: QuestionKind, position: number, tag: string) {
	switch (kind) {
		case 'SINGLE':
			return {
				position,
				kind,
				prompt: `Pick one (${tag})`,
				explanation: `explanation-single-${tag}`,
				options: {
					create: [0, 1, 2].map((i) => ({
						position: i,
						text: `single option ${i}`,
						isCorrect: i === 1,
						feedback: `feedback-single-${i}-${tag}`,
					})),
				},
			}
		case 'MULTIPLE':
			return {
				position,
				kind,
				prompt: `Pick all that apply (${tag})`,
				explanation: `explanation-multiple-${tag}`,
				options: {
					create: [0, 1, 2, 3].map((i) => ({
						position: i,
						text: `multiple option ${i}`,
						isCorrect: i === 0 || i === 2,
						feedback: `feedback-multiple-${i}-${tag}`,
					})),
				},
			}
		case 'REFLECTION':
			return { position, kind, prompt: `Reflect on your practice (${tag})`, guidance: 'Think of a recent example.' }
		case 'SCALE':
			return {
				position,
				kind,
				prompt: `How confident are you? (${tag})`,
				scaleMin: 1,
				scaleMax: 5,
				scaleMinLabel: 'Not at all',
				scaleMaxLabel: 'Very',
			}
	}
}

/** Enrols a learner directly (bypassing the enrolment rules, for tests of other things). */
export async function createEnrolment({
	userId,
	course,
	source = 'FREE',
}: {
	userId: string
	course: { id: string; versionId: string }
	source?: EnrolmentSource
}) {
	return prisma.enrolment.create({
		data: { userId, courseId: course.id, versionId: course.versionId, source },
		select: { id: true, userId: true, courseId: true, versionId: true },
	})
}

/** Marks lessons COMPLETED for a learner directly, as if they had done them. */
export async function markLessonsCompleted({
	userId,
	enrolmentId,
	lessons,
}: {
	userId: string
	enrolmentId: string
	lessons: Array<{ id: string; key: string }>
}) {
	await prisma.lessonProgress.createMany({
		data: lessons.map((l) => ({
			userId,
			enrolmentId,
			lessonId: l.id,
			lessonKey: l.key,
			status: 'COMPLETED' as const,
			completedAt: new Date(),
		})),
	})
}

/** A passing set of answers for a factory quiz (the correct options, some reflection text, a scale value). */
export function correctAnswers(lesson: CreatedLesson) {
	return lesson.questions.map((q) => answerFor(q, true))
}

/** A failing set of answers for a factory quiz: every marked question wrong. */
export function wrongAnswers(lesson: CreatedLesson) {
	return lesson.questions.map((q) => answerFor(q, false))
}

function answerFor(q: CreatedQuestion, correct: boolean) {
	switch (q.kind) {
		case 'SINGLE':
			return { questionId: q.id, optionIds: [q.options.find((o) => o.isCorrect === correct)!.id] }
		case 'MULTIPLE':
			return { questionId: q.id, optionIds: q.options.filter((o) => o.isCorrect === correct).map((o) => o.id) }
		case 'REFLECTION':
			return { questionId: q.id, text: 'I noticed that I tend to rescue people when I am tired.' }
		case 'SCALE':
			return { questionId: q.id, scaleValue: 3 }
	}
}
