import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { enrolInCourse } from './enrol-in-course.ts'
import { getEnrolmentSummary } from './get-enrolment-summary.ts'

describe('enrolInCourse', () => {
	test('enrols a learner on a free course, on its published version', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1 })
		const enrolment = await enrolInCourse({ userId: user.id, courseSlug: course.slug })
		expect(enrolment).toMatchObject({ courseId: course.id, versionId: course.versionId, source: 'FREE', created: true })
	})

	test('is idempotent: enrolling again returns the same enrolment', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1 })
		const first = await enrolInCourse({ userId: user.id, courseSlug: course.slug })
		const second = await enrolInCourse({ userId: user.id, courseId: course.id })
		expect(second.id).toBe(first.id)
		expect(second.created).toBe(false)
	})

	test('simultaneous enrolments create exactly one row and none of them fails', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1 })
		const results = await Promise.all(
			Array.from({ length: 6 }, () => enrolInCourse({ userId: user.id, courseSlug: course.slug })),
		)
		expect(new Set(results.map((r) => r.id)).size).toBe(1)
		expect(await prisma.enrolment.count({ where: { userId: user.id } })).toBe(1)
	})

	test('a paid course refuses a free enrolment, and enrols nobody', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		await expect(enrolInCourse({ userId: user.id, courseSlug: course.slug })).rejects.toMatchObject({
			kind: 'forbidden',
			code: 'PAYMENT_REQUIRED',
		})
		expect(await prisma.enrolment.count({ where: { userId: user.id } })).toBe(0)
	})

	test('fulfilment can enrol on a paid course with source PURCHASE', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, pricePence: 4900 })
		const enrolment = await enrolInCourse({ userId: user.id, courseId: course.id, source: 'PURCHASE' })
		expect(enrolment.source).toBe('PURCHASE')
	})

	test('a course without a published version cannot be enrolled on', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, published: false })
		await expect(enrolInCourse({ userId: user.id, courseSlug: course.slug })).rejects.toMatchObject({
			kind: 'not_found',
		})
		await expect(enrolInCourse({ userId: user.id, courseSlug: 'no-such-course-anywhere' })).rejects.toMatchObject({
			kind: 'not_found',
		})
	})
})

describe('getEnrolmentSummary', () => {
	test('null for a learner who has not enrolled', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1 })
		expect(await getEnrolmentSummary({ userId: user.id, courseId: course.id })).toBeNull()
	})

	test('progress and the lesson to resume', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'READING', 'READING', 'READING'] })
		await enrolInCourse({ userId: user.id, courseSlug: course.slug })
		expect(await getEnrolmentSummary({ userId: user.id, courseId: course.id })).toEqual({
			enrolled: true,
			progressPercent: 0,
			resumeLessonId: course.lessons[0]!.id,
			completedAt: null,
		})
		await completeReading({ userId: user.id, lessonId: course.lessons[0]!.id })
		const summary = await getEnrolmentSummary({ userId: user.id, courseId: course.id })
		expect(summary).toMatchObject({ progressPercent: 25, resumeLessonId: course.lessons[1]!.id })
	})
})
