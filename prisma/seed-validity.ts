// Demo content for certificate validity and renewal (docs/decisions/0027-compliance.md): the schools
// course lasts 12 months and names a short annual refresher; the demo learner holds one certificate
// that has expired and one that expires soon. Idempotent: run it again and nothing changes.
import { addMonths, ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { completeCourseForDemo } from './demo-completion.ts'
import { REFRESHER_COURSE } from './seed-content/schools-refresher.ts'
import type { SeedCourse } from './seed-content/types.ts'

export { REFRESHER_COURSE }

/**
 * Twelve months' validity and the annual refresher on the schools course (created by `seedCourse`,
 * passed in to keep this file free of seed.ts), and two certificates for the demo learner: the
 * foundations course, 12 months' validity, completed 14 months ago (expired two months ago), and the
 * health and social care course, completed 11 months ago (expires in about a month). Each is taken
 * the way a learner takes it (every lesson done: completeCourseForDemo), so the course page agrees
 * with the certificate and its lessons stay open.
 */
export async function seedValidityDemo({
	trainerId,
	seedCourse,
}: {
	trainerId: string
	seedCourse: (course: SeedCourse, trainerId: string) => Promise<unknown>
}) {
	await seedCourse(REFRESHER_COURSE, trainerId)
	const refresher = await prisma.course.findUnique({ where: { slug: REFRESHER_COURSE.slug }, select: { id: true } })
	await prisma.course.updateMany({
		where: { slug: 'relational-practice-in-schools', validityMonths: null },
		data: { validityMonths: 12, refresherCourseId: refresher?.id ?? null },
	})
	await prisma.course.updateMany({
		where: { slug: REFRESHER_COURSE.slug, validityMonths: null },
		data: { validityMonths: 12 },
	})

	const learner = await prisma.user.findUnique({
		where: { email: 'learner@circle.example' },
		select: { id: true, name: true },
	})
	if (!learner) return
	const now = new Date()
	for (const { slug, monthsAgo } of [
		{ slug: 'restorative-practice-foundations', monthsAgo: 14 },
		{ slug: 'restorative-conversations-in-health-and-social-care', monthsAgo: 11 },
	]) {
		const course = await prisma.course.findUnique({
			where: { slug },
			select: {
				id: true,
				validityMonths: true,
				publishedVersionId: true,
			},
		})
		if (!course?.publishedVersionId) continue
		if (await prisma.enrolment.findUnique({ where: { userId_courseId: { userId: learner.id, courseId: course.id } } }))
			continue
		if (course.validityMonths === null) {
			await prisma.course.update({ where: { id: course.id }, data: { validityMonths: 12 } })
		}
		const completedOn = addMonths(ukToday(now), -monthsAgo)
		await completeCourseForDemo({
			userId: learner.id,
			courseId: course.id,
			completedAt: new Date(`${completedOn}T15:30:00Z`),
			daysTaken: 7,
		})
	}
}
