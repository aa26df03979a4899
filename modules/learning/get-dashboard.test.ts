import { describe, expect, test } from 'vitest'
import { onQuery, prisma } from '#modules/db/client.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { createCourse, createEnrolment, createUser } from '#tests/factories/learning.ts'
import { getDashboard } from './get-dashboard.ts'

async function countQueries(fn: () => Promise<unknown>) {
	let count = 0
	const stop = onQuery(() => count++)
	try {
		await fn()
	} finally {
		stop()
	}
	return count
}

describe('getDashboard', () => {
	test('in-progress and completed courses, with progress, time spent and where to resume', async () => {
		const user = await createUser()
		const started = await createCourse({ modules: 1, lessonKinds: ['READING', 'READING'] })
		const finished = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const startedEnrolment = await createEnrolment({ userId: user.id, course: started })
		await createEnrolment({ userId: user.id, course: finished })
		await completeReading({ userId: user.id, lessonId: started.lessons[0]!.id })
		await completeReading({ userId: user.id, lessonId: finished.lessons[0]!.id })
		await prisma.enrolment.update({ where: { id: startedEnrolment.id }, data: { secondsSpent: 4800 } })

		const dashboard = await getDashboard({ userId: user.id })
		expect(dashboard.inProgress).toHaveLength(1)
		expect(dashboard.inProgress[0]).toMatchObject({
			courseSlug: started.slug,
			progressPercent: 50,
			secondsSpent: 4800,
			resumeLesson: { id: started.lessons[1]!.id },
		})
		expect(dashboard.completed).toHaveLength(1)
		expect(dashboard.completed[0]).toMatchObject({ courseSlug: finished.slug, progressPercent: 100 })
		expect(dashboard.completed[0]!.completedAt).toBeInstanceOf(Date)
	})

	test("shows only the learner's own enrolments", async () => {
		const me = await createUser()
		const someoneElse = await createUser()
		const mine = await createCourse({ modules: 1 })
		const theirs = await createCourse({ modules: 1 })
		await createEnrolment({ userId: me.id, course: mine })
		await createEnrolment({ userId: someoneElse.id, course: theirs })
		await createEnrolment({ userId: someoneElse.id, course: mine })
		const dashboard = await getDashboard({ userId: me.id })
		expect(dashboard.inProgress.map((c) => c.courseSlug)).toEqual([mine.slug])
	})

	test('says when a newer version of an unfinished course has been published', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await createEnrolment({ userId: user.id, course })
		expect((await getDashboard({ userId: user.id })).inProgress[0]!.newerVersionAvailable).toBe(false)

		const next = await prisma.courseVersion.create({
			data: {
				courseId: course.id,
				number: 2,
				status: 'PUBLISHED',
				title: 'Revised',
				summary: 'Revised',
				cpdMinutes: 60,
				publishedAt: new Date(),
			},
		})
		await prisma.course.update({ where: { id: course.id }, data: { publishedVersionId: next.id } })
		expect((await getDashboard({ userId: user.id })).inProgress[0]!.newerVersionAvailable).toBe(true)
	})

	test('a fixed number of queries however many courses', async () => {
		const one = await createUser()
		const many = await createUser()
		await createEnrolment({ userId: one.id, course: await createCourse({ modules: 1 }) })
		for (let i = 0; i < 6; i++) await createEnrolment({ userId: many.id, course: await createCourse({ modules: 2 }) })
		const a = await countQueries(() => getDashboard({ userId: one.id }))
		const b = await countQueries(() => getDashboard({ userId: many.id }))
		expect(a).toBeGreaterThan(0)
		expect(b).toBe(a)
	})
})
