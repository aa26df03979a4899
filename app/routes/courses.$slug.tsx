import { useTranslation } from 'react-i18next'
import { Form, isRouteErrorResponse, Link, useRouteLoaderData } from 'react-router'
import { ErrorPage, errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { AwardIcon, CheckIcon, LayersIcon, LessonKindIcon, PlayIcon } from '#app/components/ui/icons.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useEnglishContentLang, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { openGraph } from '#app/utils/open-graph.ts'
import { markdownToTextBlocks, sectorSlug } from '#app/utils/format.ts'
import { cpdHoursNumber, minimumCpdMinutes } from '#modules/catalog/cpd-hours.ts'
import { getCoursePage } from '#modules/catalog/get-course-page.ts'
import { getEnrolmentSummary } from '#modules/enrolment/get-enrolment-summary.ts'
import { listCoursePreviews } from '#modules/previews/course-previews.ts'
import type { Route } from './+types/courses.$slug'
import type { loader as rootLoader } from '../root.tsx'
import { Trans } from '#app/utils/trans.tsx'

export async function loader({ params, request }: Route.LoaderArgs) {
	// Unknown and unpublished slugs are the same 404, so drafts cannot be found by guessing.
	const [course, user] = await Promise.all([
		withDomainErrors(() => getCoursePage({ slug: params.slug })),
		getOptionalUser(request),
	])
	const [enrolment, previews] = await Promise.all([
		user ? getEnrolmentSummary({ userId: user.id, courseId: course.id }) : null,
		listCoursePreviews({ courseId: course.id }),
	])
	return { course, previews, enrolment: enrolment?.enrolled ? enrolment : null }
}

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404
				? t('meta.notFoundTitle', { ns: 'course-page' })
				: errorTitle(error),
			t('meta.errorDescription', { ns: 'course-page' }),
		)
	}
	// The course's own title, then the brand: the same in both languages.
	const title = `${loaderData.course.title} | Circle`
	return pageMeta(title, loaderData.course.summary, ...openGraph({ title, description: loaderData.course.summary }))
}

/**
 * The page's words for durations, CPD hours and counts, in its language: "1 hr 38 min" or
 * "1 awr 38 mun.", "1.75 CPD hours" or "1.75 awr DPP".
 */
function useCourseWords() {
	const { t } = useTranslation('course-page')
	const f = useFormat()
	const duration = (value: number) => {
		const whole = Math.max(0, Math.round(value))
		const hours = Math.floor(whole / 60)
		const minutes = whole % 60
		if (hours === 0) return t('duration.minutes', { minutes })
		return minutes === 0 ? t('duration.hours', { hours }) : t('duration.hoursMinutes', { hours, minutes })
	}
	const cpdHours = (minutes: number) => {
		const hours = cpdHoursNumber(minutes)
		return t('cpdHours', { count: hours, hours: f.number(hours, { maximumFractionDigits: 2 }) })
	}
	// The same rule as explainCpdHours (modules/catalog/cpd-hours.ts), worded in the page's language.
	const cpdExplanation = ({ cpdMinutes, learning }: { cpdMinutes: number; learning: number }) => {
		const values = { duration: duration(learning) }
		if (cpdMinutes <= minimumCpdMinutes(learning)) {
			return cpdMinutes === learning ? t('cpdExplanation.lessons', values) : t('cpdExplanation.roundedUp', values)
		}
		return t('cpdExplanation.beyond', values)
	}
	return { t, f, duration, cpdHours, cpdExplanation }
}

/** A course price in the page's language ("Free" or "Am ddim", "£49.00"). */
function CoursePrice({ pence, className }: { pence: number; className?: string }) {
	const f = useFormat()
	return (
		<span className={cx('font-semibold tabular-nums', pence <= 0 ? 'text-brand-700' : 'text-stone-900', className)}>
			{f.coursePrice(pence)}
		</span>
	)
}

export default function CourseRoute({ loaderData }: Route.ComponentProps) {
	const { course, enrolment, previews } = loaderData
	const { t, duration, cpdHours, cpdExplanation } = useCourseWords()
	const { t: tSectors } = useTranslation('sectors')
	// Course content is written in English for now (ADR 0041): marked so a screen reader reads it as English.
	const contentLang = useEnglishContentLang()
	const previewIds = new Set(previews.map((p) => p.id))
	const blocks = markdownToTextBlocks(course.description)
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-10 sm:py-14">
					<nav aria-label={t('breadcrumb')}>
						<ol className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
							<li>
								<Link to="/courses" className="font-medium text-brand-700 underline underline-offset-2">
									{t('courses')}
								</Link>
							</li>
							<li aria-hidden="true">/</li>
							<li aria-current="page" className="truncate" lang={contentLang}>
								{course.title}
							</li>
						</ol>
					</nav>
					<ul className="mt-6 flex flex-wrap gap-2" aria-label={t('sectors')}>
						{course.sectors.map((sector) => (
							<li key={sector}>
								<Link to={`/courses?sector=${sectorSlug(sector)}`} className="rounded-full">
									<Badge tone={sector === 'FOUNDATIONS' ? 'accent' : 'brand'} className="hover:underline">
										{tSectors(`label.${sector}`)}
									</Badge>
								</Link>
							</li>
						))}
					</ul>
					<h1
						lang={contentLang}
						className="mt-4 max-w-4xl text-3xl leading-tight font-bold tracking-tight text-brand-900 sm:text-5xl"
					>
						{course.title}
					</h1>
					<p lang={contentLang} className="mt-5 max-w-3xl text-lg leading-relaxed text-stone-700 sm:text-xl">
						{course.summary}
					</p>
					<ul className="mt-8 flex flex-wrap gap-x-8 gap-y-3 text-stone-800">
						<li className="inline-flex items-center gap-2">
							<AwardIcon className="size-5 text-brand-700" />
							<span>
								{cpdHours(course.cpdMinutes)}
								<span className="text-stone-600">
									: {cpdExplanation({ cpdMinutes: course.cpdMinutes, learning: course.totalMinutes })}
								</span>
							</span>
						</li>
						<li className="inline-flex items-center gap-2">
							<LayersIcon className="size-5 text-brand-700" />
							{t('moduleCount', { count: course.modules.length })}, {t('lessonCount', { count: course.lessonCount })}
						</li>
					</ul>
					{/* On small screens the enrol card comes after the outline, so the action is offered here too. */}
					<div className="mt-8 flex flex-wrap items-center gap-x-5 gap-y-3 lg:hidden">
						<CoursePrice pence={course.pricePence} className="text-2xl" />
						<EnrolAction course={course} enrolment={enrolment} />
					</div>
				</Container>
			</div>

			<Container className="grid gap-10 py-12 lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-14">
				<div className="min-w-0 space-y-12 lg:order-1">
					{previews.length > 0 ? (
						<section
							aria-labelledby="previews-heading"
							className="rounded-2xl border border-brand-200 bg-brand-50 p-6 sm:p-8"
						>
							<h2 id="previews-heading" className="text-2xl font-bold tracking-tight text-brand-900">
								{t('previews.heading')}
							</h2>
							<p className="mt-2 leading-relaxed text-stone-700">{t('previews.intro')}</p>
							<ul className="mt-5 space-y-3">
								{previews.map((preview) => (
									<li key={preview.id}>
										<Link
											to={`/courses/${course.slug}/preview/${preview.id}`}
											className="inline-flex min-h-11 items-center gap-3 rounded-xl bg-white px-4 py-2 font-semibold text-brand-800 underline-offset-2 shadow-xs hover:underline"
										>
											<PlayIcon className="size-5 shrink-0 text-brand-700" />
											<span>
												<span lang={contentLang}>{preview.title}</span>
											</span>
											<span className="text-sm font-normal text-stone-600">{duration(preview.estimatedMinutes)}</span>
										</Link>
									</li>
								))}
							</ul>
						</section>
					) : null}

					{blocks.length > 0 ? (
						<section aria-labelledby="about-heading">
							<h2 id="about-heading" className="text-2xl font-bold tracking-tight text-stone-900">
								{t('about')}
							</h2>
							<div lang={contentLang} className="prose-circle mt-4 space-y-4 text-lg leading-relaxed text-stone-700">
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
								{t('outcomes')}
							</h2>
							<ul lang={contentLang} className="mt-5 grid gap-4 sm:grid-cols-2">
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
								{t('outline.heading')}
							</h2>
							<p className="text-stone-700">
								{t('outline.summary', {
									lessons: t('lessonCount', { count: course.lessonCount }),
									duration: duration(course.totalMinutes),
								})}
							</p>
						</div>
						<ol className="mt-6 space-y-5">
							{course.modules.map((module, moduleIndex) => {
								const minutes = module.lessons.reduce((sum, l) => sum + l.estimatedMinutes, 0)
								return (
									<li key={module.id} className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
										<div className="border-b border-stone-100 bg-stone-50 px-5 py-4 sm:px-6">
											<p className="text-sm font-semibold text-accent-700">
												{t('outline.module', { number: moduleIndex + 1 })}
											</p>
											<h3 lang={contentLang} className="mt-1 text-lg font-semibold text-stone-900">
												{module.title}
											</h3>
											{module.summary ? (
												<p lang={contentLang} className="mt-1 leading-relaxed text-stone-700">
													{module.summary}
												</p>
											) : null}
											<p className="mt-1 text-sm text-stone-600">
												{t('lessonCount', { count: module.lessons.length })}, {duration(minutes)}
											</p>
										</div>
										<ol className="divide-y divide-stone-100">
											{module.lessons.map((lesson) => (
												<li key={lesson.id} className="flex items-start gap-3 px-5 py-3 sm:px-6">
													<span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-700">
														<LessonKindIcon kind={lesson.kind} className="size-5" />
													</span>
													<div className="min-w-0 flex-1">
														{previewIds.has(lesson.id) ? (
															<Link
																to={`/courses/${course.slug}/preview/${lesson.id}`}
																lang={contentLang}
																className="font-medium text-brand-700 underline underline-offset-2"
															>
																{lesson.title}
															</Link>
														) : (
															<p lang={contentLang} className="font-medium text-stone-900">
																{lesson.title}
															</p>
														)}
														<p className="text-sm text-stone-600">
															{t(`kind.${lesson.kind}`)}
															{lesson.required ? '' : t('outline.optional')}
															{previewIds.has(lesson.id) ? ` · ${t('outline.freePreview')}` : ''}
														</p>
													</div>
													<p className="shrink-0 text-sm text-stone-700 tabular-nums">
														{duration(lesson.estimatedMinutes)}
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

				<aside aria-label={t('card.label')} className="lg:order-2">
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
	const { t } = useTranslation('course-page')
	const f = useFormat()
	if (enrolment) {
		const label = enrolment.completedAt
			? t('action.review')
			: enrolment.progressPercent > 0
				? t('action.continue')
				: t('action.start')
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
					{t('action.enrolFree')}
				</Button>
			</Form>
		)
	}
	return (
		<ButtonLink to={`/courses/${course.slug}/buy`} size="lg" className={className}>
			{t('action.buy', { price: f.coursePrice(course.pricePence) })}
		</ButtonLink>
	)
}

function EnrolCard({ course, enrolment }: { course: CourseData; enrolment: EnrolmentData }) {
	const { t, f, duration, cpdHours } = useCourseWords()
	const root = useRouteLoaderData<typeof rootLoader>('root')
	const signedIn = Boolean(root?.user)
	const free = course.pricePence <= 0
	const here = `/courses/${course.slug}`
	return (
		<div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm lg:sticky lg:top-6">
			<p className="text-sm font-medium text-stone-600">{t('card.pricePerLearner')}</p>
			<p className="mt-1 text-3xl">
				<CoursePrice pence={course.pricePence} />
			</p>
			{enrolment ? (
				<div className="mt-4">
					<p className="text-sm font-medium text-stone-700">
						{enrolment.completedAt ? t('card.completed') : t('card.progress', { percent: enrolment.progressPercent })}
					</p>
				</div>
			) : null}
			<EnrolAction course={course} enrolment={enrolment} className="mt-5 w-full" />
			{signedIn || enrolment ? null : (
				<p className="mt-3 text-sm leading-relaxed text-stone-700">
					<Trans
						t={t}
						i18nKey="card.needAccount"
						components={{
							signup: (
								<Link
									to={`/signup?redirectTo=${encodeURIComponent(here)}`}
									className="font-semibold text-brand-700 underline underline-offset-2"
								/>
							),
							login: (
								<Link
									to={`/login?redirectTo=${encodeURIComponent(here)}`}
									className="font-semibold text-brand-700 underline underline-offset-2"
								/>
							),
						}}
					/>
				</p>
			)}
			<dl className="mt-6 space-y-3 border-t border-stone-100 pt-5 text-stone-800">
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">{t('card.cpd')}</dt>
					<dd className="font-medium">{cpdHours(course.cpdMinutes)}</dd>
				</div>
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">{t('card.length')}</dt>
					<dd className="font-medium">{t('card.lengthValue', { duration: duration(course.totalMinutes) })}</dd>
				</div>
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">{t('card.content')}</dt>
					<dd className="text-right font-medium">
						{t('moduleCount', { count: course.modules.length })}, {t('lessonCount', { count: course.lessonCount })}
					</dd>
				</div>
				<div className="flex justify-between gap-4">
					<dt className="text-stone-600">{t('card.certificate')}</dt>
					<dd className="text-right font-medium">{t('card.certificateValue')}</dd>
				</div>
				{course.publishedAt ? (
					<div className="flex justify-between gap-4">
						<dt className="text-stone-600">{t('card.updated')}</dt>
						<dd className="text-right font-medium">{f.date(course.publishedAt)}</dd>
					</div>
				) : null}
			</dl>
			{free ? null : (
				<p className="mt-6 rounded-xl bg-brand-50 p-4 text-sm leading-relaxed text-brand-900">
					<Trans
						t={t}
						i18nKey="card.seats"
						components={{
							a: (
								<Link
									to={`/courses/${course.slug}/buy#seats-heading`}
									className="font-semibold underline underline-offset-2"
								/>
							),
						}}
					/>
				</p>
			)}
		</div>
	)
}

function CourseNotFound() {
	const { t } = useTranslation('course-page')
	return (
		<ErrorPage code={404} title={t('notFound.title')}>
			<p>{t('notFound.moved')}</p>
			<p>
				<Trans t={t} i18nKey="notFound.all" components={{ a: <Link to="/courses" /> }} />
			</p>
		</ErrorPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary statusHandlers={{ 404: () => <CourseNotFound /> }} />
}
