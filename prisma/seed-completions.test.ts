// The demo tells one story per course: a course the demo says is complete has its lessons done, as
// completing it in the app leaves it, so the course page does not say "You have completed this
// course" beside "0 of 11 lessons done" with every lesson after the first locked.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getLessonPage } from '#modules/learning/get-lesson-page.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { seedDemo } from './seed.ts'

beforeAll(() => seedDemo({ log: () => {} }), 180_000)
afterAll(releaseTestResources)

/** The demo's own people (other test files sharing this database make theirs elsewhere). */
const DEMO_DOMAINS = ['@circle.example', '@riverside.example']

describe('the demo’s completed courses', () => {
	test('every completed demo enrolment has every required lesson done and every quiz passed', async () => {
		const completed = await prisma.enrolment.findMany({
			where: {
				completedAt: { not: null },
				OR: DEMO_DOMAINS.map((domain) => ({ user: { email: { endsWith: domain } } })),
			},
			select: {
				id: true,
				cycle: true,
				user: { select: { email: true } },
				course: { select: { slug: true } },
				version: { select: { lessons: { where: { required: true }, select: { id: true, kind: true } } } },
				progress: { where: { status: 'COMPLETED' }, select: { lessonId: true } },
				quizAttempts: { where: { passed: true }, select: { lessonId: true, cycle: true } },
			},
		})
		expect(completed.length).toBeGreaterThan(0)
		const incoherent = completed.flatMap((e) => {
			const done = new Set(e.progress.map((p) => p.lessonId))
			const passed = new Set(e.quizAttempts.filter((a) => a.cycle === e.cycle).map((a) => a.lessonId))
			const missing = e.version.lessons.filter((l) => !done.has(l.id) || (l.kind === 'QUIZ' && !passed.has(l.id)))
			return missing.length ? [`${e.user.email} on ${e.course.slug}: ${missing.length} lessons not done`] : []
		})
		expect(incoherent).toEqual([])
	})

	test('the demo learner’s finished foundations course shows every lesson done and opens its reading lessons', async () => {
		const learner = await prisma.user.findUniqueOrThrow({
			where: { email: 'learner@circle.example' },
			select: { id: true },
		})
		const courseSlug = 'restorative-practice-foundations'
		const first = await getLessonPage({ userId: learner.id, courseSlug })
		expect(first.course).toMatchObject({ sequential: true, completedAt: expect.any(Date), progressPercent: 100 })
		const lessons = first.outline.flatMap((m) => m.lessons)
		expect(lessons.length).toBeGreaterThan(1)
		expect(lessons.filter((l) => l.completed)).toHaveLength(lessons.length)
		const reading = lessons.find((l) => l.kind === 'READING')!
		const page = await getLessonPage({ userId: learner.id, courseSlug, lessonId: reading.id })
		expect(page.lesson.locked).toBe(false)
		expect(page.content).toMatchObject({ kind: 'READING', html: expect.stringContaining('<') })
	})
})
