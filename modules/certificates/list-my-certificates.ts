import { prisma } from '#modules/db/client.ts'

/**
 * A learner's certificates, newest first, for their dashboard and CPD portfolio: what each one says,
 * whether it has been revoked, and the course's slug for a link back to it.
 */
export async function listMyCertificates({ userId }: { userId: string }) {
	const rows = await prisma.certificate.findMany({
		where: { userId },
		orderBy: [{ completedAt: 'desc' }, { id: 'desc' }],
		select: {
			id: true,
			code: true,
			courseTitle: true,
			versionNumber: true,
			cpdMinutes: true,
			completedAt: true,
			issuedAt: true,
			revokedAt: true,
			course: { select: { slug: true } },
		},
	})
	return rows.map(({ course, ...row }) => ({ ...row, courseSlug: course.slug }))
}

export type MyCertificate = Awaited<ReturnType<typeof listMyCertificates>>[number]
