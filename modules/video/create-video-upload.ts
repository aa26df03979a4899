import { assertCanEditCourse } from '#modules/analytics/access.ts'
import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { VideoError } from '#modules/video/errors.ts'
import { requireMuxClient } from './mux.ts'

export type CreateVideoUploadOptions = { actorId: string; lessonId: string }

/**
 * Starts a Mux direct upload for a video lesson in a draft version the actor may edit. Returns the
 * signed URL the browser PUTs the file to (the video never passes through Circle) and Mux's upload
 * id; a MuxUpload row (WAITING) remembers which lesson it is for, so the webhook can fill the
 * lesson in when the asset is ready.
 */
export async function createVideoUpload({ actorId, lessonId }: CreateVideoUploadOptions) {
	const lesson = await prisma.lesson.findUnique({
		where: { id: lessonId },
		select: { id: true, kind: true, version: { select: { courseId: true, status: true } } },
	})
	if (!lesson) throw new VideoError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson.')
	await assertCanEditCourse({ actorId, courseId: lesson.version.courseId })
	if (lesson.kind !== 'VIDEO') {
		throw new VideoError('invalid', 'NOT_A_VIDEO_LESSON', 'Only video lessons can have a video uploaded.')
	}
	if (lesson.version.status !== 'DRAFT') {
		throw new VideoError(
			'conflict',
			'VERSION_NOT_DRAFT',
			'This version is published. Start a new draft to change its video.',
		)
	}
	const mux = await requireMuxClient()
	let upload
	try {
		upload = await mux.video.uploads.create({
			cors_origin: appUrl(),
			new_asset_settings: { playback_policy: ['public'] },
		})
	} catch (error) {
		console.error(`[video] Mux refused to create an upload: ${(error as Error).message}`)
		throw new VideoError('conflict', 'MUX_UNAVAILABLE', 'Mux could not start the upload. Please try again in a minute.')
	}
	if (!upload.url) throw new VideoError('conflict', 'MUX_UNAVAILABLE', 'Mux did not return an upload address.')
	await prisma.muxUpload.create({
		data: { uploadId: upload.id, lessonId: lesson.id, createdById: actorId, status: 'WAITING' },
	})
	return { uploadUrl: upload.url, uploadId: upload.id }
}
