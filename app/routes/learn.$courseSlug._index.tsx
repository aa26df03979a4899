import { Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { throwAsResponse } from '#app/utils/errors.server.ts'
import { formatDate, pluralise } from '#app/utils/format.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { getEnrolmentVersionStatus, previewMoveToVersion } from '#modules/authoring/move-enrolment-to-version.ts'
import { requireCourseOpenInProgrammes } from '#app/utils/programme-gate.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { findResumeLesson } from '#modules/learning/get-lesson-page.ts'
import type { Route } from './+types/learn.$courseSlug._index'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		data?.view === 'offer'
			? 'A new version of this course is available | Circle'
			: data?.view === 'moved'
				? `You are now on version ${data.versionNumber} | Circle`
				: 'Your course | Circle',
		'Where you are in your course, and the lesson to carry on with.',
	)

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
		if (!lessonId) throw new Response('This course has no lessons yet.', { status: 404 })
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
	if (loaderData.view === 'moved') {
		return (
			<Container width="prose" className="py-10 sm:py-12">
				<div role="status">
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">
						You are now following version {loaderData.versionNumber}
					</h1>
					<p className="mt-3 text-lg text-stone-700">
						Lessons that did not change kept your progress. Pick up where you left off.
					</p>
				</div>
				<ButtonLink to={loaderData.continueTo} className="mt-6">
					Continue the course
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
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/dashboard" className="text-brand-700 underline underline-offset-2">
					Your learning
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">
				A new version of this course is available
			</h1>
			<p className="mt-3 text-lg text-stone-700">
				You are following version {preview.fromNumber} of <span className="font-semibold">{to.title}</span>. Version{' '}
				{to.number} was published{to.publishedAt ? ` on ${formatDate(to.publishedAt)}` : ''}. You can move to it now or
				carry on with the version you started: both count for your certificate.
			</p>

			<section aria-labelledby="changed-heading" className="mt-8">
				<h2 id="changed-heading" className="text-xl font-semibold text-stone-900">
					What changed
				</h2>
				{to.changeSummary && to.changeSummary !== changes.headline ? (
					<p className="mt-2 whitespace-pre-line text-stone-800">{to.changeSummary}</p>
				) : null}
				<p className="mt-2 text-stone-800">{changes.headline}.</p>
				<ChangeList title="Changed lessons" items={changes.changed.map((l) => l.title)} />
				<ChangeList title="New lessons" items={changes.added.map((l) => l.title)} />
				<ChangeList title="Lessons taken out" items={changes.removed.map((l) => l.title)} />
			</section>

			<section aria-labelledby="progress-heading" className="mt-8">
				<h2 id="progress-heading" className="text-xl font-semibold text-stone-900">
					Your progress
				</h2>
				{preview.startedLessons === 0 ? (
					<p className="mt-2 text-stone-800">You have not started any lessons yet, so there is nothing to lose.</p>
				) : (
					<p className="mt-2 text-stone-800">
						{preview.keptLessons} of the {pluralise(preview.startedLessons, 'lesson')} you have started{' '}
						{preview.keptLessons === 1 ? 'keeps its' : 'keep their'} progress
						{preview.keptCompleted ? ` (${preview.keptCompleted} of them finished)` : ''}, because{' '}
						{preview.keptLessons === 1 ? 'it has' : 'they have'} not changed. {preview.unchangedLessons} of version{' '}
						{to.number}’s {preview.totalLessons} lessons are the same as before.
					</p>
				)}
				{lostCount > 0 ? (
					<Notice tone="warning" className="mt-4" title={`${pluralise(lostCount, 'lesson')} would start afresh`}>
						<ul className="list-disc pl-5">
							{preview.lostLessons.map((l) => (
								<li key={l.key}>{l.title}</li>
							))}
						</ul>
					</Notice>
				) : null}
				<p className="mt-4 text-stone-700">
					Your answers and reflections on version {preview.fromNumber} stay in your portfolio either way.
				</p>
			</section>

			<div className="mt-8 flex flex-wrap items-center gap-3">
				<Form method="post" action={`/learn/${encodeURIComponent(slug)}/move-version`}>
					<input type="hidden" name="toVersion" value={to.number} />
					<Button
						type="submit"
						aria-disabled={moving || undefined}
						onClick={moving ? (e) => e.preventDefault() : undefined}
					>
						{moving ? 'Moving…' : `Move to version ${to.number}`}
					</Button>
				</Form>
				<ButtonLink to={continueTo} variant="secondary">
					Stay on version {preview.fromNumber} and continue
				</ButtonLink>
			</div>
		</Container>
	)
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
