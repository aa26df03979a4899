import { type Prisma, prisma, type Sector } from '#modules/db/client.ts'
import { searchTerm } from '#modules/validation/text.ts'

export type ListCoursesOptions = {
	/** Only courses tagged with this sector. */
	sector?: Sector | null
	/** Case-insensitive match on the published title or summary. */
	query?: string | null
	/** `title` for the catalogue (A to Z), `newest` for "recently published" lists. */
	order?: 'title' | 'newest'
	take?: number
}

// A course is public only through its published version; a course whose only versions are drafts
// (publishedVersionId null) or whose pointer has been left on a non-published version never shows.
const PUBLISHED: Prisma.CourseWhereInput = {
	publishedVersion: { is: { status: 'PUBLISHED' } },
}

/**
 * The public catalogue: published courses with what a course card shows (title, summary, sectors,
 * CPD minutes, price, module and lesson counts). One round trip whatever the number of courses: the
 * counts come from the same query, never from a query per course.
 */
export async function listCourses({ sector, query, order = 'title', take }: ListCoursesOptions = {}) {
	const q = searchTerm(query)
	const where: Prisma.CourseWhereInput = {
		AND: [
			PUBLISHED,
			sector ? { sectors: { has: sector } } : {},
			q
				? {
						publishedVersion: {
							is: {
								OR: [
									{ title: { contains: q, mode: 'insensitive' } },
									{ summary: { contains: q, mode: 'insensitive' } },
								],
							},
						},
					}
				: {},
		],
	}
	const courses = await prisma.course.findMany({
		where,
		orderBy:
			order === 'newest'
				? [{ publishedVersion: { publishedAt: { sort: 'desc', nulls: 'last' } } }, { slug: 'asc' }]
				: [{ publishedVersion: { title: 'asc' } }, { slug: 'asc' }],
		take,
		select: {
			id: true,
			slug: true,
			pricePence: true,
			sectors: true,
			publishedVersion: {
				select: {
					title: true,
					summary: true,
					cpdMinutes: true,
					_count: { select: { modules: true, lessons: true } },
				},
			},
		},
	})
	return courses.flatMap(({ publishedVersion: v, ...course }) =>
		v
			? [
					{
						...course,
						title: v.title,
						summary: v.summary,
						cpdMinutes: v.cpdMinutes,
						moduleCount: v._count.modules,
						lessonCount: v._count.lessons,
					},
				]
			: [],
	)
}

export type CourseCardData = Awaited<ReturnType<typeof listCourses>>[number]

/**
 * How many published courses carry each sector tag, for the home page's sector cards. One query:
 * PostgreSQL unnests the sector arrays and counts them.
 */
export async function countCoursesBySector(): Promise<Partial<Record<Sector, number>>> {
	const rows = await prisma.$queryRaw<Array<{ sector: Sector; count: number }>>`
		SELECT s.sector::text AS sector, count(*)::int AS count
		FROM "Course" c
		JOIN "CourseVersion" v ON v.id = c."publishedVersionId" AND v.status = 'PUBLISHED'
		CROSS JOIN LATERAL unnest(c.sectors) AS s(sector)
		GROUP BY s.sector`
	return Object.fromEntries(rows.map((r) => [r.sector, r.count]))
}
