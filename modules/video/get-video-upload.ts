import { assertCanEditCourse } from '#modules/analytics/access.ts'
import { prisma } from '#modules/db/client.ts'
import { VideoError } from '#modules/video/errors.ts'

/**
 * Where one direct upload has got to (for the studio's progress poll): its status, and once READY
 * the playback id and duration. Scoped to the lesson in the URL and to people who may edit it.
 */
export async function getVideoUpload({
	actorId,
	lessonId,
	uploadId,
}: {
	actorId: string
	lessonId: string
	uploadId: string
}) {
	const upload = await prisma.muxUpload.findFirst({
		where: { uploadId, lessonId },
		select: {
			uploadId: true,
			status: true,
			playbackId: true,
			durationSeconds: true,
			error: true,
			updatedAt: true,
			lesson: { select: { version: { select: { courseId: true } } } },
		},
	})
	if (!upload) throw new VideoError('not_found', 'UPLOAD_NOT_FOUND', 'We could not find that upload.')
	await assertCanEditCourse({ actorId, courseId: upload.lesson.version.courseId })
	const { lesson: _lesson, ...rest } = upload
	return rest
}
