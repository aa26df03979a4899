import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { listMyCertificates } from '#modules/certificates/list-my-certificates.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { seedCourse } from './seed.ts'
import { REFRESHER_COURSE, seedValidityDemo } from './seed-validity.ts'

describe('seedValidityDemo', () => {
	test('a 12-month course with a refresher, and a demo learner with one expired and one expiring certificate; twice is once', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const learner = await prisma.user.upsert({
			where: { email: 'learner@circle.example' },
			update: {},
			create: { email: 'learner@circle.example', name: 'Siân Llewellyn-Nowak' },
			select: { id: true },
		})
		for (const slug of [
			'restorative-practice-foundations',
			'restorative-conversations-in-health-and-social-care',
			'relational-practice-in-schools',
		]) {
			if (!(await prisma.course.findUnique({ where: { slug } }))) {
				const made = await createCourse({ modules: 1, lessonKinds: ['READING'] })
				await prisma.course.update({ where: { id: made.id }, data: { slug } })
			}
		}
		await seedValidityDemo({ trainerId: trainer.id, seedCourse })
		await seedValidityDemo({ trainerId: trainer.id, seedCourse })

		const schools = await prisma.course.findUniqueOrThrow({
			where: { slug: 'relational-practice-in-schools' },
			select: { validityMonths: true, refresherCourse: { select: { slug: true, publishedVersionId: true } } },
		})
		expect(schools).toMatchObject({ validityMonths: 12, refresherCourse: { slug: REFRESHER_COURSE.slug } })
		expect(schools.refresherCourse?.publishedVersionId).not.toBeNull()
		// Only the two certificates seeded here: other demo parts give the demo learner more.
		const validityCourses = new Set([
			'restorative-practice-foundations',
			'restorative-conversations-in-health-and-social-care',
		])
		const mine = (await listMyCertificates({ userId: learner.id, now: new Date() })).filter((c) =>
			validityCourses.has(c.courseSlug),
		)
		expect(mine.map((c) => c.standing).sort()).toEqual(['expired', 'valid'])
		expect(mine.every((c) => c.canRetake)).toBe(true)
	})
})
