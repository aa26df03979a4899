import { useTranslation } from 'react-i18next'
import { Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TextareaField } from '#app/components/forms.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithProblem, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useTranslateError } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getCourseBuilder } from '#modules/authoring/get-course-builder.ts'
import { type ChangeSummary, getPublishReview, publishCourse } from '#modules/authoring/publish-course.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/studio.courses.$courseId.publish'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('publish.meta.title', { ns: 'studio', course: data.title })
			: t('publish.meta.titleFallback', { ns: 'studio' }),
		t('publish.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const base = { courseId: params.courseId, actorId: user.id }
	try {
		const review = await getPublishReview(base)
		return { title: review.draft.title, review, liveVersion: review.published?.number ?? null }
	} catch (error) {
		// No draft: there is nothing to publish; say so rather than failing.
		if (isDomainError(error) && error.code === 'NOT_A_DRAFT') {
			const builder = await withDomainErrors(() => getCourseBuilder(base))
			return { title: builder.version.title, review: null, liveVersion: builder.course.publishedVersionNumber }
		}
		throwAsResponse(error)
	}
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const form = await request.formData()
	const note = form.get('changeNote')
	try {
		const published = await publishCourse({
			courseId: params.courseId,
			actorId: user.id,
			changeNote: typeof note === 'string' ? note : null,
		})
		return redirect(`/studio/courses/${params.courseId}?published=${published.number}`)
	} catch (error) {
		return replyWithProblem(error, { intent: 'publish', target: null })
	}
}

export default function PublishRoute({ loaderData, actionData, params }: Route.ComponentProps) {
	const { title, review, liveVersion } = loaderData
	const { t } = useTranslation('studio')
	// The checks are English sentences from the module, read through the error catalogue (ADR 0045).
	const translateError = useTranslateError()
	const headline = useChangeHeadline()
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const error = actionData && !actionData.ok ? actionData : null
	return (
		<Container className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('nav.studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">
				{t('publish.heading', { course: title })}
			</h1>
			<StudioCourseNav courseId={params.courseId} />

			{!review ? (
				<Notice tone="info" title={t('publish.nothingTitle')} className="mt-8">
					{t('publish.nothingBody', { number: liveVersion })}
				</Notice>
			) : (
				<div className="mt-8 max-w-3xl space-y-8">
					<section aria-labelledby="changes-heading">
						<h2 id="changes-heading" className="text-2xl font-semibold text-stone-900">
							{t('publish.changesHeading')}
						</h2>
						{review.changes ? (
							<>
								<p className="mt-2 text-lg text-stone-800">
									<Trans
										t={t}
										i18nKey="publish.compared"
										values={{
											draft: review.draft.number,
											live: review.published?.number,
											headline: headline(review.changes),
										}}
										components={{ strong: <strong /> }}
									/>
								</p>
								<ChangeList title={t('publish.changedLessons')} items={review.changes.changed.map((l) => l.title)} />
								<ChangeList title={t('publish.addedLessons')} items={review.changes.added.map((l) => l.title)} />
								<ChangeList title={t('publish.removedLessons')} items={review.changes.removed.map((l) => l.title)} />
								<ChangeList
									title={t('publish.renamedModules')}
									items={review.changes.renamedModules.map((m) => `${m.from} → ${m.to}`)}
								/>
								<ChangeList title={t('publish.addedModules')} items={review.changes.addedModules} />
								<ChangeList title={t('publish.removedModules')} items={review.changes.removedModules} />
								<p className="mt-4 text-stone-700">
									{t('publish.learnersKeep', { live: review.published?.number, draft: review.draft.number })}
								</p>
							</>
						) : (
							<p className="mt-2 text-lg text-stone-800">{t('publish.firstVersion')}</p>
						)}
					</section>

					<section aria-labelledby="problems-heading">
						<h2 id="problems-heading" className="text-2xl font-semibold text-stone-900">
							{t('publish.problemsHeading')}
						</h2>
						{review.problems.length ? (
							<Notice tone="warning" title={t('publish.problems', { count: review.problems.length })} className="mt-3">
								<ul className="list-disc space-y-1 pl-5">
									{review.problems.map((p) => (
										<li key={p}>{translateError(p)}</li>
									))}
								</ul>
								<p className="mt-3">
									<Link
										to={`/studio/courses/${params.courseId}`}
										className="font-semibold underline underline-offset-2"
									>
										{t('publish.fix')}
									</Link>
								</p>
							</Notice>
						) : (
							<p className="mt-2 text-stone-800">{t('publish.ready')}</p>
						)}
					</section>

					<Form method="post" className="space-y-4">
						{error ? (
							<Notice tone="error" role="alert" title={t('publish.notPublished')}>
								{error.message}
							</Notice>
						) : null}
						<TextareaField
							labelProps={{ children: t('publish.note') }}
							description={t('publish.noteHint')}
							textareaProps={{ id: 'changeNote', name: 'changeNote', rows: 3, maxLength: 2000 }}
							errors={error?.field === 'changeNote' ? [error.message] : []}
						/>
						<div className="flex flex-wrap items-center gap-4">
							<Button type="submit" size="lg" disabled={busy || review.problems.length > 0}>
								{busy ? t('publish.publishing') : t('publish.publishVersion', { number: review.draft.number })}
							</Button>
							<ButtonLink to={`/studio/courses/${params.courseId}/preview`} variant="secondary">
								{t('publish.previewFirst')}
							</ButtonLink>
						</div>
					</Form>
				</div>
			)}
		</Container>
	)
}

function ChangeList({ title, items }: { title: string; items: string[] }) {
	if (items.length === 0) return null
	return (
		<div className="mt-4">
			<h3 className="font-semibold text-stone-900">{title}</h3>
			<ul className="mt-1 list-disc space-y-1 pl-5 text-stone-800">
				{items.map((item, i) => (
					<li key={`${item}-${i}`}>{item}</li>
				))}
			</ul>
		</div>
	)
}

/**
 * The summary of changes in the page's language ("3 lessons changed, 1 added, 2 modules renamed"),
 * worded here from the counts: the module's `headline` is the English one stored as the version's
 * change summary.
 */
function useChangeHeadline() {
	const { t } = useTranslation('studio')
	return (
		changes: Pick<
			ChangeSummary,
			'changed' | 'added' | 'removed' | 'renamedModules' | 'addedModules' | 'removedModules'
		>,
	) => {
		const parts: string[] = []
		// The first lesson figure names its noun ("3 lessons changed"); the ones after it do not ("1 added").
		const lessonPart = (
			count: number,
			first: 'lessonsChanged' | 'lessonsAdded' | 'lessonsRemoved',
			rest: 'added' | 'removed' | null,
		) =>
			parts.length === 0 || !rest ? t(`publish.headline.${first}`, { count }) : t(`publish.headline.${rest}`, { count })
		if (changes.changed.length) parts.push(lessonPart(changes.changed.length, 'lessonsChanged', null))
		if (changes.added.length) parts.push(lessonPart(changes.added.length, 'lessonsAdded', 'added'))
		if (changes.removed.length) parts.push(lessonPart(changes.removed.length, 'lessonsRemoved', 'removed'))
		if (changes.renamedModules.length)
			parts.push(t('publish.headline.modulesRenamed', { count: changes.renamedModules.length }))
		if (changes.addedModules.length)
			parts.push(t('publish.headline.modulesAdded', { count: changes.addedModules.length }))
		if (changes.removedModules.length)
			parts.push(t('publish.headline.modulesRemoved', { count: changes.removedModules.length }))
		return parts.length ? parts.join(', ') : t('publish.headline.none')
	}
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
