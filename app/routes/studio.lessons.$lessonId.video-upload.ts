import { requireRole } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { createVideoUpload } from '#modules/video/create-video-upload.ts'
import { getVideoUpload } from '#modules/video/get-video-upload.ts'
import type { Route } from './+types/studio.lessons.$lessonId.video-upload'

const noStore = { 'Cache-Control': 'private, no-store' }

/** POST: starts a Mux direct upload for the lesson; answers `{ uploadUrl, uploadId }` as JSON. */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireRole(request, 'TRAINER')
	try {
		const upload = await createVideoUpload({ actorId: user.id, lessonId: params.lessonId })
		return Response.json(upload, { status: 201, headers: noStore })
	} catch (error) {
		return problemJson(error)
	}
}

/** GET ?uploadId=…: where that upload has got to (WAITING, ASSET_CREATED, READY, ERRORED, CANCELLED). */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireRole(request, 'TRAINER')
	const uploadId = new URL(request.url).searchParams.get('uploadId')
	if (!uploadId) return Response.json({ message: 'Say which upload: ?uploadId=…' }, { status: 400, headers: noStore })
	try {
		const upload = await getVideoUpload({ actorId: user.id, lessonId: params.lessonId, uploadId })
		return Response.json(upload, { headers: noStore })
	} catch (error) {
		return problemJson(error)
	}
}
