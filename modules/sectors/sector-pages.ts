// The public sector pages (/sectors/:sector): which sectors have one, and what each page lists.
import { listCourses } from '#modules/catalog/list-courses.ts'
import { prisma } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'

/** The sectors with a page, in the order Circle presents them, by the slug in their address. */
export const SECTOR_PAGES = {
	schools: 'SCHOOLS',
	'health-and-social-care': 'HEALTH_SOCIAL_CARE',
	'criminal-justice': 'CRIMINAL_JUSTICE',
	'parents-and-carers': 'PARENTS_CARERS',
} as const satisfies Record<string, Sector>

export type SectorPageSlug = keyof typeof SECTOR_PAGES

export const SECTOR_PAGE_SLUGS = Object.keys(SECTOR_PAGES) as SectorPageSlug[]

export function isSectorPageSlug(value: string | undefined): value is SectorPageSlug {
	return value !== undefined && Object.hasOwn(SECTOR_PAGES, value)
}

/** The page slug of a sector, or null for Foundations (a course category with no page of its own). */
export function sectorPageSlug(sector: Sector): SectorPageSlug | null {
	return SECTOR_PAGE_SLUGS.find((slug) => SECTOR_PAGES[slug] === sector) ?? null
}

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
