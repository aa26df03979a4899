// What a public sector page lists (see sectors.ts for which sectors have one).
import { listCourses } from '#modules/catalog/list-courses.ts'
import { prisma } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'

/**
 * What a sector's page lists: its published courses (tagged with the sector) and the open circles
 * still to come for those courses, soonest first. Private circles (an organisation's or a team's)
 * are never listed. `now` decides what is still to come.
 */
export async function getSectorPage({ sector, now }: { sector: Sector; now: Date }) {
	const [courses, circles] = await Promise.all([
		listCourses({ sector }),
		prisma.circle.findMany({
			where: {
				organisationId: null,
				cancelledAt: null,
				startsAt: { gt: now },
				course: { sectors: { has: sector }, publishedVersion: { is: { status: 'PUBLISHED' } } },
			},
			orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
			take: 6,
			select: {
				id: true,
				title: true,
				startsAt: true,
				durationMinutes: true,
				mode: true,
				course: { select: { slug: true, publishedVersion: { select: { title: true } } } },
			},
		}),
	])
	return {
		courses,
		circles: circles.map(({ course, ...circle }) => ({
			...circle,
			courseSlug: course?.slug ?? null,
			courseTitle: course?.publishedVersion?.title ?? null,
		})),
	}
}
