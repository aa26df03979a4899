import { prisma, type Tx } from '#modules/db/client.ts'

/**
 * The ids of a programme's courses in programme order (empty for an unknown programme). The one
 * place other contexts learn what a programme contains: assigning a programme to people is
 * assigning each of these courses (modules/assignments decides how).
 */
export async function programmeCourseIds(programmeId: string, { db = prisma }: { db?: Tx | typeof prisma } = {}) {
	const rows = await db.programmeCourse.findMany({
		where: { programmeId },
		orderBy: { position: 'asc' },
		select: { courseId: true },
	})
	return rows.map((row) => row.courseId)
}
