import { Form, Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Button, buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { LESSON_KIND_LABELS } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { formatRate, formatTimeToComplete } from '#modules/analytics/format.ts'
import type { FunnelStep, QuizStat } from '#modules/analytics/get-course-analytics.ts'
import { getCourseAnalytics } from '#modules/analytics/get-course-analytics.ts'
import { versionFromUrl } from '#modules/analytics/params.ts'
import { readDb } from '#modules/db/replica.ts'
import type { Route } from './+types/studio.courses.$courseId_.analytics'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Analytics${data ? ` | ${data.analytics.course.title}` : ''} | Studio | Circle`,
		'How learners get on with a course: enrolments, completions, lesson by lesson drop-off and quiz results.',
		NOINDEX,
	)

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const versionNumber = versionFromUrl(request.url)
	const db = await readDb(request)
	const analytics = await withDomainErrors(() =>
		getCourseAnalytics({ actorId: user.id, courseId: params.courseId, versionNumber, db }),
	)
	return { analytics }
}

const STATUS_LABELS: Record<string, string> = { DRAFT: 'draft', PUBLISHED: 'published', ARCHIVED: 'archived' }

export default function CourseAnalyticsRoute({ loaderData }: Route.ComponentProps) {
	const { analytics: a } = loaderData
	const t = a.totals
	const csvHref = `/studio/courses/${a.course.id}/analytics.csv?version=${a.version.number}`
	return (
		<Container className="py-10 sm:py-12">
			<nav aria-label="Breadcrumb" className="text-sm">
				<ol className="flex flex-wrap gap-2 text-stone-700">
					<li>
						<Link to="/studio" className="text-brand-700 underline underline-offset-2">
							Studio
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li>
						<Link to={`/studio/courses/${a.course.id}`} className="text-brand-700 underline underline-offset-2">
							{a.course.title}
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li aria-current="page">Analytics</li>
				</ol>
			</nav>
			<div className="mt-4 flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">Analytics</h1>
					<p className="mt-2 text-lg text-stone-700">
						Learners following version {a.version.number} ({STATUS_LABELS[a.version.status] ?? a.version.status}) of{' '}
						{a.course.title}. Revoked enrolments are not counted.
					</p>
					<p className="mt-1 text-stone-700">
						These figures are live: they include every learner’s progress up to the moment this page loaded.
					</p>
				</div>
				<a href={csvHref} download className={buttonClasses({ variant: 'secondary' })}>
					Download CSV<span className="sr-only"> of version {a.version.number} analytics</span>
				</a>
			</div>

			{a.versions.length > 1 ? (
				<Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
					<div>
						<label htmlFor="version" className="block font-semibold text-stone-900">
							Version
						</label>
						<select
							id="version"
							name="version"
							defaultValue={a.version.number}
							className="mt-2 block min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900"
						>
							{a.versions.map((v) => (
								<option key={v.number} value={v.number}>
									Version {v.number} ({STATUS_LABELS[v.status] ?? v.status})
								</option>
							))}
						</select>
					</div>
					<Button type="submit" variant="secondary">
						Show version
					</Button>
				</Form>
			) : null}

			<section aria-labelledby="summary-heading" className="mt-8">
				<h2 id="summary-heading" className="sr-only">
					Summary
				</h2>
				<dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
					<Stat label="Enrolments" value={t.enrolments.toLocaleString('en-GB')} />
					<Stat
						label="Started"
						value={t.starts.toLocaleString('en-GB')}
						detail={t.enrolments ? `${formatRate(t.starts / t.enrolments)} of enrolments` : undefined}
					/>
					<Stat
						label="Completed"
						value={t.completions.toLocaleString('en-GB')}
						detail={t.enrolments ? `${formatRate(t.completionRate)} of enrolments` : undefined}
					/>
					<Stat
						label="Median time to complete"
						value={formatTimeToComplete(t.medianSecondsToComplete)}
						detail="From enrolling to finishing"
					/>
				</dl>
			</section>

			<section aria-labelledby="funnel-heading" className="mt-12">
				<h2 id="funnel-heading" className="text-xl font-semibold text-stone-900">
					Drop-off by lesson
				</h2>
				<p className="mt-1 text-stone-700">How many learners have completed each lesson, in course order.</p>
				{a.funnel.length === 0 ? (
					<p className="mt-4 text-stone-700">This version has no lessons yet.</p>
				) : (
					<>
						<FunnelChart steps={a.funnel} enrolments={t.enrolments} />
						<FunnelTable steps={a.funnel} />
					</>
				)}
			</section>

			<section aria-labelledby="quiz-heading" className="mt-12">
				<h2 id="quiz-heading" className="text-xl font-semibold text-stone-900">
					Quiz item analysis
				</h2>
				<p className="mt-1 text-stone-700">
					For every marked question: the share of submitted attempts that got it right, and how often each answer was
					chosen. A question most people get wrong may be unclear, or may be teaching something the lessons do not.
				</p>
				{a.quizzes.length === 0 ? (
					<p className="mt-4 text-stone-700">This version has no quizzes.</p>
				) : (
					a.quizzes.map((quiz) => <QuizAnalysis key={quiz.key} quiz={quiz} />)
				)}
			</section>
		</Container>
	)
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
	return (
		<div className="rounded-2xl border border-stone-200 bg-white p-5">
			<dt className="text-sm font-medium text-stone-700">{label}</dt>
			<dd className="mt-1 text-2xl font-bold text-stone-900 tabular-nums">{value}</dd>
			{detail ? <dd className="mt-1 text-sm text-stone-700">{detail}</dd> : null}
		</div>
	)
}

const BAR_HEIGHT = 28
const GAP = 10
const LABEL_WIDTH = 40
const CHART_WIDTH = 640

/**
 * A server-rendered SVG bar chart: one bar per lesson, its length the share of enrolled learners
 * who completed it. It is an image with a text alternative (title and description); the table
 * below carries the same figures for screen-reader users and anyone who prefers numbers.
 */
function FunnelChart({ steps, enrolments }: { steps: FunnelStep[]; enrolments: number }) {
	const height = steps.length * (BAR_HEIGHT + GAP) + GAP
	const barSpace = CHART_WIDTH - LABEL_WIDTH - 70
	const first = steps[0]
	const last = steps[steps.length - 1]
	const summary =
		enrolments === 0
			? 'No learners have enrolled on this version yet.'
			: `${first?.completed ?? 0} of ${enrolments} learners completed the first lesson and ${last?.completed ?? 0} completed the last. The figures for every lesson are in the table below.`
	return (
		<figure className="mt-6 relative overflow-x-auto rounded-2xl border border-stone-200 bg-white p-4">
			<svg
				role="img"
				aria-labelledby="funnel-title funnel-desc"
				viewBox={`0 0 ${CHART_WIDTH} ${height}`}
				className="h-auto w-full min-w-[28rem]"
			>
				<title id="funnel-title">Completions by lesson</title>
				<desc id="funnel-desc">{summary}</desc>
				{steps.map((step, i) => {
					const y = GAP + i * (BAR_HEIGHT + GAP)
					const width = Math.max(step.rate ? step.rate * barSpace : 0, step.completed > 0 ? 2 : 0)
					return (
						<g key={step.key}>
							<text
								x={LABEL_WIDTH - 8}
								y={y + BAR_HEIGHT / 2}
								textAnchor="end"
								dominantBaseline="central"
								className="fill-stone-700 text-[13px]"
							>
								{i + 1}
							</text>
							<rect x={LABEL_WIDTH} y={y} width={barSpace} height={BAR_HEIGHT} rx={4} className="fill-stone-100" />
							<rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={4} className="fill-brand-700" />
							<text
								x={LABEL_WIDTH + barSpace + 8}
								y={y + BAR_HEIGHT / 2}
								dominantBaseline="central"
								className="fill-stone-900 text-[13px] font-semibold"
							>
								{formatRate(step.rate)}
							</text>
						</g>
					)
				})}
			</svg>
			<figcaption className="mt-2 text-sm text-stone-700">
				Bars are numbered in course order, as in the table below; each shows the share of enrolled learners who
				completed that lesson.
			</figcaption>
		</figure>
	)
}

function FunnelTable({ steps }: { steps: FunnelStep[] }) {
	return (
		<div className="mt-6 relative overflow-x-auto rounded-xl border border-stone-200 bg-white">
			<table className="w-full text-left">
				<caption className="sr-only">Completions by lesson, in course order</caption>
				<thead className="bg-stone-100 text-sm text-stone-800">
					<tr>
						<th scope="col" className="px-4 py-3 font-semibold">
							#
						</th>
						<th scope="col" className="px-4 py-3 font-semibold">
							Lesson
						</th>
						<th scope="col" className="px-4 py-3 font-semibold">
							Module
						</th>
						<th scope="col" className="px-4 py-3 text-right font-semibold">
							Completed
						</th>
						<th scope="col" className="px-4 py-3 text-right font-semibold">
							Of enrolments
						</th>
					</tr>
				</thead>
				<tbody>
					{steps.map((step, i) => (
						<tr key={step.key} className="border-t border-stone-200">
							<td className="px-4 py-3 tabular-nums">{i + 1}</td>
							<th scope="row" className="px-4 py-3 font-medium text-stone-900">
								{step.title}
								<span className="block text-sm font-normal text-stone-600">
									{LESSON_KIND_LABELS[step.kind as keyof typeof LESSON_KIND_LABELS] ?? step.kind}
								</span>
							</th>
							<td className="px-4 py-3 text-stone-800">{step.moduleTitle}</td>
							<td className="px-4 py-3 text-right tabular-nums">{step.completed.toLocaleString('en-GB')}</td>
							<td className="px-4 py-3 text-right tabular-nums">{formatRate(step.rate)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

function QuizAnalysis({ quiz }: { quiz: QuizStat }) {
	return (
		<article className="mt-6 rounded-2xl border border-stone-200 bg-white p-5">
			<h3 className="text-lg font-semibold text-stone-900">{quiz.title}</h3>
			<p className="text-sm text-stone-700">
				{quiz.attempts.toLocaleString('en-GB')} submitted {quiz.attempts === 1 ? 'attempt' : 'attempts'}
			</p>
			{quiz.questions.length === 0 ? (
				<p className="mt-3 text-stone-700">No marked questions (reflections and self-ratings are not marked).</p>
			) : (
				<ol className="mt-4 space-y-6">
					{quiz.questions.map((q, i) => (
						<li key={q.id}>
							<p className="font-semibold text-stone-900">
								{i + 1}. {q.prompt}
							</p>
							<p className="text-sm text-stone-700">
								{formatRate(q.rate)} correct ({q.correct.toLocaleString('en-GB')} of{' '}
								{q.answered.toLocaleString('en-GB')} answers)
							</p>
							<div className="mt-2 relative overflow-x-auto">
								<table className="w-full text-left text-sm">
									<caption className="sr-only">How often each answer to question {i + 1} was chosen</caption>
									<thead className="text-stone-800">
										<tr className="border-b border-stone-200">
											<th scope="col" className="py-2 pr-4 font-semibold">
												Answer
											</th>
											<th scope="col" className="py-2 pr-4 text-right font-semibold">
												Chosen
											</th>
											<th scope="col" className="py-2 text-right font-semibold">
												Share
											</th>
										</tr>
									</thead>
									<tbody>
										{q.options.map((o) => (
											<tr key={o.id} className="border-b border-stone-100">
												<th scope="row" className="py-2 pr-4 font-normal text-stone-900">
													{o.text}
													{o.isCorrect ? <span className="ml-2 font-semibold text-green-800">(correct)</span> : null}
												</th>
												<td className="py-2 pr-4 text-right tabular-nums">{o.selected.toLocaleString('en-GB')}</td>
												<td className="py-2 text-right tabular-nums">{formatRate(o.rate)}</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
						</li>
					))}
				</ol>
			)}
		</article>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
