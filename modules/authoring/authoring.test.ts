import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { getLessonPage } from '#modules/learning/get-lesson-page.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { courseDetails, createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { correctAnswers, createEnrolment, createUser, markLessonsCompleted } from '#tests/factories/learning.ts'
import { loadVersionTree } from './content.ts'
import { addCoAuthor, removeCoAuthor } from './co-authors.ts'
import { createCourse } from './create-course.ts'
import { createDraftVersion } from './create-draft-version.ts'
import { getLessonForEditor, LessonConflictError, saveLessonContent } from './lesson-content.ts'
import { listMyCourses } from './list-my-courses.ts'
import { moveEnrolmentToVersion, previewMoveToVersion } from './move-enrolment-to-version.ts'
import { getCoursePreview } from './preview-course.ts'
import { getPublishReview, publishCourse } from './publish-course.ts'
import { addLesson, addModule, deleteLesson, moveLesson, renameModule } from './structure.ts'

afterAll(releaseTestResources)

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('Expected a rejection')
}

async function trainer() {
	return (await createSignedInUser()).user
}

/** A published course owned by a new trainer, and its draft (copied from the published version). */
async function courseWithDraft(
	options: Parameters<typeof createAuthoredCourse>[0] extends infer O ? Omit<O & object, 'ownerId'> : never = {},
) {
	const owner = await trainer()
	const course = await createAuthoredCourse({ ownerId: owner.id, ...options })
	const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
	const draftLessons = await prisma.lesson.findMany({
		where: { versionId: draft.versionId },
		orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
	})
	return { owner, course, draft, draftLessons }
}

function readingContent(lesson: { title: string }, markdown: string) {
	return { title: lesson.title, required: true, estimatedMinutes: 5, markdown }
}

describe('creating a course', () => {
	test('creates the course, its OWNER and a draft version 1 in pence and minutes', async () => {
		const owner = await trainer()
		const input = courseDetails({ pricePounds: 49.99, cpdHours: 1.25 })
		const { courseId } = await createCourse({ actorId: owner.id, input })
		const course = await prisma.course.findUniqueOrThrow({
			where: { id: courseId },
			select: { slug: true, pricePence: true, publishedVersionId: true, authors: true, versions: true },
		})
		expect(course.pricePence).toBe(4999)
		expect(course.publishedVersionId).toBeNull()
		expect(course.authors).toEqual([expect.objectContaining({ userId: owner.id, role: 'OWNER' })])
		expect(course.versions).toHaveLength(1)
		expect(course.versions[0]).toMatchObject({ number: 1, status: 'DRAFT', cpdMinutes: 75 })
		expect(course.versions[0]!.outcomes).toEqual([
			'Use the restorative questions',
			'Repair harm with the people affected',
		])
		const listed = await listMyCourses({ actorId: owner.id })
		expect(listed).toEqual([expect.objectContaining({ id: courseId, status: 'draft', draftVersionNumber: 1 })])
	})

	test('a duplicate slug is refused on the slug field and nothing is saved', async () => {
		const owner = await trainer()
		const first = courseDetails()
		await createCourse({ actorId: owner.id, input: first })
		const before = await prisma.courseVersion.count()
		const error = await thrown(createCourse({ actorId: owner.id, input: { ...courseDetails(), slug: first.slug } }))
		expect(isDomainError(error) && error.field).toBe('slug')
		expect((error as Error).message).toMatch(/already uses that web address/)
		expect(await prisma.courseVersion.count()).toBe(before)
	})

	test('reserved slugs and a learner actor are refused', async () => {
		const owner = await trainer()
		for (const slug of ['new', 'progress', 'reflection', 'enrol', 'buy']) {
			const error = await thrown(createCourse({ actorId: owner.id, input: courseDetails({ slug }) }))
			expect(isDomainError(error) && error.field).toBe('slug')
		}
		const learner = await createUser()
		const error = await thrown(createCourse({ actorId: learner.id, input: courseDetails() }))
		expect(isDomainError(error) && error.kind).toBe('forbidden')
	})
})

describe('drafts of a published course', () => {
	test('the draft copies modules, lessons (keeping keys), questions and options, and learners stay put', async () => {
		const owner = await trainer()
		const course = await createAuthoredCourse({ ownerId: owner.id })
		const learner = await createUser()
		const enrolment = await createEnrolment({ userId: learner.id, course })
		const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
		expect(draft).toMatchObject({ number: 2, created: true })
		const [published, copy] = await Promise.all([
			loadVersionTree(prisma, course.versionId),
			loadVersionTree(prisma, draft.versionId),
		])
		expect(copy.map((m) => m.title)).toEqual(published.map((m) => m.title))
		const keys = (tree: typeof copy) => tree.flatMap((m) => m.lessons.map((l) => l.key))
		expect(keys(copy)).toEqual(keys(published))
		const quiz = (tree: typeof copy) => tree.flatMap((m) => m.lessons).find((l) => l.kind === 'QUIZ')!
		expect(quiz(copy).questions.map((q) => q.options.map((o) => [o.text, o.isCorrect, o.feedback]))).toEqual(
			quiz(published).questions.map((q) => q.options.map((o) => [o.text, o.isCorrect, o.feedback])),
		)
		expect(quiz(copy).id).not.toBe(quiz(published).id)
		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).versionId).toBe(course.versionId)
		// A second call returns the same draft.
		expect(await createDraftVersion({ courseId: course.id, actorId: owner.id })).toMatchObject({
			versionId: draft.versionId,
			created: false,
		})
	})

	test('published lessons cannot be saved (409) and other trainers cannot touch the course', async () => {
		const owner = await trainer()
		const other = await trainer()
		const course = await createAuthoredCourse({ ownerId: owner.id })
		const reading = course.lessons.find((l) => l.kind === 'READING')!
		const error = await thrown(
			saveLessonContent({
				courseId: course.id,
				lessonId: reading.id,
				actorId: owner.id,
				revision: 1,
				content: readingContent(reading, 'New'),
			}),
		)
		expect(isDomainError(error) && error.kind).toBe('conflict')
		const denied = await thrown(createDraftVersion({ courseId: course.id, actorId: other.id }))
		expect(isDomainError(denied) && denied.kind).toBe('forbidden')
		expect(await prisma.courseVersion.count({ where: { courseId: course.id } })).toBe(1)
	})
})

describe('saving lessons', () => {
	test('two saves from the same revision: exactly one succeeds, the other is a conflict carrying the saved text', async () => {
		const { owner, course, draftLessons } = await courseWithDraft()
		const reading = draftLessons.find((l) => l.kind === 'READING')!
		const results = await Promise.allSettled(
			['First author’s text', 'Second author’s text'].map((markdown) =>
				saveLessonContent({
					courseId: course.id,
					lessonId: reading.id,
					actorId: owner.id,
					revision: reading.revision,
					content: readingContent(reading, markdown),
				}),
			),
		)
		const ok = results.filter((r) => r.status === 'fulfilled')
		const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
		expect(ok).toHaveLength(1)
		expect(failed).toHaveLength(1)
		const conflict = failed[0]!.reason as LessonConflictError
		expect(conflict).toBeInstanceOf(LessonConflictError)
		expect(conflict.message).toBe('Someone else saved this lesson since you opened it')
		const saved = await prisma.lesson.findUniqueOrThrow({ where: { id: reading.id } })
		expect(saved.revision).toBe(reading.revision + 1)
		expect(conflict.current.content.markdown).toBe(saved.markdown)
		expect(conflict.current.revision).toBe(saved.revision)
	})

	test.each([1e30, -1, 1.5, Number.NaN])(
		'a revision no lesson can have (%s) is a conflict, and nothing is saved',
		async (revision) => {
			const { owner, course, draftLessons } = await courseWithDraft()
			const reading = draftLessons.find((l) => l.kind === 'READING')!
			const error = await thrown(
				saveLessonContent({
					courseId: course.id,
					lessonId: reading.id,
					actorId: owner.id,
					revision,
					content: readingContent(reading, 'Made-up revision'),
				}),
			)
			expect(error).toBeInstanceOf(LessonConflictError)
			const saved = await prisma.lesson.findUniqueOrThrow({ where: { id: reading.id } })
			expect(saved.revision).toBe(reading.revision)
			expect(saved.markdown).not.toBe('Made-up revision')
		},
	)

	test('a quiz with no correct option is refused with a clear message and nothing is saved', async () => {
		const { owner, course, draftLessons } = await courseWithDraft()
		const quiz = draftLessons.find((l) => l.kind === 'QUIZ')!
		const before = await prisma.question.count({ where: { lessonId: quiz.id } })
		const error = await thrown(
			saveLessonContent({
				courseId: course.id,
				lessonId: quiz.id,
				actorId: owner.id,
				revision: quiz.revision,
				content: {
					title: quiz.title,
					estimatedMinutes: 5,
					passMark: 80,
					questions: [{ kind: 'SINGLE', prompt: 'Which?', options: [{ text: 'A' }, { text: 'B' }] }],
				},
			}),
		)
		expect(isDomainError(error) && error.kind).toBe('invalid')
		expect((error as Error).message).toBe('Question 1: mark the correct answer (no answer is marked correct)')
		expect(await prisma.question.count({ where: { lessonId: quiz.id } })).toBe(before)
		expect((await prisma.lesson.findUniqueOrThrow({ where: { id: quiz.id } })).revision).toBe(quiz.revision)
	})

	test('a pass mark above 100 is refused on its field; a valid quiz replaces the questions', async () => {
		const { owner, course, draftLessons } = await courseWithDraft()
		const quiz = draftLessons.find((l) => l.kind === 'QUIZ')!
		const content = {
			title: quiz.title,
			estimatedMinutes: 5,
			passMark: 101,
			maxAttempts: null,
			questions: [
				{
					kind: 'SINGLE',
					prompt: 'Which one?',
					options: [{ text: 'A', isCorrect: true, feedback: 'Yes' }, { text: 'B' }],
				},
				{
					kind: 'MULTIPLE',
					prompt: 'Which ones?',
					options: [{ text: 'A', isCorrect: true }, { text: 'B', isCorrect: true }, { text: 'C' }],
				},
				{ kind: 'REFLECTION', prompt: 'Think of a time…' },
			],
		}
		const error = await thrown(
			saveLessonContent({
				courseId: course.id,
				lessonId: quiz.id,
				actorId: owner.id,
				revision: quiz.revision,
				content,
			}),
		)
		expect(isDomainError(error) && error.field).toBe('passMark')
		expect((error as Error).message).toBe('The pass mark must be 100 or less')
		expect((await prisma.lesson.findUniqueOrThrow({ where: { id: quiz.id } })).passMark).toBe(70)

		const saved = await saveLessonContent({
			courseId: course.id,
			lessonId: quiz.id,
			actorId: owner.id,
			revision: quiz.revision,
			content: { ...content, passMark: 100 },
		})
		expect(saved.revision).toBe(quiz.revision + 1)
		const editor = await getLessonForEditor({ courseId: course.id, lessonId: quiz.id, actorId: owner.id })
		expect(editor.passMark).toBe(100)
		expect(editor.questions.map((q) => [q.kind, q.options.length])).toEqual([
			['SINGLE', 2],
			['MULTIPLE', 3],
			['REFLECTION', 0],
		])
	})

	test('a SINGLE question with two correct answers and a one-option question are refused', async () => {
		const { owner, course, draftLessons } = await courseWithDraft()
		const quiz = draftLessons.find((l) => l.kind === 'QUIZ')!
		const base = { title: quiz.title, estimatedMinutes: 5, passMark: 50 }
		const two = await thrown(
			saveLessonContent({
				courseId: course.id,
				lessonId: quiz.id,
				actorId: owner.id,
				revision: quiz.revision,
				content: {
					...base,
					questions: [
						{
							kind: 'SINGLE',
							prompt: 'Q',
							options: [
								{ text: 'A', isCorrect: true },
								{ text: 'B', isCorrect: true },
							],
						},
					],
				},
			}),
		)
		expect((two as Error).message).toMatch(/exactly one correct answer/)
		const one = await thrown(
			saveLessonContent({
				courseId: course.id,
				lessonId: quiz.id,
				actorId: owner.id,
				revision: quiz.revision,
				content: { ...base, questions: [{ kind: 'MULTIPLE', prompt: 'Q', options: [{ text: 'A', isCorrect: true }] }] },
			}),
		)
		expect((one as Error).message).toMatch(/between 2 and 8 answers/)
	})

	test('video: https or /media/ only, and a duration for addresses', async () => {
		const { owner, course, draftLessons } = await courseWithDraft()
		const video = draftLessons.find((l) => l.kind === 'VIDEO')!
		const save = (content: Record<string, unknown>) =>
			saveLessonContent({
				courseId: course.id,
				lessonId: video.id,
				actorId: owner.id,
				revision: video.revision,
				content: { title: 'V', estimatedMinutes: 3, ...content },
			})
		expect(
			((await thrown(save({ videoSourceUrl: 'http://example.org/v.mp4', videoDurationSeconds: 10 }))) as Error).message,
		).toMatch(/https/)
		expect(
			((await thrown(save({ videoSourceUrl: 'javascript:alert(1)', videoDurationSeconds: 10 }))) as Error).message,
		).toMatch(/https/)
		expect(isDomainError(await thrown(save({ videoSourceUrl: 'https://cdn.example.org/v.mp4' })))).toBe(true)
		expect(
			((await thrown(save({ videoPlaybackId: 'abcdefghijkl1234', captionsUrl: 'https://x.example/c.srt' }))) as Error)
				.message,
		).toMatch(/\.vtt/)
		await save({
			videoSourceUrl: 'https://cdn.example.org/v.mp4',
			videoDurationSeconds: 95,
			captionsUrl: '/media/c.en.vtt',
		})
		expect(await prisma.lesson.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({
			videoDurationSeconds: 95,
			captionsUrl: '/media/c.en.vtt',
		})
	})
})

describe('publishing', () => {
	test('the change summary counts changed, added and removed lessons and renamed modules', async () => {
		const { owner, course, draft, draftLessons } = await courseWithDraft({ modules: 3 })
		const modules = await prisma.module.findMany({
			where: { versionId: draft.versionId },
			orderBy: { position: 'asc' },
		})
		// 3 changed: two readings get new text, one quiz question gets a new prompt.
		const readings = draftLessons.filter((l) => l.kind === 'READING')
		for (const r of readings.slice(0, 2)) {
			await saveLessonContent({
				courseId: course.id,
				lessonId: r.id,
				actorId: owner.id,
				revision: r.revision,
				content: readingContent(r, 'Rewritten.'),
			})
		}
		const quiz = draftLessons.filter((l) => l.kind === 'QUIZ')[0]!
		const editor = await getLessonForEditor({ courseId: course.id, lessonId: quiz.id, actorId: owner.id })
		await saveLessonContent({
			courseId: course.id,
			lessonId: quiz.id,
			actorId: owner.id,
			revision: editor.revision,
			content: {
				title: editor.title,
				estimatedMinutes: editor.estimatedMinutes,
				passMark: editor.passMark,
				questions: editor.questions.map((q, i) => ({ ...q, prompt: i === 0 ? 'A clearer prompt' : q.prompt })),
			},
		})
		// 1 added, 1 removed, 2 modules renamed; moving a lesson is not a change.
		await addLesson({
			courseId: course.id,
			actorId: owner.id,
			moduleId: modules[0]!.id,
			kind: 'READING',
			title: 'New reading',
		})
		await deleteLesson({
			courseId: course.id,
			actorId: owner.id,
			lessonId: draftLessons.filter((l) => l.kind === 'VIDEO')[2]!.id,
		})
		await renameModule({ courseId: course.id, actorId: owner.id, moduleId: modules[0]!.id, title: 'Beginnings' })
		await renameModule({ courseId: course.id, actorId: owner.id, moduleId: modules[1]!.id, title: 'Middles' })
		await moveLesson({ courseId: course.id, actorId: owner.id, lessonId: readings[2]!.id, direction: 'down' })

		const review = await getPublishReview({ courseId: course.id, actorId: owner.id })
		expect(review.changes!.headline).toBe('3 lessons changed, 1 added, 1 removed, 2 modules renamed')
		expect(review.changes!.changed.map((c) => c.key).sort()).toEqual(
			[readings[0]!.key, readings[1]!.key, quiz.key].sort(),
		)
		expect(review.changes!.renamedModules).toEqual([
			{ from: 'Module 1', to: 'Beginnings' },
			{ from: 'Module 2', to: 'Middles' },
		])
		expect(review.problems).toEqual(['Reading “New reading” has no text yet.'])
		const refused = await thrown(publishCourse({ courseId: course.id, actorId: owner.id }))
		expect(isDomainError(refused) && refused.kind).toBe('invalid')
	})

	test('revising and republishing leaves an enrolled learner’s version, progress, attempts and certificate intact', async () => {
		const owner = await trainer()
		const course = await createAuthoredCourse({ ownerId: owner.id, modules: 1 })
		const learner = await createUser()
		const enrolment = await enrolInCourse({ userId: learner.id, courseId: course.id })
		const [video, reading, quiz] = course.lessons
		await markLessonsCompleted({ userId: learner.id, enrolmentId: enrolment.id, lessons: [video!, reading!] })
		await submitQuizAttempt({ userId: learner.id, lessonId: quiz!.id, answers: correctAnswers(quiz!) })
		const certificate = await prisma.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } })
		expect(certificate.versionNumber).toBe(1)
		const snapshot = async () => ({
			enrolment: await prisma.enrolment.findUniqueOrThrow({
				where: { id: enrolment.id },
				select: { versionId: true, completedAt: true },
			}),
			progress: await prisma.lessonProgress.findMany({
				where: { enrolmentId: enrolment.id },
				orderBy: { lessonId: 'asc' },
				select: { lessonId: true, status: true, completedAt: true },
			}),
			attempts: await prisma.quizAttempt.findMany({
				where: { enrolmentId: enrolment.id },
				select: { id: true, lessonId: true, passed: true, scorePercent: true },
			}),
			certificate: await prisma.certificate.findFirstOrThrow({
				where: { enrolmentId: enrolment.id },
				select: { versionId: true, versionNumber: true, courseTitle: true },
			}),
		})
		const before = await snapshot()

		const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
		const draftReading = await prisma.lesson.findFirstOrThrow({
			where: { versionId: draft.versionId, kind: 'READING' },
		})
		await saveLessonContent({
			courseId: course.id,
			lessonId: draftReading.id,
			actorId: owner.id,
			revision: draftReading.revision,
			content: readingContent(draftReading, 'A revised reading.'),
		})
		await publishCourse({ courseId: course.id, actorId: owner.id, changeNote: 'Clearer reading' })

		const versions = await prisma.courseVersion.findMany({ where: { courseId: course.id }, orderBy: { number: 'asc' } })
		expect(versions.map((v) => [v.number, v.status])).toEqual([
			[1, 'ARCHIVED'],
			[2, 'PUBLISHED'],
		])
		expect(versions[1]!.changeSummary).toBe('Clearer reading')
		expect((await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).publishedVersionId).toBe(
			draft.versionId,
		)
		expect(await snapshot()).toEqual(before)
		// The learner still reads version 1's text; a new learner gets version 2.
		const page = await getLessonPage({ userId: learner.id, courseSlug: course.slug, lessonId: reading!.id })
		expect(page.content).toMatchObject({ kind: 'READING' })
		expect((page.content as { html: string }).html).not.toContain('A revised reading')
		const newcomer = await createUser()
		expect((await enrolInCourse({ userId: newcomer.id, courseId: course.id })).versionId).toBe(draft.versionId)
	})
})

describe('moving a learner to the new version', () => {
	test('carries progress over for unchanged lessons only, and a pass for an unchanged quiz', async () => {
		const owner = await trainer()
		const course = await createAuthoredCourse({ ownerId: owner.id, modules: 2 })
		const learner = await createUser()
		const enrolment = await enrolInCourse({ userId: learner.id, courseId: course.id })
		const [video1, reading1, quiz1, video2, reading2] = course.lessons
		await markLessonsCompleted({
			userId: learner.id,
			enrolmentId: enrolment.id,
			lessons: [video1!, reading1!, video2!, reading2!],
		})
		await submitQuizAttempt({ userId: learner.id, lessonId: quiz1!.id, answers: correctAnswers(quiz1!) })

		const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
		const changed = await prisma.lesson.findFirstOrThrow({ where: { versionId: draft.versionId, key: reading2!.key } })
		await saveLessonContent({
			courseId: course.id,
			lessonId: changed.id,
			actorId: owner.id,
			revision: changed.revision,
			content: readingContent(changed, 'Changed text'),
		})
		await publishCourse({ courseId: course.id, actorId: owner.id })

		const preview = await previewMoveToVersion({ userId: learner.id, courseId: course.id })
		expect(preview).toMatchObject({
			fromNumber: 1,
			totalLessons: 6,
			unchangedLessons: 5,
			startedLessons: 5,
			keptLessons: 4,
		})
		const moved = await moveEnrolmentToVersion({ userId: learner.id, courseId: course.id })
		expect(moved).toMatchObject({ versionNumber: 2, keptLessons: 4, totalLessons: 6 })

		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).versionId).toBe(draft.versionId)
		const newProgress = await prisma.lessonProgress.findMany({
			where: { enrolmentId: enrolment.id, lesson: { versionId: draft.versionId } },
			select: { lessonKey: true, status: true },
		})
		expect(newProgress.map((p) => p.lessonKey).sort()).toEqual(
			[video1!.key, reading1!.key, quiz1!.key, video2!.key].sort(),
		)
		const newQuiz = await prisma.lesson.findFirstOrThrow({ where: { versionId: draft.versionId, key: quiz1!.key } })
		const attempts = await prisma.quizAttempt.findMany({
			where: { lessonId: newQuiz.id, userId: learner.id },
			include: { answers: true },
		})
		expect(attempts).toHaveLength(1)
		expect(attempts[0]!.passed).toBe(true)
		const newQuestionIds = new Set(
			(await prisma.question.findMany({ where: { lessonId: newQuiz.id } })).map((q) => q.id),
		)
		expect(attempts[0]!.answers.every((a) => newQuestionIds.has(a.questionId))).toBe(true)
		// The old version's rows are untouched.
		expect(
			await prisma.lessonProgress.count({
				where: { enrolmentId: enrolment.id, lesson: { versionId: course.versionId } },
			}),
		).toBe(5)
		// Moving again is refused.
		expect(isDomainError(await thrown(moveEnrolmentToVersion({ userId: learner.id, courseId: course.id })))).toBe(true)
	})

	test('a completed enrolment does not move', async () => {
		const owner = await trainer()
		const course = await createAuthoredCourse({ ownerId: owner.id, modules: 1 })
		const learner = await createUser()
		const enrolment = await enrolInCourse({ userId: learner.id, courseId: course.id })
		await prisma.enrolment.update({ where: { id: enrolment.id }, data: { completedAt: new Date() } })
		await createDraftVersion({ courseId: course.id, actorId: owner.id })
		await publishCourse({ courseId: course.id, actorId: owner.id })
		const error = await thrown(moveEnrolmentToVersion({ userId: learner.id, courseId: course.id }))
		expect(isDomainError(error) && error.code).toBe('ENROLMENT_COMPLETED')
		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).versionId).toBe(course.versionId)
	})
})

describe('preview', () => {
	test('shows any version and grades a quiz without recording anything', async () => {
		const { owner, course } = await courseWithDraft({ modules: 1 })
		const quiz = course.lessons.find((l) => l.kind === 'QUIZ')!
		const counts = async () => [
			await prisma.enrolment.count({ where: { courseId: course.id } }),
			await prisma.lessonProgress.count({ where: { lesson: { version: { courseId: course.id } } } }),
			await prisma.quizAttempt.count({ where: { lesson: { version: { courseId: course.id } } } }),
			await prisma.reflection.count({ where: { courseId: course.id } }),
		]
		const before = await counts()
		const draftView = await getCoursePreview({ courseId: course.id, actorId: owner.id })
		expect(draftView.version).toEqual({ number: 2, status: 'DRAFT' })
		const v1 = await getCoursePreview({
			courseId: course.id,
			actorId: owner.id,
			versionNumber: 1,
			lessonId: quiz.id,
			answers: correctAnswers(quiz),
		})
		expect(v1.content?.kind).toBe('QUIZ')
		const result = v1.content?.kind === 'QUIZ' ? v1.content.quiz.lastResult : null
		expect(result).toMatchObject({ scorePercent: 100, passed: true })
		expect(await counts()).toEqual(before)
		expect(before).toEqual([0, 0, 0, 0])
	})

	test('Markdown XSS is neutralised in preview and in the learner view alike', async () => {
		const { owner, course, draftLessons } = await courseWithDraft({ modules: 1 })
		const payload =
			'<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\nSafe *text*.'
		const reading = draftLessons.find((l) => l.kind === 'READING')!
		await saveLessonContent({
			courseId: course.id,
			lessonId: reading.id,
			actorId: owner.id,
			revision: reading.revision,
			content: readingContent(reading, payload),
		})
		const preview = await getCoursePreview({ courseId: course.id, actorId: owner.id, lessonId: reading.id })
		await publishCourse({ courseId: course.id, actorId: owner.id })
		const learner = await createUser()
		await enrolInCourse({ userId: learner.id, courseId: course.id })
		const learnerView = await getLessonPage({ userId: learner.id, courseSlug: course.slug, lessonId: reading.id })
		for (const view of [preview.content, learnerView.content]) {
			const html = (view as { html: string }).html
			expect(html).toContain('<em>text</em>')
			expect(html).not.toMatch(/<script|onerror|javascript:/i)
		}
		expect((preview.content as { html: string }).html).toBe((learnerView.content as { html: string }).html)
	})
})

describe('co-authors', () => {
	test('the owner adds and removes a trainer; co-authors edit; strangers and learners cannot be added', async () => {
		const owner = await trainer()
		const co = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.id, published: false })
		const learner = await createUser()
		expect(
			isDomainError(await thrown(addCoAuthor({ courseId: course.id, actorId: owner.id, email: learner.email }))),
		).toBe(true)
		expect(
			isDomainError(await thrown(addModule({ courseId: course.id, actorId: co.user.id, title: 'Not mine' }))),
		).toBe(true)
		await addCoAuthor({ courseId: course.id, actorId: owner.id, email: co.user.email.toUpperCase() })
		await addModule({ courseId: course.id, actorId: co.user.id, title: 'Co-written' })
		// A co-author cannot manage authors.
		const refused = await thrown(removeCoAuthor({ courseId: course.id, actorId: co.user.id, userId: co.user.id }))
		expect(isDomainError(refused) && refused.kind).toBe('forbidden')
		await removeCoAuthor({ courseId: course.id, actorId: owner.id, userId: co.user.id })
		expect(isDomainError(await thrown(addModule({ courseId: course.id, actorId: co.user.id, title: 'Again' })))).toBe(
			true,
		)
	})
})
