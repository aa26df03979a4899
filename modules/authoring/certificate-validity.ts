import { recordAudit } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { assertCanEditCourse } from './access.ts'
import { CertificateValiditySchema, type CertificateValidityInput, firstIssue } from './schemas.ts'

/** A refresher chain longer than this is refused (and could only be a mistake). */
const MAX_REFRESHER_CHAIN = 10

/**
 * A course's certificate settings for its studio page: how many months its certificates stay valid
 * (null: they never expire), its refresher course, and the courses the actor could name as one
 * (published courses they author, not this one).
 */
export async function getCertificateValidity({ courseId, actorId }: { courseId: string; actorId: string }) {
	const access = await assertCanEditCourse({ courseId, actorId })
	const [course, choices] = await Promise.all([
		prisma.course.findUniqueOrThrow({
			where: { id: courseId },
			select: {
				id: true,
				slug: true,
				validityMonths: true,
				refresherCourseId: true,
				requiresCircle: true,
				rjcApproved: true,
				versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } },
			},
		}),
		prisma.course.findMany({
			where: {
				id: { not: courseId },
				publishedVersionId: { not: null },
				...(access.isAdmin ? {} : { authors: { some: { userId: actorId } } }),
			},
			orderBy: { slug: 'asc' },
			select: { id: true, slug: true, validityMonths: true, publishedVersion: { select: { title: true } } },
		}),
	])
	return {
		course: {
			id: course.id,
			slug: course.slug,
			title: course.versions[0]?.title ?? course.slug,
			validityMonths: course.validityMonths,
			refresherCourseId: course.refresherCourseId,
			requiresCircle: course.requiresCircle,
			rjcApproved: course.rjcApproved,
		},
		refresherChoices: choices.map((c) => ({
			id: c.id,
			title: c.publishedVersion?.title ?? c.slug,
			validityMonths: c.validityMonths,
		})),
	}
}

/**
 * Sets how long a course's certificates stay valid (1–120 months, or null: they never expire), its
 * refresher course (null: a renewal retakes the course itself) and whether a learner must attend one
 * of its reflective circles before the certificate is issued. The refresher must be a
 * published course the actor may edit, not this course, and must not lead back to it through its
 * own refresher. Applies to certificates issued from now on: each certificate keeps the end date it
 * was issued with. Bad input is `invalid`, naming the field; nothing is saved.
 */
export async function setCertificateValidity({
	courseId,
	actorId,
	input,
}: {
	courseId: string
	actorId: string
	input: CertificateValidityInput
}) {
	const parsed = CertificateValiditySchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new AuthoringError('invalid', 'INVALID_VALIDITY', message, { field })
	}
	const validityMonths = parsed.data.validityMonths ?? null
	const refresherCourseId = parsed.data.refresherCourseId || null
	const requiresCircle = parsed.data.requiresCircle ?? false
	await prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		if (refresherCourseId) {
			const refuse = (message: string): never => {
				throw new AuthoringError('invalid', 'INVALID_REFRESHER', message, { field: 'refresherCourseId' })
			}
			if (refresherCourseId === courseId)
				refuse('A course cannot be its own refresher: leave it blank to retake this course')
			const refresher = await tx.course.findUnique({
				where: { id: refresherCourseId },
				select: { publishedVersionId: true },
			})
			if (!refresher) refuse('Choose a course from the list')
			if (!refresher!.publishedVersionId) refuse('The refresher must be published before learners can be sent to it')
			await assertCanEditCourse({ db: tx, courseId: refresherCourseId, actorId }).catch(() =>
				refuse('Choose a course you author'),
			)
			// Follow the refresher's own refreshers: none may lead back here.
			let next: string | null = refresherCourseId
			for (let step = 0; next; step++) {
				if (step >= MAX_REFRESHER_CHAIN) refuse('That refresher starts a chain of refreshers that is too long')
				const row: { refresherCourseId: string | null } | null = await tx.course.findUnique({
					where: { id: next },
					select: { refresherCourseId: true },
				})
				next = row?.refresherCourseId ?? null
				if (next === courseId)
					refuse('That course names this one as its refresher: a refresher cannot lead back to itself')
			}
		}
		await tx.course.update({ where: { id: courseId }, data: { validityMonths, refresherCourseId, requiresCircle } })
		await recordAudit(tx, {
			actorId,
			action: 'course.certificate_validity_set',
			targetType: 'Course',
			targetId: courseId,
			details: { validityMonths, refresherCourseId, requiresCircle },
		})
	})
	return { validityMonths, refresherCourseId, requiresCircle }
}
