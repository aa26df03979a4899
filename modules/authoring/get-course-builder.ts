import { cpdHoursProblem, learningMinutes } from '#modules/catalog/cpd-hours.ts'
import { prisma } from '#modules/db/client.ts'
import { assertCanEditCourse } from './access.ts'

/**
 * What the course builder shows: the course, the version being edited (the DRAFT, or when there
 * is none the published version, read-only, so the author can start a new draft from it), its
 * modules and lessons (light fields), and whether the actor owns the course.
 */
export async function getCourseBuilder({ courseId, actorId }: { courseId: string; actorId: string }) {
	const access = await assertCanEditCourse({ courseId, actorId })
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			id: true,
			slug: true,
			pricePence: true,
			sectors: true,
			publishedVersion: { select: { id: true, number: true, publishedAt: true } },
			versions: {
				where: { status: { in: ['DRAFT', 'PUBLISHED'] } },
				orderBy: { number: 'desc' },
				select: {
					id: true,
					number: true,
					status: true,
					title: true,
					summary: true,
					description: true,
					cpdMinutes: true,
					outcomes: true,
					sequential: true,
					updatedAt: true,
				},
			},
			_count: { select: { enrolments: true } },
		},
	})
	const version =
		course.versions.find((v) => v.status === 'DRAFT') ?? course.versions.find((v) => v.status === 'PUBLISHED')
	if (!version) throw new Error(`Course ${courseId} has neither a draft nor a published version`)
	const modules = await prisma.module.findMany({
		where: { versionId: version.id },
		orderBy: { position: 'asc' },
		select: {
			id: true,
			title: true,
			lessons: {
				orderBy: { position: 'asc' },
				select: { id: true, key: true, title: true, kind: true, required: true, estimatedMinutes: true },
			},
		},
	})
	return {
		course: {
			id: course.id,
			slug: course.slug,
			pricePence: course.pricePence,
			sectors: course.sectors,
			enrolmentCount: course._count.enrolments,
			publishedVersionNumber: course.publishedVersion?.number ?? null,
		},
		version: {
			...version,
			editable: version.status === 'DRAFT',
			/** Why the CPD hours would stop this version being published, or null (see cpdHoursProblem). */
			cpdProblem: cpdHoursProblem({
				cpdMinutes: version.cpdMinutes,
				learning: learningMinutes(modules.flatMap((m) => m.lessons)),
			}),
		},
		modules,
		canManageAuthors: access.isAdmin || access.authorRole === 'OWNER',
	}
}

export type CourseBuilder = Awaited<ReturnType<typeof getCourseBuilder>>
