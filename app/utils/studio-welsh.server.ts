import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { replyWithDomainError, throwAsResponse } from '#app/utils/errors.server.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { saveCourseTranslations } from '#modules/authoring/course-translations.ts'
import { CourseTranslationsSchema } from '#modules/authoring/schemas.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'

/**
 * The action of the studio's Welsh editor pages (ADR 0041): saves the draft's Welsh texts posted by
 * WelshTextsForm. Bad input and a version published meanwhile come back beside the form; being no
 * author of the course is a 403 page, an unknown course or version a 404.
 */
export async function saveWelshAction(request: Request, courseId: string) {
	const user = await requireTrainer(request)
	const submission = parseWithZod(await request.formData(), { schema: CourseTranslationsSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
	try {
		await saveCourseTranslations({ courseId, actorId: user.id, input: submission.value })
		return data({ result: submission.reply(), saved: true, nonce: crypto.randomUUID() })
	} catch (error) {
		if (!isDomainError(error) || error.kind === 'forbidden' || error.kind === 'not_found') throwAsResponse(error)
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, saved: false }, { status: reply.init?.status ?? 422 })
	}
}
