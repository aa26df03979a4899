// Free previews of a course's lessons (ADR 0044): which video lessons a trainer opens to visitors, and
// the one place that decides whether a visitor may watch a lesson without an account.
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { assertCanEditCourse } from '#modules/authoring/access.ts'
import { firstIssue } from '#modules/authoring/schemas.ts'
import { prisma } from '#modules/db/client.ts'
import { PreviewsError } from './errors.ts'
import { CoursePreviewsSchema } from './schemas.ts'

export function previewNotFound() {
	return new PreviewsError('not_found', 'PREVIEW_NOT_FOUND', 'We could not find that free preview.')
}

/**
 * The studio's "Free previews" page: the course's video lessons, each marked when it is a free
 * preview. The lessons are the published version's (what visitors see); a course not yet published
 * shows its draft's, so previews can be chosen before it goes live. Only the course's authors and
 * admins may see it.
 */
export async function getCoursePreviewSettings({ courseId, actorId }: { courseId: string; actorId: string }) {
	await assertCanEditCourse({ courseId, actorId })
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			id: true,
			slug: true,
			publishedVersionId: true,
			versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, title: true } },
			publishedVersion: { select: { id: true, title: true } },
			previews: { select: { lessonKey: true } },
		},
	})
	const version = course.publishedVersion ?? course.versions[0]
	const lessons = version
		? await prisma.lesson.findMany({
				where: { versionId: version.id, kind: 'VIDEO' },
				orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
				select: { id: true, key: true, title: true, module: { select: { title: true } } },
			})
		: []
	const marked = new Set(course.previews.map((p) => p.lessonKey))
	return {
		course: {
			id: course.id,
			slug: course.slug,
			title: version?.title ?? course.slug,
			published: Boolean(course.publishedVersion),
		},
		lessons: lessons.map((lesson) => ({
			id: lesson.id,
			key: lesson.key,
			title: lesson.title,
			moduleTitle: lesson.module.title,
			isPreview: marked.has(lesson.key),
		})),
	}
}

/**
 * Sets a course's free previews to exactly `lessonKeys` (stable lesson keys, so a mark outlives the
 * version it was made on). Only keys of the course's own video lessons are accepted; anything else
 * is `invalid` and nothing changes. Authors and admins only; audited with what was added and removed.
 */
export async function setCoursePreviews({
	courseId,
	actorId,
	lessonKeys,
	origin,
}: {
	courseId: string
	actorId: string
	lessonKeys: string[]
	origin?: RequestOrigin
}) {
	const parsed = CoursePreviewsSchema.safeParse({ lessonKey: lessonKeys })
	if (!parsed.success) {
		throw new PreviewsError('invalid', 'NOT_A_VIDEO_LESSON', firstIssue(parsed.error).message, { field: 'lessonKey' })
	}
	const keys = [...new Set(parsed.data.lessonKey)]
	return prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		const found = await tx.lesson.findMany({
			where: { key: { in: keys }, kind: 'VIDEO', version: { courseId } },
			distinct: ['key'],
			select: { key: true },
		})
		if (found.length !== keys.length) {
			throw new PreviewsError(
				'invalid',
				'NOT_A_VIDEO_LESSON',
				'Only this course’s video lessons can be free previews.',
				{
					field: 'lessonKey',
				},
			)
		}
		const existing = (await tx.coursePreview.findMany({ where: { courseId }, select: { lessonKey: true } })).map(
			(p) => p.lessonKey,
		)
		const added = keys.filter((key) => !existing.includes(key))
		const removed = existing.filter((key) => !keys.includes(key))
		if (removed.length > 0) await tx.coursePreview.deleteMany({ where: { courseId, lessonKey: { in: removed } } })
		if (added.length > 0) {
			await tx.coursePreview.createMany({
				data: added.map((lessonKey) => ({ courseId, lessonKey })),
				skipDuplicates: true,
			})
		}
		if (added.length > 0 || removed.length > 0) {
			await recordAudit(tx, {
				actorId,
				action: 'course.previews_changed',
				targetType: 'Course',
				targetId: courseId,
				details: { added, removed },
				...origin,
			})
		}
		return { added, removed }
	})
}

/**
 * The free preview lessons of a published course, in course order, for its public page. Only video
 * lessons of the published version whose key is marked.
 */
export async function listCoursePreviews({ courseId }: { courseId: string }) {
	const keys = (await prisma.coursePreview.findMany({ where: { courseId }, select: { lessonKey: true } })).map(
		(p) => p.lessonKey,
	)
	if (keys.length === 0) return []
	return prisma.lesson.findMany({
		where: {
			key: { in: keys },
			kind: 'VIDEO',
			version: { status: 'PUBLISHED', publishedFor: { is: { id: courseId } } },
		},
		orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
		select: { id: true, title: true, videoDurationSeconds: true, estimatedMinutes: true },
	})
}

/**
 * A lesson a visitor may watch without an account: a video lesson of the course's published version
 * that is marked as a free preview. Anything else (unknown course or lesson, another course's lesson,
 * a lesson not marked, a draft) is the same `not_found`, so nothing about locked lessons leaks.
 */
export async function getPreviewLesson({ slug, lessonId }: { slug: string; lessonId: string }) {
	const lesson = await prisma.lesson.findFirst({
		where: { id: lessonId, kind: 'VIDEO', version: { status: 'PUBLISHED', publishedFor: { is: { slug } } } },
		select: {
			id: true,
			key: true,
			title: true,
			videoPlaybackId: true,
			videoSourceUrl: true,
			videoDurationSeconds: true,
			captionsUrl: true,
			transcript: true,
			version: { select: { courseId: true, title: true, summary: true } },
		},
	})
	if (!lesson) throw previewNotFound()
	const marked = await prisma.coursePreview.findUnique({
		where: { courseId_lessonKey: { courseId: lesson.version.courseId, lessonKey: lesson.key } },
		select: { lessonKey: true },
	})
	if (!marked) throw previewNotFound()
	return {
		course: { slug, title: lesson.version.title, summary: lesson.version.summary },
		lesson: {
			id: lesson.id,
			title: lesson.title,
			playbackId: lesson.videoPlaybackId,
			sourceUrl: lesson.videoSourceUrl,
			durationSeconds: lesson.videoDurationSeconds,
			captionsUrl: lesson.captionsUrl,
			transcript: lesson.transcript,
		},
	}
}
