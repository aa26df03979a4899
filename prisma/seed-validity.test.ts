import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { listMyCertificates } from '#modules/certificates/list-my-certificates.ts'
import { courses } from './seed-content/index.ts'
import { seedCourse } from './seed.ts'
import { REFRESHER_COURSE, seedValidityDemo } from './seed-validity.ts'

describe('seedValidityDemo', () => {
	test('a 12-month course with a refresher, and a demo learner with one expired and one expiring certificate; twice is once', async () => {
		// The demo trainer and the demo's own courses, as seedDemo lays them down: other seed tests share
		// this database and expect the demo trainer to author the real foundations course.
		const trainer = await prisma.user.upsert({
			where: { email: 'trainer@circle.example' },
			update: {},
			create: { email: 'trainer@circle.example', name: 'Dr Maya Okafor', role: 'TRAINER' },
			select: { id: true },
		})
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
			await seedCourse(courses.find((c) => c.slug === slug)!, trainer.id)
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
