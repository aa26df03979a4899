import { redirect } from 'react-router'
import { z } from 'zod'
import { requireUser } from '#app/utils/auth.server.ts'
import { throwAsResponse } from '#app/utils/errors.server.ts'
import { getEnrolmentVersionStatus, moveEnrolmentToVersion } from '#modules/authoring/move-enrolment-to-version.ts'
import type { Route } from './+types/learn.$courseSlug.move-version'

const MoveSchema = z.object({ toVersion: z.coerce.number().int().min(1).max(100_000) })

/** Nothing to see here: the offer lives on the course's /learn page. */
export async function loader({ params }: Route.LoaderArgs) {
	throw redirect(`/learn/${encodeURIComponent(params.courseSlug)}`)
}

/**
 * POST: moves the signed-in learner's own enrolment on this course to the published version they
 * reviewed (`toVersion`), keeping progress for unchanged lessons. Only ever the session's user:
 * no user or enrolment id is taken from the request. Not enrolled: 404; completed, or a newer
 * version appeared since they looked: 409.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const slug = encodeURIComponent(params.courseSlug)
	const parsed = MoveSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) throw new Response('Choose the version to move to.', { status: 400 })
	try {
		const status = await getEnrolmentVersionStatus({ userId: user.id, courseSlug: params.courseSlug })
		if (!status) throw new Response('You are not enrolled on this course.', { status: 404 })
		// A repeated click after a successful move: already there, so just show the confirmation.
		if (status.newerNumber == null && status.currentNumber === parsed.data.toVersion) {
			throw redirect(`/learn/${slug}?moved=${status.currentNumber}`)
		}
		const moved = await moveEnrolmentToVersion({
			userId: user.id,
			courseId: status.courseId,
			expectedVersionNumber: parsed.data.toVersion,
		})
		return redirect(`/learn/${slug}?moved=${moved.versionNumber}`)
	} catch (error) {
		if (error instanceof Response) throw error
		throwAsResponse(error)
	}
}
