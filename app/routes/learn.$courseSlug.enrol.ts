import { redirect } from 'react-router'
import { requireUser } from '#app/utils/auth.server.ts'
import { throwAsResponse } from '#app/utils/errors.server.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import type { Route } from './+types/learn.$courseSlug.enrol'

/** A GET here (say, after logging in from the enrol button) goes back to the course page. */
export async function loader({ params }: Route.LoaderArgs) {
	throw redirect(`/courses/${encodeURIComponent(params.courseSlug)}`)
}

/**
 * POST /learn/<course>/enrol: enrols the signed-in learner on a free course and opens it. Enrolling
 * twice just opens the course again. A paid course answers 403 with the reason (places are bought
 * through checkout). Visitors are sent to log in and then back to the course page.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const coursePage = `/courses/${encodeURIComponent(params.courseSlug)}`
	const user = await requireUser(request, { redirectTo: coursePage })
	try {
		const enrolment = await enrolInCourse({ userId: user.id, courseSlug: params.courseSlug })
		return redirect(`/learn/${encodeURIComponent(enrolment.courseSlug)}`)
	} catch (error) {
		throwAsResponse(error)
	}
}
