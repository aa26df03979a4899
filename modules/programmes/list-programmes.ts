import { prisma } from '#modules/db/client.ts'

/**
 * The public catalogue's programmes: published ones, A to Z, each with its courses' titles in order,
 * the number of courses and the total CPD minutes (the sum of each course's published version).
 */
export async function listProgrammes({ take }: { take?: number } = {}) {
	const programmes = await prisma.programme.findMany({
		where: { publishedAt: { not: null } },
		orderBy: [{ title: 'asc' }, { slug: 'asc' }],
		take,
		select: {
			slug: true,
			title: true,
			summary: true,
			sequential: true,
			courses: {
				orderBy: { position: 'asc' },
				select: { course: { select: { publishedVersion: { select: { title: true, cpdMinutes: true } } } } },
			},
		},
	})
	return programmes.map(({ courses, ...programme }) => {
		const versions = courses.flatMap(({ course }) => (course.publishedVersion ? [course.publishedVersion] : []))
		return {
			...programme,
			courseTitles: versions.map((v) => v.title),
			courseCount: courses.length,
			cpdMinutes: versions.reduce((sum, v) => sum + v.cpdMinutes, 0),
		}
	})
}

/**
 * The programmes a learner is on, newest first: how many of its courses they have finished (an
 * unrevoked certificate, any cycle) and the programme certificate's code once issued.
 */
export async function listLearnerProgrammes({ userId }: { userId: string }) {
	const enrolments = await prisma.programmeEnrolment.findMany({
		where: { userId },
		orderBy: { enrolledAt: 'desc' },
		select: {
			enrolledAt: true,
			completedAt: true,
			certificate: { select: { code: true } },
			programme: {
				select: {
					slug: true,
					title: true,
					courses: {
						select: {
							course: {
								select: { certificates: { where: { userId, revokedAt: null }, select: { id: true }, take: 1 } },
							},
						},
					},
				},
			},
		},
	})
	return enrolments.map(({ programme, certificate, ...enrolment }) => ({
		...enrolment,
		slug: programme.slug,
		title: programme.title,
		courseCount: programme.courses.length,
		completedCount: programme.courses.filter(({ course }) => course.certificates.length > 0).length,
		certificateCode: certificate?.code ?? null,
	}))
}
