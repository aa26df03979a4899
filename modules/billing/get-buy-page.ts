import { prisma } from '#modules/db/client.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { volumeTiersOf } from './pricing.ts'

/**
 * What the /courses/:slug/buy page shows a signed-in learner: the course and its price per place
 * (from the database), whether they are already enrolled, and the organisations they can buy seats
 * for (where they are OWNER or ADMIN), with the course's volume tiers for seat licences. Unknown, unpublished and archived courses are `not_found`.
 */
export async function getBuyPage({ userId, slug }: { userId: string; slug: string }) {
	const course = await prisma.course.findFirst({
		where: { slug, archivedAt: null, publishedVersion: { status: 'PUBLISHED' } },
		select: {
			id: true,
			slug: true,
			pricePence: true,
			currency: true,
			volumeTiers: true,
			publishedVersion: { select: { title: true, summary: true, cpdMinutes: true } },
		},
	})
	if (!course?.publishedVersion)
		throw new BillingError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')
	const [enrolment, memberships] = await Promise.all([
		prisma.enrolment.findUnique({
			where: { userId_courseId: { userId, courseId: course.id } },
			select: { status: true },
		}),
		prisma.membership.findMany({
			where: { userId, role: { in: ['OWNER', 'ADMIN'] }, deactivatedAt: null },
			orderBy: { organisation: { name: 'asc' } },
			select: { organisation: { select: { id: true, slug: true, name: true, billingEmail: true } } },
		}),
	])
	return {
		course: {
			id: course.id,
			slug: course.slug,
			title: course.publishedVersion.title,
			summary: course.publishedVersion.summary,
			cpdMinutes: course.publishedVersion.cpdMinutes,
			pricePence: course.pricePence,
			currency: course.currency,
			volumeTiers: volumeTiersOf(course.volumeTiers),
		},
		enrolled: enrolment?.status === 'ACTIVE',
		adminOrganisations: memberships.map((m) => m.organisation),
	}
}
