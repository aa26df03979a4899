import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createDraftVersion } from '#modules/authoring/create-draft-version.ts'
import { saveLessonContent } from '#modules/authoring/lesson-content.ts'
import { publishCourse } from '#modules/authoring/publish-course.ts'
import { prisma } from '#modules/db/client.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { correctAnswers, markLessonsCompleted } from '#tests/factories/learning.ts'
import { loader as overviewLoader } from './learn.$courseSlug._index.tsx'
import { action } from './learn.$courseSlug.move-version.ts'

afterAll(releaseTestResources)

const context = { clientIp: '127.0.0.1', cspNonce: 'test' }

function overview(slug: string, cookie: string, search = '') {
	return overviewLoader({
		request: getRequest(`/learn/${slug}${search}`, { cookie }),
		params: { courseSlug: slug },
		context,
	} as unknown as Parameters<typeof overviewLoader>[0])
}

function move(slug: string, cookie: string, toVersion: number | string) {
	const request = formRequest(`/learn/${slug}/move-version`, { toVersion: String(toVersion) }, { cookie })
	request.headers.set('Origin', 'http://localhost')
	return action({ request, params: { courseSlug: slug }, context } as unknown as Parameters<typeof action>[0])
}

/** The Response a loader or action returned or threw. */
async function settle(promise: Promise<unknown>) {
	try {
		return await promise
	} catch (error) {
		return error
	}
}

function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	return (outcome as { init?: { status?: number } }).init?.status
}

/**
 * A published two-module course with an enrolled learner who finished the first module (quiz
 * passed) and the second module's video and reading; then the owner changes the second reading
 * and publishes version 2.
 */
async function revisedCourse() {
	const owner = await createSignedInUser()
	const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 2 })
	const learner = await createSignedInUser({ role: 'LEARNER' })
	const enrolment = await enrolInCourse({ userId: learner.user.id, courseId: course.id })
	const [video1, reading1, quiz1, video2, reading2] = course.lessons
	await markLessonsCompleted({
		userId: learner.user.id,
		enrolmentId: enrolment.id,
		lessons: [video1!, reading1!, video2!, reading2!],
	})
	await submitQuizAttempt({ userId: learner.user.id, lessonId: quiz1!.id, answers: correctAnswers(quiz1!) })
	const draft = await createDraftVersion({ courseId: course.id, actorId: owner.user.id })
	const changed = await prisma.lesson.findFirstOrThrow({ where: { versionId: draft.versionId, key: reading2!.key } })
	await saveLessonContent({
		courseId: course.id,
		lessonId: changed.id,
		actorId: owner.user.id,
		revision: changed.revision,
		content: { title: 'Repairing harm, revised', required: true, estimatedMinutes: 5, markdown: 'New text.' },
	})
	await publishCourse({
		courseId: course.id,
		actorId: owner.user.id,
		changeNote: 'Updated the reading on repairing harm.',
	})
	return { owner, course, learner, enrolment, draft, lessons: { video1, reading1, quiz1, video2, reading2 } }
}

describe('moving to a new version of a course', () => {
	test('the overview offers the new version with what changed; moving keeps progress for unchanged lessons by key', async () => {
		const { course, learner, enrolment, draft, lessons } = await revisedCourse()

		const offer = (await overview(course.slug, learner.cookie)) as Exclude<
			Awaited<ReturnType<typeof overviewLoader>>,
			Response
		>
		expect(offer.view).toBe('offer')
		if (offer.view !== 'offer') throw new Error('expected the offer')
		expect(offer.preview).toMatchObject({
			fromNumber: 1,
			to: { number: 2, changeSummary: 'Updated the reading on repairing harm.' },
			totalLessons: 6,
			unchangedLessons: 5,
			startedLessons: 5,
			keptLessons: 4,
		})
		expect(offer.preview.changes.changed).toEqual([{ key: lessons.reading2!.key, title: 'Repairing harm, revised' }])
		expect(offer.preview.lostLessons).toEqual([{ key: lessons.reading2!.key, title: lessons.reading2!.title }])

		const moved = await settle(move(course.slug, learner.cookie, 2))
		expect(statusOf(moved)).toBe(302)
		expect((moved as Response).headers.get('Location')).toBe(`/learn/${course.slug}?moved=2`)

		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).versionId).toBe(draft.versionId)
		const kept = await prisma.lessonProgress.findMany({
			where: { enrolmentId: enrolment.id, lesson: { versionId: draft.versionId } },
			select: { lessonKey: true, status: true },
		})
		expect(kept.map((p) => p.lessonKey).sort()).toEqual(
			[lessons.video1!.key, lessons.reading1!.key, lessons.quiz1!.key, lessons.video2!.key].sort(),
		)
		expect(kept.every((p) => p.status === 'COMPLETED')).toBe(true)

		const confirmation = await overview(course.slug, learner.cookie, '?moved=2')
		expect(confirmation).toMatchObject({ view: 'moved', versionNumber: 2 })
		// Afterwards the overview goes straight to the next lesson: the changed reading, on version 2.
		const next = (await settle(overview(course.slug, learner.cookie))) as Response
		const changedLesson = await prisma.lesson.findFirstOrThrow({
			where: { versionId: draft.versionId, key: lessons.reading2!.key },
		})
		expect(next.headers.get('Location')).toBe(`/learn/${course.slug}/${changedLesson.id}`)
		// A second click is harmless: it lands on the confirmation and moves nothing.
		const again = (await settle(move(course.slug, learner.cookie, 2))) as Response
		expect(again.headers.get('Location')).toBe(`/learn/${course.slug}?moved=2`)
	})

	test('another user cannot move someone else’s enrolment: only their own, and 404 when they have none', async () => {
		const { course, learner, enrolment } = await revisedCourse()
		const stranger = await createSignedInUser({ role: 'LEARNER' })
		expect(statusOf(await settle(move(course.slug, stranger.cookie, 2)))).toBe(404)
		const trainer = await createSignedInUser()
		expect(statusOf(await settle(move(course.slug, trainer.cookie, 2)))).toBe(404)
		// A second learner on version 1 moves only themselves.
		const other = await createSignedInUser({ role: 'LEARNER' })
		const v1 = await prisma.enrolment.create({
			data: { userId: other.user.id, courseId: course.id, versionId: enrolment.versionId, source: 'FREE' },
		})
		expect(statusOf(await settle(move(course.slug, other.cookie, 2)))).toBe(302)
		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: v1.id } })).versionId).not.toBe(enrolment.versionId)
		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).versionId).toBe(
			enrolment.versionId,
		)
		expect(learner.user.id).not.toBe(other.user.id)
	})

	test('a version the learner did not review is refused; bad input is 400', async () => {
		const { owner, course, learner, enrolment } = await revisedCourse()
		await createDraftVersion({ courseId: course.id, actorId: owner.user.id })
		await publishCourse({ courseId: course.id, actorId: owner.user.id })
		expect(statusOf(await settle(move(course.slug, learner.cookie, 2)))).toBe(409)
		expect(statusOf(await settle(move(course.slug, learner.cookie, 'two')))).toBe(400)
		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).versionId).toBe(
			enrolment.versionId,
		)
		expect(statusOf(await settle(move(course.slug, learner.cookie, 3)))).toBe(302)
	})

	test('a completed enrolment is not offered the move, cannot move, and keeps its certificate naming version 1', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const enrolment = await enrolInCourse({ userId: learner.user.id, courseId: course.id })
		const [video, reading, quiz] = course.lessons
		await markLessonsCompleted({ userId: learner.user.id, enrolmentId: enrolment.id, lessons: [video!, reading!] })
		await submitQuizAttempt({ userId: learner.user.id, lessonId: quiz!.id, answers: correctAnswers(quiz!) })
		const certificate = await prisma.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } })
		expect(certificate.versionNumber).toBe(1)
		await createDraftVersion({ courseId: course.id, actorId: owner.user.id })
		await publishCourse({ courseId: course.id, actorId: owner.user.id })

		const view = await settle(overview(course.slug, learner.cookie))
		expect(statusOf(view)).toBe(302)
		expect(statusOf(await settle(move(course.slug, learner.cookie, 2)))).toBe(409)
		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).versionId).toBe(course.versionId)
		const after = await prisma.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } })
		expect(after).toMatchObject({ versionId: course.versionId, versionNumber: 1, revokedAt: null })
	})

	test('visitors are sent to log in; learners not enrolled go to the course page', async () => {
		const { course } = await revisedCourse()
		const visitor = (await settle(overview(course.slug, ''))) as Response
		expect(visitor.headers.get('Location')).toMatch(/^\/login/)
		const stranger = await createSignedInUser({ role: 'LEARNER' })
		const notEnrolled = (await settle(overview(course.slug, stranger.cookie))) as Response
		expect(notEnrolled.headers.get('Location')).toBe(`/courses/${course.slug}`)
	})
})
