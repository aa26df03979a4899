import { problemJson } from '#app/utils/errors.server.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { assertCanEditCourse } from '#modules/authoring/access.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import type { Route } from './+types/studio.courses.$courseId.markdown-preview'

const MAX_MARKDOWN = 100_000

/**
 * POST { markdown } (form-encoded): the reading editor's live preview, rendered by the same
 * renderMarkdown (and sanitiser) as the learner view, so what the author sees is what learners get.
 * Only authors of the course (and admins) may use it.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	try {
		await assertCanEditCourse({ courseId: params.courseId, actorId: user.id })
	} catch (error) {
		return problemJson(error)
	}
	const form = await request.formData()
	const markdown = form.get('markdown')
	if (typeof markdown !== 'string' || markdown.length > MAX_MARKDOWN) {
		return Response.json({ message: 'Send the reading’s Markdown, up to 100,000 characters.' }, { status: 400 })
	}
	return Response.json({ html: renderMarkdown(markdown) }, { headers: { 'Cache-Control': 'private, no-store' } })
}
