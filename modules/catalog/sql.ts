// Every raw SQL statement of the catalog context (ADR 0018); sql.test.ts runs each one.
import { prisma, type Sector } from '#modules/db/client.ts'

/** Published courses per sector tag: PostgreSQL unnests the sector arrays and counts them. */
export async function countPublishedCoursesBySector() {
	return prisma.$queryRaw<Array<{ sector: Sector; count: number }>>`
		SELECT s.sector::text AS sector, count(*)::int AS count
		FROM "Course" c
		JOIN "CourseVersion" v ON v.id = c."publishedVersionId" AND v.status = 'PUBLISHED'
		CROSS JOIN LATERAL unnest(c.sectors) AS s(sector)
		GROUP BY s.sector`
}
