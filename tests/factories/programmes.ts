import { prisma } from '#modules/db/client.ts'
import { createProgramme } from '#modules/programmes/create-programme.ts'
import { addProgrammeCourse } from '#modules/programmes/programme-courses.ts'
import { publishProgramme } from '#modules/programmes/publish-programme.ts'
import { createTestUser } from './auth.ts'
import { createAuthoredCourse } from './authoring.ts'
import { issueTestCertificate } from './certificates.ts'

let counter = 0

/**
 * A published programme of `count` courses by a new trainer, built through the studio functions.
 * `coursePricePence` prices each course; `pricePounds` prices the programme itself (0: free).
 */
export async function createPublishedProgramme({
	count = 2,
	sequential = false,
	pricePounds = 0,
	coursePricePence = 0,
	now = new Date(),
}: { count?: number; sequential?: boolean; pricePounds?: number; coursePricePence?: number; now?: Date } = {}) {
	const trainer = await createTestUser({ role: 'TRAINER', emailVerified: true })
	const courses = []
	for (let i = 0; i < count; i++) {
		const course = await createAuthoredCourse({ ownerId: trainer.id, pricePence: coursePricePence })
		await prisma.courseVersion.update({
			where: { id: course.versionId },
			data: { cpdMinutes: 60, title: `Programme course ${i + 1}` },
		})
		courses.push(course)
	}
	counter += 1
	const slug = `programme-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`
	const { programmeId } = await createProgramme({
		actorId: trainer.id,
		input: {
			title: 'A programme for the tests',
			slug,
			summary: 'Courses taken together towards one certificate.',
			sequential,
			pricePounds,
		},
		now,
	})
	for (const course of courses) await addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug: course.slug })
	await publishProgramme({ actorId: trainer.id, programmeId, now })
	return { trainer, courses, programmeId, slug }
}

/** Finishes a course as the learning flow would: the enrolment completes and its certificate is issued. */
export async function completeCourse(userId: string, courseId: string, completedAt = new Date()) {
	const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId, courseId } } })
	await prisma.enrolment.update({ where: { id: enrolment.id }, data: { startedAt: completedAt, completedAt } })
	return issueTestCertificate(enrolment.id)
}
