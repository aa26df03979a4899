import { redirect } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { throwAsResponse } from '#app/utils/errors.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { findResumeLesson } from '#modules/learning/get-lesson-page.ts'
import type { Route } from './+types/learn.$courseSlug._index'

/**
 * /learn/<course>: opens the lesson to pick up from. Learners who are not enrolled go to the
 * course page, where they can enrol.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const slug = encodeURIComponent(params.courseSlug)
	try {
		const { lessonId } = await findResumeLesson({ userId: user.id, courseSlug: params.courseSlug })
		if (!lessonId) throw new Response('This course has no lessons yet.', { status: 404 })
		return redirect(`/learn/${slug}/${lessonId}`)
	} catch (error) {
		if (isDomainError(error) && error.code === 'NOT_ENROLLED') throw redirect(`/courses/${slug}`)
		throwAsResponse(error)
	}
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
