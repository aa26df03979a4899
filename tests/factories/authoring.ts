// Test data for the authoring studio: trainers with real sessions, and courses they author (built
// with the learning factory, then given an OWNER). Every call makes its own rows.
import { createTestUser } from '#tests/factories/auth.ts'
import { prisma, type Role } from '#modules/db/client.ts'
import { createCourse, type CreateCourseOptions } from './learning.ts'
import { sessionCookie } from './sessions.ts'

/** A user with `role` (TRAINER by default) and the cookie of a live session. */
export async function createSignedInUser({ role = 'TRAINER', name }: { role?: Role; name?: string } = {}) {
	const user = await createTestUser({ role, name, emailVerified: true })
	return { user, cookie: await sessionCookie(user.id) }
}

/** A course (published unless told otherwise) owned by `ownerId`, with video, reading and quiz lessons. */
export async function createAuthoredCourse({ ownerId, ...options }: CreateCourseOptions & { ownerId: string }) {
	const course = await createCourse(options)
	await prisma.courseAuthor.create({ data: { courseId: course.id, userId: ownerId, role: 'OWNER' } })
	await prisma.course.update({ where: { id: course.id }, data: { createdById: ownerId } })
	return course
}

/** Valid course details as the create form sends them (a unique slug each call). */
export function courseDetails(overrides: Record<string, unknown> = {}) {
	const slug = `studio-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
	return {
		title: 'Restorative conversations in practice',
		slug,
		summary: 'How to hold a restorative conversation that repairs harm.',
		description: 'A **practical** course.',
		sectors: ['SCHOOLS'],
		cpdHours: 1.5,
		pricePounds: 0,
		outcomes: 'Use the restorative questions\nRepair harm with the people affected',
		sequential: false,
		...overrides,
	} as {
		title: string
		slug: string
		summary: string
		description: string
		sectors: Array<'SCHOOLS' | 'FOUNDATIONS'>
		cpdHours: number
		pricePounds: number
		outcomes: string
		sequential: boolean
	}
}
