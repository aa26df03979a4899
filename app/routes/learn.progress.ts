import { data } from 'react-router'
import { readJsonBody } from '#app/utils/json-response.server.ts'
import { requireApiSession } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { recordVideoProgress } from '#modules/progress/record-video-progress.ts'
import type { Route } from './+types/learn.progress'

/**
 * POST /learn/progress: the video player's progress reports, as JSON `{ lessonId, positionSeconds,
 * playedRanges }` (fetch while the page is open; a text/plain beacon when it is hidden or closed).
 * A signed-out request gets 401 rather than a login redirect: there is no page to send it to.
 */
export async function action({ request }: Route.ActionArgs) {
	if (request.method !== 'POST') return data({ message: 'Use POST.' }, { status: 405, headers: { Allow: 'POST' } })
	// The MFA gate as on every page: a session it would end saves nothing.
	const auth = await requireApiSession(request, 'Please log in again to save your progress.')
	if (auth instanceof Response) return auth
	const { user } = auth
	try {
		// A sequential programme's later course records nothing until the one before is finished: the
		// domain write refuses it (assertCourseOpenInProgrammes).
		const result = await recordVideoProgress({ userId: user.id, input: await readJsonBody(request) })
		return data(result, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		return problemJson(error)
	}
}
