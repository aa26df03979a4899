import { redirect } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { getCoursePreview } from '#modules/authoring/preview-course.ts'
import type { Route } from './+types/studio.courses.$courseId.preview._index'

/** /preview: the draft (else the published version), from its first lesson. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const preview = await withDomainErrors(() => getCoursePreview({ courseId: params.courseId, actorId: user.id }))
	const lesson = preview.lesson ? `/${preview.lesson.id}` : ''
	throw redirect(`/studio/courses/${params.courseId}/preview/${preview.version.number}${lesson}`)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
