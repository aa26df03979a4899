// Demo content for programmes: one published, sequential learning path through three of the demo
// courses (a free foundation, then two paid ones), built by the demo trainer. Idempotent: a second
// run finds the programme by its slug and changes nothing.
import { prisma } from '#modules/db/client.ts'

export const DEMO_PROGRAMME = {
	slug: 'restorative-schools-pathway',
	title: 'Restorative schools pathway',
	summary:
		'From the foundations of restorative practice to leading a restorative school: three courses, taken in order, with a certificate for the whole path.',
	description:
		'Start with the ideas every restorative setting shares, put them to work in classrooms and corridors, then lead the change across a whole school or trust.\n\n- Each course opens once you have finished the one before\n- Your certificate lists every course and your total CPD hours',
	courses: ['restorative-practice-foundations', 'relational-practice-in-schools', 'leading-a-restorative-organisation'],
} as const

/** Creates the demo programme (published, sequential) unless it is already there. */
export async function seedDemoProgrammes({ trainerId }: { trainerId: string }) {
	const existing = await prisma.programme.findUnique({ where: { slug: DEMO_PROGRAMME.slug }, select: { id: true } })
	if (existing) return
	const courses = await prisma.course.findMany({
		where: { slug: { in: [...DEMO_PROGRAMME.courses] }, publishedVersionId: { not: null } },
		select: { id: true, slug: true },
	})
	// Only when every course is there and published (a partial seed leaves the programme out).
	if (courses.length !== DEMO_PROGRAMME.courses.length) return
	const bySlug = new Map(courses.map((course) => [course.slug, course.id]))
	await prisma.programme.create({
		data: {
			slug: DEMO_PROGRAMME.slug,
			title: DEMO_PROGRAMME.title,
			summary: DEMO_PROGRAMME.summary,
			description: DEMO_PROGRAMME.description,
			sequential: true,
			publishedAt: new Date(),
			createdById: trainerId,
			courses: {
				create: DEMO_PROGRAMME.courses.map((slug, index) => ({ courseId: bySlug.get(slug)!, position: index + 1 })),
			},
		},
		select: { id: true },
	})
}
