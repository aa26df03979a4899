import { useTranslation } from 'react-i18next'
import { data, Link, type ShouldRevalidateFunctionArgs } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { LessonEditor } from '#app/components/studio/lesson-editor.tsx'
import {
	contentFromForm,
	fieldErrors,
	type LessonKindName,
	type SaveReply,
} from '#app/components/studio/lesson-form.ts'
import { LessonReadOnly } from '#app/components/studio/lesson-read-only.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getLessonForEditor, LessonConflictError, saveLessonContent } from '#modules/authoring/lesson-content.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import type { Route } from './+types/studio.courses.$courseId.lessons.$lessonId'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('lessonPage.meta.title', { ns: 'studio', lesson: data.lesson.title })
			: t('lessonPage.meta.titleFallback', { ns: 'studio' }),
		t('lessonPage.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const lesson = await withDomainErrors(() =>
		getLessonForEditor({ courseId: params.courseId, lessonId: params.lessonId, actorId: user.id }),
	)
	return { lesson, html: lesson.kind === 'READING' ? renderMarkdown(lesson.markdown ?? '') : null }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

// An autosave must not reload the page's data: that would reset what the author is typing.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
	if (formData?.get('intent') === 'autosave') return false
	return defaultShouldRevalidate
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const base = { courseId: params.courseId, lessonId: params.lessonId, actorId: user.id }
	// Checks access first (403/404 before anything about the content is said).
	const lesson = await withDomainErrors(() => getLessonForEditor(base))
	const form = await request.formData()
	const t = await getT(request)
	const kind = lesson.kind as LessonKindName
	const revision = Number(form.get('revision'))
	const content = contentFromForm(kind, form)
	const errors = fieldErrors(kind, content)
	if (Object.keys(errors).length) {
		return data<SaveReply>(
			{ status: 'invalid', errors, message: t('lessonEditor.status.invalid', { ns: 'studio' }) },
			{ status: 422 },
		)
	}
	try {
		const saved = await saveLessonContent({ ...base, revision: Number.isInteger(revision) ? revision : -1, content })
		return data<SaveReply>({ status: 'saved', revision: saved.revision, savedAt: new Date().toISOString() })
	} catch (error) {
		if (error instanceof LessonConflictError) {
			return data<SaveReply>(
				{ status: 'conflict', message: t('lessonEditor.conflict', { ns: 'studio' }), revision: error.current.revision },
				{ status: 409 },
			)
		}
		return replyWithProblem(error, (e): SaveReply =>
			e.kind === 'invalid'
				? { status: 'invalid', errors: { [e.field ?? 'form']: [e.message] }, message: e.message }
				: { status: 'error', message: e.message },
		)
	}
}

export default function LessonEditorRoute({ loaderData, actionData, params }: Route.ComponentProps) {
	const { lesson, html } = loaderData
	const courseId = params.courseId
	const { t } = useTranslation('studio')
	return (
		<Container className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('nav.studio')}
				</Link>
				<span aria-hidden="true"> / </span>
				<Link to={`/studio/courses/${courseId}`} className="font-medium text-brand-700 underline underline-offset-2">
					{lesson.version.title}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">
				<span className="block text-base font-medium text-stone-600">
					{t(`lessonPage.kindIn.${lesson.kind}`, { module: lesson.module.title })}
				</span>
				{lesson.title}
			</h1>
			<StudioCourseNav courseId={courseId} />
			{lesson.editable ? (
				<LessonEditor key={lesson.id} lesson={lesson} html={html} courseId={courseId} noJsReply={actionData ?? null} />
			) : (
				<>
					<Notice
						tone="warning"
						title={t('lessonPage.publishedTitle', { number: lesson.version.number })}
						className="mt-6"
					>
						<Trans
							t={t}
							i18nKey="lessonPage.publishedBody"
							components={{
								a: <Link to={`/studio/courses/${courseId}`} className="font-semibold underline underline-offset-2" />,
							}}
						/>
					</Notice>
					<LessonReadOnly lesson={lesson} html={html} />
				</>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
