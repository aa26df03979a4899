import { redirect } from 'react-router'
import { requireUser } from '#app/utils/auth.server.ts'
import { throwAsResponse } from '#app/utils/errors.server.ts'
import { retakeCourse } from '#modules/certificates/retake-course.ts'
import type { Route } from './+types/learn.$courseSlug.retake'

/** A GET here goes to the portfolio, where the "Retake" button is. */
export async function loader() {
	throw redirect('/cpd')
}

/**
 * POST /learn/<course>/retake: starts the learner's next time through a course whose certificate
 * is expiring or has expired (retakeCourse), and opens it. Refusals answer with their reason (409).
 */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request, { redirectTo: '/cpd' })
	try {
		await retakeCourse({ userId: user.id, courseSlug: params.courseSlug, now: new Date() })
		return redirect(`/learn/${encodeURIComponent(params.courseSlug)}`)
	} catch (error) {
		throwAsResponse(error)
	}
}
