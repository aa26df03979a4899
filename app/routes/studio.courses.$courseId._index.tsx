import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CourseDetailsForm } from '#app/components/studio/course-details-form.tsx'
import { CourseStructure, type StructureReply } from '#app/components/studio/course-structure.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { StudioCourseNav, VersionStateBadge, versionState } from '#app/components/studio/studio-nav.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { createDraftVersion } from '#modules/authoring/create-draft-version.ts'
import { getCourseBuilder } from '#modules/authoring/get-course-builder.ts'
import { CourseDetailsSchema, CourseStructureActionSchema } from '#modules/authoring/schemas.ts'
import {
	addLesson,
	addModule,
	deleteLesson,
	deleteModule,
	moveLesson,
	moveLessonToModule,
	moveModule,
	renameLesson,
	renameModule,
	reorderLessons,
	reorderModules,
} from '#modules/authoring/structure.ts'
import { updateCourseDetails } from '#modules/authoring/update-course-details.ts'
import type { Route } from './+types/studio.courses.$courseId._index'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('builder.meta.title', { ns: 'studio', course: data.version.title })
			: t('home.meta.title', { ns: 'studio' }),
		t('builder.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => getCourseBuilder({ courseId: params.courseId, actorId: user.id }))
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

function text(form: FormData, name: string) {
	const value = form.get(name)
	return typeof value === 'string' ? value : ''
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const courseId = params.courseId
	const base = { courseId, actorId: user.id }
	const form = await request.formData()
	const intent = text(form, 'intent')
	const t = await getT(request)

	if (intent === 'update-details') {
		const submission = parseWithZod(form, { schema: CourseDetailsSchema })
		if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
		try {
			await updateCourseDetails({
				...base,
				input: { ...submission.value, outcomes: submission.value.outcomes.join('\n') },
			})
			return data({
				result: submission.reply(),
				ok: true as const,
				intent,
				target: null,
				message: t('builder.message.detailsSaved', { ns: 'studio' }),
			})
		} catch (error) {
			return replyWithDomainError(submission, error)
		}
	}

	const target = text(form, 'lessonId') || text(form, 'moduleId') || null
	const submission = parseWithZod(form, { schema: CourseStructureActionSchema })
	if (submission.status !== 'success') {
		const [field, messages] = Object.entries(submission.error ?? {}).find(([, m]) => m?.length) ?? ['intent', null]
		return data(
			{
				ok: false as const,
				intent,
				target,
				message: messages?.[0] ?? t('builder.message.unrecognised', { ns: 'studio' }),
				field: field === 'intent' ? null : field.replace(/\[\d+\]$/, ''),
			},
			{ status: 400 },
		)
	}
	const change = submission.value
	const moved = 'direction' in change ? change.direction : null
	const ok = (message: string) =>
		data({ ok: true as const, intent, target, message, direction: moved, nonce: crypto.randomUUID() })
	try {
		switch (change.intent) {
			case 'create-draft': {
				const draft = await createDraftVersion(base)
				return ok(
					draft.created
						? t('builder.message.draftStarted', { ns: 'studio', number: draft.number })
						: t('builder.message.editingDraft', { ns: 'studio', number: draft.number }),
				)
			}
			case 'add-module': {
				const mod = await addModule({ ...base, title: change.title })
				return ok(t('builder.message.moduleAdded', { ns: 'studio', title: mod.title }))
			}
			case 'rename-module':
				await renameModule({ ...base, moduleId: change.moduleId, title: change.title })
				return ok(t('builder.message.moduleRenamed', { ns: 'studio' }))
			case 'delete-module':
				await deleteModule({ ...base, moduleId: change.moduleId })
				return ok(t('builder.message.moduleDeleted', { ns: 'studio' }))
			case 'move-module': {
				const { position, total } = await moveModule({
					...base,
					moduleId: change.moduleId,
					direction: change.direction,
				})
				return ok(t('builder.message.moduleMoved', { ns: 'studio', position, total }))
			}
			case 'reorder-modules':
				await reorderModules({ ...base, moduleIds: change.order })
				return ok(t('builder.message.moduleOrderSaved', { ns: 'studio' }))
			case 'add-lesson': {
				const lesson = await addLesson({ ...base, moduleId: change.moduleId, kind: change.kind, title: change.title })
				return ok(t('builder.message.lessonAdded', { ns: 'studio', title: lesson.title }))
			}
			case 'rename-lesson':
				await renameLesson({ ...base, lessonId: change.lessonId, title: change.title })
				return ok(t('builder.message.lessonRenamed', { ns: 'studio' }))
			case 'delete-lesson':
				await deleteLesson({ ...base, lessonId: change.lessonId })
				return ok(t('builder.message.lessonDeleted', { ns: 'studio' }))
			case 'move-lesson': {
				const { position, total } = await moveLesson({
					...base,
					lessonId: change.lessonId,
					direction: change.direction,
				})
				return ok(t('builder.message.lessonMoved', { ns: 'studio', position, total }))
			}
			case 'move-lesson-to-module':
				await moveLessonToModule({ ...base, lessonId: change.lessonId, moduleId: change.toModuleId })
				return ok(t('builder.message.lessonMovedToModule', { ns: 'studio' }))
			case 'reorder-lessons':
				await reorderLessons({ ...base, moduleId: change.moduleId, lessonIds: change.order })
				return ok(t('builder.message.lessonOrderSaved', { ns: 'studio' }))
		}
	} catch (error) {
		return replyWithProblem(error, { intent, target })
	}
}

export default function CourseBuilderRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, version, modules } = loaderData
	const { t } = useTranslation('studio')
	const f = useFormat()
	const navigation = useNavigation()
	const state = versionState({
		hasDraft: version.status === 'DRAFT',
		hasPublished: course.publishedVersionNumber != null,
	})
	const detailsResult = actionData && 'result' in actionData ? actionData.result : undefined
	const reply = actionData && !('result' in actionData) ? (actionData as StructureReply) : null
	const [searchParams] = useSearchParams()
	const publishedNow = searchParams.get('published')
	const created = searchParams.has('created')
	const startingDraft = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'create-draft'

	return (
		<Container className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('nav.studio')}
				</Link>
			</p>
			<div className="mt-2 flex flex-wrap items-center gap-3">
				<h1 className="text-3xl font-bold tracking-tight text-stone-900">{version.title}</h1>
				<VersionStateBadge state={state} />
			</div>
			<p className="mt-2 text-stone-700">
				{`/courses/${course.slug} · `}
				{t('builder.enrolled', { count: course.enrolmentCount, number: f.number(course.enrolmentCount) })}
			</p>
			<StudioCourseNav courseId={course.id} />

			<div className="mt-6 space-y-4">
				{publishedNow && !reply ? (
					<Notice tone="success" role="status" title={t('builder.published.title', { number: publishedNow })}>
						{t('builder.published.body')}{' '}
						<Link to={`/courses/${course.slug}`} className="font-semibold underline underline-offset-2">
							{t('builder.published.link')}
						</Link>
					</Notice>
				) : null}
				{created && !reply ? (
					<Notice tone="success" role="status" title={t('builder.created.title')}>
						{t('builder.created.body')}
					</Notice>
				) : null}
				{version.editable ? (
					course.publishedVersionNumber ? (
						<Notice tone="info" title={t('builder.editingDraft.title', { number: version.number })}>
							{t('builder.editingDraft.body', { published: course.publishedVersionNumber })}
						</Notice>
					) : (
						<Notice tone="info" title={t('builder.newDraft.title', { number: version.number })}>
							{t('builder.newDraft.body')}
						</Notice>
					)
				) : (
					<Notice tone="warning" title={t('builder.live.title', { number: version.number })}>
						<p>
							{t('builder.live.body', {
								number: version.number,
								date: version.updatedAt ? f.date(version.updatedAt) : '',
							})}
						</p>
						<Form method="post" className="mt-3">
							<input type="hidden" name="intent" value="create-draft" />
							<Button type="submit" disabled={startingDraft}>
								{startingDraft ? t('builder.startingDraft') : t('builder.startDraft')}
							</Button>
						</Form>
					</Notice>
				)}
			</div>

			<CourseStructure
				key={version.id}
				courseId={course.id}
				editable={version.editable}
				published={course.publishedVersionNumber}
				modules={modules}
				reply={reply}
			/>

			<section aria-labelledby="details-heading" className="mt-12 border-t border-stone-200 pt-8">
				<h2 id="details-heading" className="text-2xl font-semibold text-stone-900">
					{t('builder.detailsHeading')}
				</h2>
				{version.editable ? (
					<>
						{detailsResult?.status === 'success' ? (
							<Notice tone="success" role="status" title={t('builder.detailsSaved')} className="mt-4" />
						) : null}
						<div className="max-w-3xl">
							<CourseDetailsForm
								id="course-details"
								intent="update-details"
								submitLabel={t('builder.saveDetails')}
								lastResult={detailsResult}
								cpdProblem={version.cpdProblem}
								defaultValue={{
									title: version.title,
									slug: course.slug,
									summary: version.summary,
									description: version.description,
									sectors: course.sectors,
									cpdHours: String(version.cpdMinutes / 60),
									pricePounds: String(course.pricePence / 100),
									outcomes: version.outcomes.join('\n'),
									sequential: version.sequential,
								}}
							/>
						</div>
					</>
				) : (
					<p className="mt-3 text-stone-700">{t('builder.startDraftToChange')}</p>
				)}
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
