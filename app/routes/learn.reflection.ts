import { data } from 'react-router'
import { readJsonBody } from '#app/utils/json-response.server.ts'
import { requireApiSession } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { saveReflectionDraft } from '#modules/quizzes/save-reflection-draft.ts'
import type { Route } from './+types/learn.reflection'

/**
 * POST /learn/reflection: autosave of a reflection as it is typed, JSON `{ questionId, text }`.
 * Replies `{ questionId, updatedAt }`, which the page keeps to tell whether its local copy or the
 * server's is newer.
 */
export async function action({ request }: Route.ActionArgs) {
	if (request.method !== 'POST') return data({ message: 'Use POST.' }, { status: 405, headers: { Allow: 'POST' } })
	// The MFA gate as on every page: a session it would end saves nothing.
	const auth = await requireApiSession(request, 'Please log in again to save your reflection.')
	if (auth instanceof Response) return auth
	const { user } = auth
	try {
		const saved = await saveReflectionDraft({ userId: user.id, input: await readJsonBody(request) })
		return data(
			{ questionId: saved.questionId, updatedAt: saved.updatedAt.toISOString() },
			{ headers: { 'Cache-Control': 'no-store' } },
		)
	} catch (error) {
		return problemJson(error)
	}
}
