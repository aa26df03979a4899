import { Form, isRouteErrorResponse, Link, useRouteLoaderData } from 'react-router'
import { ErrorPage, errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { AwardIcon, CheckIcon, LayersIcon, LessonKindIcon } from '#app/components/ui/icons.tsx'
import { Price } from '#app/components/ui/price.tsx'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import {
	formatCoursePrice,
	formatCpdHours,
	formatDate,
	formatDuration,
	LESSON_KIND_LABELS,
	markdownToTextBlocks,
	pluralise,
	sectorLabel,
	sectorSlug,
} from '#app/utils/format.ts'
import { getCoursePage } from '#modules/catalog/get-course-page.ts'
import { getEnrolmentSummary } from '#modules/enrolment/get-enrolment-summary.ts'
import type { Route } from './+types/courses.$slug'
import type { loader as rootLoader } from '../root.tsx'

export async function loader({ params, request }: Route.LoaderArgs) {
	// Unknown and unpublished slugs are the same 404, so drafts cannot be found by guessing.
	const [course, user] = await Promise.all([
		withDomainErrors(() => getCoursePage({ slug: params.slug })),
		getOptionalUser(request),
	])
	const enrolment = user ? await getEnrolmentSummary({ userId: user.id, courseId: course.id }) : null
	return { course, enrolment: enrolment?.enrolled ? enrolment : null }
}

export const meta: Route.MetaFunction = ({ loaderData, error }) => {
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404 ? 'Course not found | Circle' : errorTitle(error),
			'This course could not be shown. Browse Circle’s other CPD courses in relational and restorative practice.',
		)
	}
	return pageMeta(`${loaderData.course.title} | Circle`, loaderData.course.summary)
}

export default function CourseRoute({ loaderData }: Route.ComponentProps) {
	const { course, enrolment } = loaderData
	const blocks = markdownToTextBlocks(course.description)
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-10 sm:py-14">
					<nav aria-label="Breadcrumb">
						<ol className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
							<li>
								<Link to="/courses" className="font-medium text-brand-700 underline underline-offset-2">
									Courses
								</Link>
							</li>
							<li aria-hidden="true">/</li>
							<li aria-current="page" className="truncate">
								{course.title}
							</li>
						</ol>
					</nav>
					<ul className="mt-6 flex flex-wrap gap-2" aria-label="Sectors">
						{course.sectors.map((sector) => (
							<li key={sector}>
								<Link to={`/courses?sector=${sectorSlug(sector)}`} className="rounded-full">
									<Badge tone={sector === 'FOUNDATIONS' ? 'accent' : 'brand'} className="hover:underline">
										{sectorLabel(sector)}
									</Badge>
								</Link>
							</li>
						))}
					</ul>
					<h1 className="mt-4 max-w-4xl text-3xl leading-tight font-bold tracking-tight text-brand-900 sm:text-5xl">
						{course.title}
					</h1>
					<p className="mt-5 max-w-3xl text-lg leading-relaxed text-stone-700 sm:text-xl">{course.summary}</p>
					<ul className="mt-8 flex flex-wrap gap-x-8 gap-y-3 text-stone-800">
						<li className="inline-flex items-center gap-2">
							<AwardIcon className="size-5 text-brand-700" />
							<span>
								{formatCpdHours(course.cpdMinutes)}
								<span className="text-stone-600">: {course.cpdExplanation}</span>
							</span>
						</li>
						<li className="inline-flex items-center gap-2">
							<LayersIcon className="size-5 text-brand-700" />
							{pluralise(course.modules.length, 'module')}, {pluralise(course.lessonCount, 'lesson')}
						</li>
					</ul>
					{/* On small screens the enrol card comes after the outline, so the action is offered here too. */}
					<div className="mt-8 flex flex-wrap items-center gap-x-5 gap-y-3 lg:hidden">
						<Price pence={course.pricePence} className="text-2xl" />
						<EnrolAction course={course} enrolment={enrolment} />
					</div>
				</Container>
			</div>

			<Container className="grid gap-10 py-12 lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-14">
				<div className="min-w-0 space-y-12 lg:order-1">
					{blocks.length > 0 ? (
						<section aria-labelledby="about-heading">
							<h2 id="about-heading" className="text-2xl font-bold tracking-tight text-stone-900">
								About this course
							</h2>
							<div className="prose-circle mt-4 space-y-4 text-lg leading-relaxed text-stone-700">
								{blocks.map((block, index) =>
									block.kind === 'heading' ? (
										<h3 key={index} className="pt-2 text-xl font-semibold text-stone-900">
											{block.text}
										</h3>
									) : block.kind === 'list' ? (
										<ul key={index} className="list-disc space-y-1 pl-6">
											{block.items.map((item, i) => (
												<li key={i}>{item}</li>
											))}
										</ul>
									) : (
										<p key={index}>{block.text}</p>
									),
								)}
							</div>
						</section>
					) : null}

					{course.outcomes.length > 0 ? (
						<section
							aria-labelledby="outcomes-heading"
							className="rounded-2xl border border-stone-200 bg-white p-6 sm:p-8"
						>
							<h2 id="outcomes-heading" className="text-2xl font-bold tracking-tight text-stone-900">
								What you will be able to do
							</h2>
							<ul className="mt-5 grid gap-4 sm:grid-cols-2">
								{course.outcomes.map((outcome) => (
									<li key={outcome} className="flex gap-3 leading-relaxed text-stone-800">
										<CheckIcon className="mt-0.5 size-5 shrink-0 text-brand-700" />
										<span>{outcome}</span>
									</li>
								))}
							</ul>
						</section>
					) : null}

					<section aria-labelledby="outline-heading">
						<div className="flex flex-wrap items-baseline justify-between gap-2">
							<h2 id="outline-heading" className="text-2xl font-bold tracking-tight text-stone-900">
								Course outline
							</h2>
							<p className="text-stone-700">
								{pluralise(course.lessonCount, 'lesson')}, about {formatDuration(course.totalMinutes)} in total
							</p>
						</div>
						<ol className="mt-6 space-y-5">
							{course.modules.map((module, moduleIndex) => {
								const minutes = module.lessons.reduce((sum, l) => sum + l.estimatedMinutes, 0)
								return (
									<li key={module.id} className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
										<div className="border-b border-stone-100 bg-stone-50 px-5 py-4 sm:px-6">
											<p className="text-sm font-semibold text-accent-700">Module {moduleIndex + 1}</p>
											<h3 className="mt-1 text-lg font-semibold text-stone-900">{module.title}</h3>
											{module.summary ? <p className="mt-1 leading-relaxed text-stone-700">{module.summary}</p> : null}
											<p className="mt-1 text-sm text-stone-600">
												{pluralise(module.lessons.length, 'lesson')}, {formatDuration(minutes)}
											</p>
										</div>
										<ol className="divide-y divide-stone-100">
											{module.lessons.map((lesson) => (
												<li key={lesson.id} className="flex items-start gap-3 px-5 py-3 sm:px-6">
													<span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-700">
														<LessonKindIcon kind={lesson.kind} className="size-5" />
													</span>
													<div className="min-w-0 flex-1">
														<p className="font-medium text-stone-900">{lesson.title}</p>
														<p className="text-sm text-stone-600">
															{LESSON_KIND_LABELS[lesson.kind]}
															{lesson.required ? '' : ' (optional)'}
														</p>
													</div>
													<p className="shrink-0 text-sm text-stone-700 tabular-nums">
														{formatDuration(lesson.estimatedMinutes)}
													</p>
												</li>
											))}
										</ol>
									</li>
								)
							})}
						</ol>
					</section>
				</div>

				<aside aria-label="Enrol" className="lg:order-2">
					<EnrolCard course={course} enrolment={enrolment} />
				</aside>
			</Container>
		</>
	)
}

type CourseData = Route.ComponentProps['loaderData']['course']

type EnrolmentData = Route.ComponentProps['loaderData']['enrolment']

/**
 * The course's main action: continue (or review) for enrolled learners, a one-click enrol form for
 * free courses (visitors are asked to log in first by the enrol action), checkout for paid ones.
 */
function EnrolAction({
	course,
	enrolment,
	className,
}: {
	course: CourseData
	enrolment: EnrolmentData
	className?: string
}) {
	if (enrolment) {
		const label = enrolment.completedAt
			? 'Review course'
			: enrolment.progressPercent > 0
				? 'Continue course'
				: 'Start course'
		const to = enrolment.resumeLessonId ? `/learn/${course.slug}/${enrolment.resumeLessonId}` : `/learn/${course.slug}`
		return (
			<ButtonLink to={to} size="lg" className={className}>
				{label}
			</ButtonLink>
		)
	}
	if (course.pricePence <= 0) {
		return (
			<Form method="post" action={`/learn/${course.slug}/enrol`} className={className}>
				<Button type="submit" size="lg" className="w-full">
					Enrol for free
				</Button>
			</Form>
		)
	}
	return (
		<ButtonLink to={`/courses/${course.slug}/buy`} size="lg" className={className}>
			Buy — {formatCoursePrice(course.pricePence)}
		</ButtonLink>
	)
}

function EnrolCard({ course, enrolment }: { course: CourseData; enrolment: EnrolmentData }) {
	const root = useRouteLoaderData<typeof rootLoader>('root')
	const signedIn = Boolean(root?.user)
	const free = course.pricePence <= 0
	const here = `/courses/${course.slug}`
	return (
		<div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm lg:sticky lg:top-6">
			<p className="text-sm font-medium text-stone-600">Price per learner</p>
			<p className="mt-1 text-3xl">
				<Price pence={course.pricePence} />
			</p>
			{enrolment ? (
				<div className="mt-4">
					<p className="text-sm font-medium text-stone-700">
						{enrolment.completedAt
							? 'You have completed this course.'
							: `You are enrolled: ${enrolment.progressPercent}% complete.`}
					</p>
				</div>
			) : null}
			<EnrolAction course={course} enrolment={enrolment} className="mt-5 w-full" />
			{signedIn || enrolment ? null : (
				<p className="mt-3 text-sm leading-relaxed text-stone-700">
					You will need a Circle account.{' '}
					<Link
						to={`/signup?redirectTo=${encodeURIComponent(here)}`}
						className="font-semibold text-brand-700 underline underline-offset-2"
					>
						Sign up
					</Link>{' '}
					or{' '}
					<Link
						to={`/login?redirectTo=${encodeURIComponent(here)}`}
						className="font-semibold text-brand-700 underline underline-offset-2"
					>
						log in
					</Link>
					.
				</p>
			)}
			<dl className="mt-6 space-y-3 border-t border-stone-100 pt-5 text-stone-800">
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">CPD</dt>
					<dd className="font-medium">{formatCpdHours(course.cpdMinutes)}</dd>
				</div>
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">Length</dt>
					<dd className="font-medium">About {formatDuration(course.totalMinutes)} of lessons</dd>
				</div>
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">Content</dt>
					<dd className="text-right font-medium">
						{pluralise(course.modules.length, 'module')}, {pluralise(course.lessonCount, 'lesson')}
					</dd>
				</div>
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">Certificate</dt>
					<dd className="text-right font-medium">Yes, verifiable</dd>
				</div>
				{course.publishedAt ? (
					<div className="flex justify-between gap-4">
						<dt className="text-stone-600">Updated</dt>
						<dd className="text-right font-medium">{formatDate(course.publishedAt)}</dd>
					</div>
				) : null}
			</dl>
			{free ? null : (
				<p className="mt-6 rounded-xl bg-brand-50 p-4 text-sm leading-relaxed text-brand-900">
					Training a team? Organisations can buy seats, with a lower price per seat for larger teams, and assign them to
					staff.{' '}
					<Link to={`/courses/${course.slug}/buy#seats-heading`} className="font-semibold underline underline-offset-2">
						Buy seats for your organisation
					</Link>
				</p>
			)}
		</div>
	)
}

export function ErrorBoundary() {
	return (
		<GeneralErrorBoundary
			statusHandlers={{
				404: () => (
					<ErrorPage code={404} title="We can't find that course">
						<p>It may have been renamed or withdrawn, or the link may be mistyped.</p>
						<p>
							Every course we currently offer is on the <Link to="/courses">courses page</Link>.
						</p>
					</ErrorPage>
				),
			}}
		/>
	)
}
