import { prisma } from '#modules/db/client.ts'
import { CatalogError } from '#modules/catalog/errors.ts'
import { explainCpdHours, learningMinutes } from './cpd-hours.ts'

/**
 * Everything the public course page shows: the published version's text, outcomes and outline
 * (modules and their lessons, in order). One nested select, so the number of statements does not
 * grow with the number of modules or lessons. Unknown slugs and courses with no published version
 * are `not_found` alike, so drafts cannot be discovered by guessing slugs.
 */
export async function getCoursePage({ slug }: { slug: string }) {
	const course = await prisma.course.findFirst({
		where: { slug, publishedVersion: { is: { status: 'PUBLISHED' } } },
		select: {
			id: true,
			slug: true,
			pricePence: true,
			sectors: true,
			publishedVersion: {
				select: {
					id: true,
					number: true,
					title: true,
					summary: true,
					description: true,
					cpdMinutes: true,
					outcomes: true,
					publishedAt: true,
					modules: {
						orderBy: { position: 'asc' },
						select: {
							id: true,
							title: true,
							summary: true,
							lessons: {
								orderBy: { position: 'asc' },
								select: { id: true, kind: true, title: true, estimatedMinutes: true, required: true },
							},
						},
					},
				},
			},
		},
	})
	const version = course?.publishedVersion
	if (!course || !version) throw new CatalogError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')

	const lessons = version.modules.flatMap((m) => m.lessons)
	const learning = learningMinutes(lessons)
	return {
		id: course.id,
		slug: course.slug,
		pricePence: course.pricePence,
		sectors: course.sectors,
		versionNumber: version.number,
		title: version.title,
		summary: version.summary,
		description: version.description,
		cpdMinutes: version.cpdMinutes,
		outcomes: version.outcomes,
		publishedAt: version.publishedAt,
		modules: version.modules,
		lessonCount: lessons.length,
		totalMinutes: learning,
		/** Why the CPD figure is what it is, beside the lessons' time (see explainCpdHours). */
		cpdExplanation: explainCpdHours({ cpdMinutes: version.cpdMinutes, learning }),
	}
}

export type CoursePage = Awaited<ReturnType<typeof getCoursePage>>
