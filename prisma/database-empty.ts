import { prisma } from '#modules/db/client.ts'

/**
 * True when the database holds no users and no courses: a fresh install that wants demo content.
 * A module of its own, so that `npm start` can ask without loading the seed and the domain code it
 * imports (ADR 0054).
 */
export async function isDatabaseEmpty() {
	const [users, courseCount] = await Promise.all([prisma.user.count(), prisma.course.count()])
	return users === 0 && courseCount === 0
}
