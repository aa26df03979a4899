// Demo content for programmes: a published, sequential learning path through three of the demo
// courses (a free foundation, then two paid ones), free to join; and a priced programme of two paid
// courses sold as a bundle for less than the two bought apart, so a visitor can buy a programme
// through the demo checkout. Built by the demo trainer. Idempotent: a second run finds each
// programme by its slug and changes nothing.
import { prisma } from '#modules/db/client.ts'

type DemoProgramme = {
	slug: string
	title: string
	summary: string
	description: string
	sequential: boolean
	/** 0: free to join. */
	pricePence: number
	courses: readonly string[]
}

export const DEMO_PROGRAMME = {
	slug: 'restorative-schools-pathway',
	title: 'Restorative schools pathway',
	summary:
		'From the foundations of restorative practice to leading a restorative school: three courses, taken in order, with a certificate for the whole path.',
	description:
		'Start with the ideas every restorative setting shares, put them to work in classrooms and corridors, then lead the change across a whole school or trust.\n\n- Each course opens once you have finished the one before\n- Your certificate lists every course and your total CPD hours',
	sequential: true,
	pricePence: 0,
	courses: ['restorative-practice-foundations', 'relational-practice-in-schools', 'leading-a-restorative-organisation'],
} as const satisfies DemoProgramme

/** The priced demo programme: £99 for two courses that cost £128 bought one at a time. */
export const DEMO_PRICED_PROGRAMME = {
	slug: 'restorative-practice-across-services',
	title: 'Restorative practice across services',
	summary:
		'Two courses for people whose work crosses health, social care and justice: one price for both, and a certificate that lists them together.',
	description:
		'For practitioners who meet the same families in a ward, a home visit and a probation office.\n\n- Take the two courses in either order\n- Buying the programme gives you a place on both',
	sequential: false,
	pricePence: 9900,
	courses: ['restorative-conversations-in-health-and-social-care', 'relational-practice-in-criminal-justice-settings'],
} as const satisfies DemoProgramme

/** Creates the demo programmes (published) unless they are already there. */
export async function seedDemoProgrammes({ trainerId }: { trainerId: string }) {
	for (const programme of [DEMO_PROGRAMME, DEMO_PRICED_PROGRAMME] as DemoProgramme[]) {
		await seedProgramme(programme, trainerId)
	}
}

async function seedProgramme(demo: DemoProgramme, trainerId: string) {
	const existing = await prisma.programme.findUnique({ where: { slug: demo.slug }, select: { id: true } })
	if (existing) return
	const courses = await prisma.course.findMany({
		where: { slug: { in: [...demo.courses] }, publishedVersionId: { not: null } },
		select: { id: true, slug: true },
	})
	// Only when every course is there and published (a partial seed leaves the programme out).
	if (courses.length !== demo.courses.length) return
	const bySlug = new Map(courses.map((course) => [course.slug, course.id]))
	await prisma.programme.create({
		data: {
			slug: demo.slug,
			title: demo.title,
			summary: demo.summary,
			description: demo.description,
			sequential: demo.sequential,
			pricePence: demo.pricePence,
			publishedAt: new Date(),
			createdById: trainerId,
			courses: {
				create: demo.courses.map((slug, index) => ({ courseId: bySlug.get(slug)!, position: index + 1 })),
			},
		},
		select: { id: true },
	})
}
