import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { throwAsResponse } from '#app/utils/errors.server.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { getEnrolmentVersionStatus, previewMoveToVersion } from '#modules/authoring/move-enrolment-to-version.ts'
import { requireCourseOpenInProgrammes } from '#app/utils/programme-gate.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { findResumeLesson } from '#modules/learning/get-lesson-page.ts'
import type { Route } from './+types/learn.$courseSlug._index'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data?.view === 'offer'
			? t('course.meta.offer', { ns: 'dashboard' })
			: data?.view === 'moved'
				? t('course.meta.moved', { ns: 'dashboard', number: data.versionNumber })
				: t('course.meta.title', { ns: 'dashboard' }),
		t('course.meta.description', { ns: 'dashboard' }),
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

/**
 * /learn/<course>: opens the lesson to pick up from. Learners who are not enrolled go to the
 * course page, where they can enrol. When a newer version has been published since the learner
 * enrolled (and they have not completed the course), this page stops to offer it first: what
 * changed, and which of their progress carries over. Right after a move it confirms the move.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const slug = encodeURIComponent(params.courseSlug)
	await requireCourseOpenInProgrammes({ userId: user.id, courseSlug: params.courseSlug })
	try {
		const status = await getEnrolmentVersionStatus({ userId: user.id, courseSlug: params.courseSlug })
		if (!status) throw redirect(`/courses/${slug}`)
		const { lessonId } = await findResumeLesson({ userId: user.id, courseSlug: params.courseSlug })
		if (!lessonId) {
			const t = await getT(request)
			throw new Response(t('course.noLessons', { ns: 'dashboard' }), { status: 404 })
		}
		const continueTo = `/learn/${slug}/${lessonId}`
		if (status.newerNumber != null) {
			const preview = await previewMoveToVersion({ userId: user.id, courseId: status.courseId })
			return { view: 'offer' as const, slug: params.courseSlug, continueTo, preview }
		}
		const moved = new URL(request.url).searchParams.get('moved')
		if (moved === String(status.currentNumber)) {
			return { view: 'moved' as const, slug: params.courseSlug, continueTo, versionNumber: status.currentNumber }
		}
		return redirect(continueTo)
	} catch (error) {
		if (error instanceof Response) throw error
		if (isDomainError(error) && error.code === 'NOT_ENROLLED') throw redirect(`/courses/${slug}`)
		throwAsResponse(error)
	}
}

export default function LearnCourseRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('dashboard')
	if (loaderData.view === 'moved') {
		return (
			<Container width="prose" className="py-10 sm:py-12">
				<div role="status">
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">
						{t('course.movedHeading', { number: loaderData.versionNumber })}
					</h1>
					<p className="mt-3 text-lg text-stone-700">{t('course.movedText')}</p>
				</div>
				<ButtonLink to={loaderData.continueTo} className="mt-6">
					{t('course.continueCourse')}
				</ButtonLink>
			</Container>
		)
	}
	return <VersionOffer {...loaderData} />
}

function VersionOffer({ slug, continueTo, preview }: Extract<Route.ComponentProps['loaderData'], { view: 'offer' }>) {
	const navigation = useNavigation()
	const moving = navigation.state !== 'idle' && navigation.formAction?.endsWith('/move-version')
	const { changes, to } = preview
	const lostCount = preview.lostLessons.length
	const { t } = useTranslation('dashboard')
	const f = useFormat()
	const headline = changeHeadline(t, changes)
	const textValues = {
		from: preview.fromNumber,
		title: to.title,
		to: to.number,
		date: to.publishedAt ? f.date(to.publishedAt) : '',
	}
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/dashboard" className="text-brand-700 underline underline-offset-2">
					{t('course.yourLearning')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('course.offerHeading')}</h1>
			<p className="mt-3 text-lg text-stone-700">
				<Trans
					t={t}
					i18nKey={to.publishedAt ? 'course.offerTextOn' : 'course.offerText'}
					values={textValues}
					components={{ strong: <span className="font-semibold" /> }}
				/>
			</p>

			<section aria-labelledby="changed-heading" className="mt-8">
				<h2 id="changed-heading" className="text-xl font-semibold text-stone-900">
					{t('course.whatChanged')}
				</h2>
				{to.changeSummary && to.changeSummary !== changes.headline && to.changeSummary !== headline ? (
					<p className="mt-2 whitespace-pre-line text-stone-800">{to.changeSummary}</p>
				) : null}
				<p className="mt-2 text-stone-800">{headline}.</p>
				<ChangeList title={t('course.changedLessons')} items={changes.changed.map((l) => l.title)} />
				<ChangeList title={t('course.newLessons')} items={changes.added.map((l) => l.title)} />
				<ChangeList title={t('course.lessonsTakenOut')} items={changes.removed.map((l) => l.title)} />
			</section>

			<section aria-labelledby="progress-heading" className="mt-8">
				<h2 id="progress-heading" className="text-xl font-semibold text-stone-900">
					{t('course.yourProgress')}
				</h2>
				{preview.startedLessons === 0 ? (
					<p className="mt-2 text-stone-800">{t('course.nothingToLose')}</p>
				) : (
					<p className="mt-2 text-stone-800">
						{t(preview.keptCompleted ? 'course.keptFinished' : 'course.kept', {
							kept: preview.keptLessons,
							started: preview.startedLessons,
							finished: preview.keptCompleted,
						})}{' '}
						{t('course.unchanged', {
							unchanged: preview.unchangedLessons,
							number: to.number,
							total: preview.totalLessons,
						})}
					</p>
				)}
				{lostCount > 0 ? (
					<Notice tone="warning" className="mt-4" title={t('course.startAfresh', { count: lostCount })}>
						<ul className="list-disc pl-5">
							{preview.lostLessons.map((l) => (
								<li key={l.key}>{l.title}</li>
							))}
						</ul>
					</Notice>
				) : null}
				<p className="mt-4 text-stone-700">{t('course.answersStay', { number: preview.fromNumber })}</p>
			</section>

			<div className="mt-8 flex flex-wrap items-center gap-3">
				<Form method="post" action={`/learn/${encodeURIComponent(slug)}/move-version`}>
					<input type="hidden" name="toVersion" value={to.number} />
					<Button
						type="submit"
						aria-disabled={moving || undefined}
						onClick={moving ? (e) => e.preventDefault() : undefined}
					>
						{moving ? t('course.moving') : t('course.moveTo', { number: to.number })}
					</Button>
				</Form>
				<ButtonLink to={continueTo} variant="secondary">
					{t('course.stayOn', { number: preview.fromNumber })}
				</ButtonLink>
			</div>
		</Container>
	)
}

type Changes = Extract<Route.ComponentProps['loaderData'], { view: 'offer' }>['preview']['changes']

/** "3 lessons changed, 1 added, 1 removed, 2 modules renamed" in the page's language (as summariseChanges words it). */
function changeHeadline(t: TFunction<'dashboard'>, changes: Changes) {
	const parts: string[] = []
	const lessons = (
		count: number,
		full: 'lessonsChanged' | 'lessonsAdded' | 'lessonsRemoved',
		short: 'changed' | 'added' | 'removed',
	) => parts.push(parts.length === 0 ? t(`course.changes.${full}`, { count }) : t(`course.changes.${short}`, { count }))
	if (changes.changed.length) lessons(changes.changed.length, 'lessonsChanged', 'changed')
	if (changes.added.length) lessons(changes.added.length, 'lessonsAdded', 'added')
	if (changes.removed.length) lessons(changes.removed.length, 'lessonsRemoved', 'removed')
	if (changes.renamedModules.length)
		parts.push(t('course.changes.modulesRenamed', { count: changes.renamedModules.length }))
	if (changes.addedModules.length) parts.push(t('course.changes.modulesAdded', { count: changes.addedModules.length }))
	if (changes.removedModules.length)
		parts.push(t('course.changes.modulesRemoved', { count: changes.removedModules.length }))
	return parts.length ? parts.join(', ') : t('course.changes.none')
}

function ChangeList({ title, items }: { title: string; items: string[] }) {
	if (items.length === 0) return null
	return (
		<div className="mt-3">
			<h3 className="font-semibold text-stone-900">{title}</h3>
			<ul className="mt-1 list-disc pl-5 text-stone-800">
				{items.map((item, i) => (
					<li key={i}>{item}</li>
				))}
			</ul>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
