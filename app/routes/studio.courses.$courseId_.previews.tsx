import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { getCoursePreviewSettings, setCoursePreviews } from '#modules/previews/course-previews.ts'
import { CoursePreviewsSchema } from '#modules/previews/schemas.ts'
import type { Route } from './+types/studio.courses.$courseId_.previews'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('studio.metaTitleCourse', { ns: 'previews', courseTitle: data.course.title })
			: t('studio.metaTitle', { ns: 'previews' }),
		t('studio.metaDescription', { ns: 'previews' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => getCoursePreviewSettings({ courseId: params.courseId, actorId: user.id }))
}

/** Saves the ticked lessons as the course's free previews (authors and admins only, audited). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const submission = parseWithZod(await request.formData(), { schema: CoursePreviewsSchema })
	if (submission.status !== 'success') {
		return data({ ok: false as const, errors: Object.values(submission.error ?? {}).flat() }, { status: 400 })
	}
	try {
		await setCoursePreviews({
			courseId: params.courseId,
			actorId: user.id,
			lessonKeys: submission.value.lessonKey,
			origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
		})
	} catch (error) {
		// Refusals about who may edit are pages (403/404); a lesson that is not the course's video is the form's.
		if (isDomainError(error) && error.kind === 'invalid') {
			return data({ ok: false as const, errors: [error.message] }, { status: 400 })
		}
		throwAsResponse(error)
	}
	const t = await getT(request)
	return data({ ok: true as const, message: t('studio.saved', { ns: 'previews' }) })
}

export default function CoursePreviewsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('previews')
	const { course, lessons } = loaderData
	const navigation = useNavigation()
	const pending = navigation.state === 'submitting'
	const errors = actionData && !actionData.ok ? actionData.errors : null
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">{t('studio.heading')}</h1>
			<p className="mt-2 text-stone-700">{course.title}</p>
			<StudioCourseNav courseId={course.id} />

			<div className="prose-circle mt-6 space-y-3 text-stone-700">
				<p>{t('studio.intro')}</p>
				<p>{course.published ? t('studio.introPublished') : t('studio.introDraft')}</p>
			</div>

			<div aria-live="polite" className="mt-6">
				{actionData?.ok ? <Notice tone="success" role="status" title={actionData.message} /> : null}
			</div>

			{lessons.length === 0 ? (
				<p className="mt-6 rounded-xl border border-stone-200 bg-white p-5 text-stone-700">{t('studio.noVideos')}</p>
			) : (
				<Form method="post" className="mt-6 space-y-6" aria-describedby={errors ? 'previews-errors' : undefined}>
					<fieldset className="rounded-2xl border border-stone-200 bg-white p-5 sm:p-6">
						<legend className="px-1 text-lg font-semibold text-stone-900">{t('studio.legend')}</legend>
						<ErrorList id="previews-errors" errors={errors} />
						<ul className="mt-3 space-y-3">
							{lessons.map((lesson) => (
								<li key={lesson.key}>
									<label className="flex min-h-11 items-start gap-3">
										<input
											type="checkbox"
											name="lessonKey"
											value={lesson.key}
											defaultChecked={lesson.isPreview}
											className="mt-1 size-5 accent-brand-700"
										/>
										<span>
											<span className="block font-medium text-stone-900">{lesson.title}</span>
											<span className="block text-sm text-stone-600">{lesson.moduleTitle}</span>
										</span>
									</label>
								</li>
							))}
						</ul>
					</fieldset>
					<SubmitButton pending={pending} pendingText={t('studio.saving')}>
						{t('studio.save')}
					</SubmitButton>
				</Form>
			)}
			{course.published ? (
				<p className="mt-6 text-stone-700">
					<Link to={`/courses/${course.slug}`} className="font-medium text-brand-700 underline underline-offset-2">
						{t('studio.viewCoursePage')}
					</Link>
				</p>
			) : null}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
