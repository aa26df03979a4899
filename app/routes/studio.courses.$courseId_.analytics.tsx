import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Button, buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { formatRate } from '#modules/analytics/format.ts'
import type { FunnelStep, QuizStat } from '#modules/analytics/get-course-analytics.ts'
import { getCourseAnalytics } from '#modules/analytics/get-course-analytics.ts'
import { versionFromUrl } from '#modules/analytics/params.ts'
import { readDb } from '#modules/db/replica.ts'
import type { Route } from './+types/studio.courses.$courseId_.analytics'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('analytics.meta.title', { ns: 'studio', course: data.analytics.course.title })
			: t('analytics.meta.titleFallback', { ns: 'studio' }),
		t('analytics.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

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

const STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const

function statusLabel(t: TFunction<'studio'>, status: string) {
	return (STATUSES as readonly string[]).includes(status)
		? t(`analytics.status.${status as (typeof STATUSES)[number]}`)
		: status
}

/** "2 days 4 hours", "5 hours", "under an hour" from seconds (rounded to the hour). */
function timeToComplete(t: TFunction<'studio'>, seconds: number | null) {
	if (seconds == null) return '—'
	const hours = Math.round(seconds / 3600)
	if (hours < 1) return t('analytics.underAnHour')
	const days = Math.floor(hours / 24)
	const rest = hours % 24
	const parts = []
	if (days) parts.push(t('analytics.days', { count: days }))
	if (rest) parts.push(t('analytics.hours', { count: rest }))
	return parts.join(' ')
}

export default function CourseAnalyticsRoute({ loaderData }: Route.ComponentProps) {
	const { analytics: a } = loaderData
	const totals = a.totals
	const { t } = useTranslation('studio')
	const f = useFormat()
	const csvHref = `/studio/courses/${a.course.id}/analytics.csv?version=${a.version.number}`
	return (
		<Container className="py-10 sm:py-12">
			<nav aria-label={t('analytics.breadcrumb')} className="text-sm">
				<ol className="flex flex-wrap gap-2 text-stone-700">
					<li>
						<Link to="/studio" className="text-brand-700 underline underline-offset-2">
							{t('nav.studio')}
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li>
						<Link to={`/studio/courses/${a.course.id}`} className="text-brand-700 underline underline-offset-2">
							{a.course.title}
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li aria-current="page">{t('analytics.heading')}</li>
				</ol>
			</nav>
			<div className="mt-4 flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('analytics.heading')}</h1>
					<p className="mt-2 text-lg text-stone-700">
						{t('analytics.intro', {
							number: a.version.number,
							status: statusLabel(t, a.version.status),
							course: a.course.title,
						})}
					</p>
					<p className="mt-1 text-stone-700">
						{t('analytics.live')}
					</p>
				</div>
				<a href={csvHref} download className={buttonClasses({ variant: 'secondary' })}>
					{t('analytics.csv')}
					<span className="sr-only"> {t('analytics.csvOf', { number: a.version.number })}</span>
				</a>
			</div>

			{a.versions.length > 1 ? (
				<Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
					<div>
						<label htmlFor="version" className="block font-semibold text-stone-900">
							{t('analytics.version')}
						</label>
						<select
							id="version"
							name="version"
							defaultValue={a.version.number}
							className="mt-2 block min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900"
						>
							{a.versions.map((v) => (
								<option key={v.number} value={v.number}>
									{t('analytics.versionOption', { number: v.number, status: statusLabel(t, v.status) })}
								</option>
							))}
						</select>
					</div>
					<Button type="submit" variant="secondary">
						{t('analytics.showVersion')}
					</Button>
				</Form>
			) : null}

			<section aria-labelledby="summary-heading" className="mt-8">
				<h2 id="summary-heading" className="sr-only">
					{t('analytics.summary')}
				</h2>
				<dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
					<Stat label={t('analytics.enrolments')} value={f.number(totals.enrolments)} />
					<Stat
						label={t('analytics.started')}
						value={f.number(totals.starts)}
						detail={
							totals.enrolments
								? t('analytics.ofEnrolments', { rate: formatRate(totals.starts / totals.enrolments) })
								: undefined
						}
					/>
					<Stat
						label={t('analytics.completed')}
						value={f.number(totals.completions)}
						detail={
							totals.enrolments ? t('analytics.ofEnrolments', { rate: formatRate(totals.completionRate) }) : undefined
						}
					/>
					<Stat
						label={t('analytics.medianTime')}
						value={timeToComplete(t, totals.medianSecondsToComplete)}
						detail={t('analytics.medianTimeDetail')}
					/>
				</dl>
			</section>

			<section aria-labelledby="funnel-heading" className="mt-12">
				<h2 id="funnel-heading" className="text-xl font-semibold text-stone-900">
					{t('analytics.funnelHeading')}
				</h2>
				<p className="mt-1 text-stone-700">{t('analytics.funnelIntro')}</p>
				{a.funnel.length === 0 ? (
					<p className="mt-4 text-stone-700">{t('analytics.noLessons')}</p>
				) : (
					<>
						<FunnelChart steps={a.funnel} enrolments={totals.enrolments} />
						<FunnelTable steps={a.funnel} />
					</>
				)}
			</section>

			<section aria-labelledby="quiz-heading" className="mt-12">
				<h2 id="quiz-heading" className="text-xl font-semibold text-stone-900">
					{t('analytics.quizHeading')}
				</h2>
				<p className="mt-1 text-stone-700">{t('analytics.quizIntro')}</p>
				{a.quizzes.length === 0 ? (
					<p className="mt-4 text-stone-700">{t('analytics.noQuizzes')}</p>
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
	const { t } = useTranslation('studio')
	const height = steps.length * (BAR_HEIGHT + GAP) + GAP
	const barSpace = CHART_WIDTH - LABEL_WIDTH - 70
	const first = steps[0]
	const last = steps[steps.length - 1]
	const summary =
		enrolments === 0
			? t('analytics.noEnrolments')
			: t('analytics.chartSummary', { first: first?.completed ?? 0, enrolments, last: last?.completed ?? 0 })
	return (
		<figure className="mt-6 relative overflow-x-auto rounded-2xl border border-stone-200 bg-white p-4">
			<svg
				role="img"
				aria-labelledby="funnel-title funnel-desc"
				viewBox={`0 0 ${CHART_WIDTH} ${height}`}
				className="h-auto w-full min-w-[28rem]"
			>
				<title id="funnel-title">{t('analytics.chartTitle')}</title>
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
				{t('analytics.chartCaption')}
			</figcaption>
		</figure>
	)
}

function FunnelTable({ steps }: { steps: FunnelStep[] }) {
	const { t } = useTranslation('studio')
	const f = useFormat()
	return (
		<div className="mt-6 relative overflow-x-auto rounded-xl border border-stone-200 bg-white">
			<table className="w-full text-left">
				<caption className="sr-only">{t('analytics.tableCaption')}</caption>
				<thead className="bg-stone-100 text-sm text-stone-800">
					<tr>
						<th scope="col" className="px-4 py-3 font-semibold">
							#
						</th>
						<th scope="col" className="px-4 py-3 font-semibold">
							{t('analytics.lesson')}
						</th>
						<th scope="col" className="px-4 py-3 font-semibold">
							{t('analytics.module')}
						</th>
						<th scope="col" className="px-4 py-3 text-right font-semibold">
							{t('analytics.completedColumn')}
						</th>
						<th scope="col" className="px-4 py-3 text-right font-semibold">
							{t('analytics.ofEnrolmentsColumn')}
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
									{step.kind === 'VIDEO' || step.kind === 'READING' || step.kind === 'QUIZ'
										? t(`kind.${step.kind}`)
										: step.kind}
								</span>
							</th>
							<td className="px-4 py-3 text-stone-800">{step.moduleTitle}</td>
							<td className="px-4 py-3 text-right tabular-nums">{f.number(step.completed)}</td>
							<td className="px-4 py-3 text-right tabular-nums">{formatRate(step.rate)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

function QuizAnalysis({ quiz }: { quiz: QuizStat }) {
	const { t } = useTranslation('studio')
	const f = useFormat()
	return (
		<article className="mt-6 rounded-2xl border border-stone-200 bg-white p-5">
			<h3 className="text-lg font-semibold text-stone-900">{quiz.title}</h3>
			<p className="text-sm text-stone-700">
				{t('analytics.attempts', { count: quiz.attempts, number: f.number(quiz.attempts) })}
			</p>
			{quiz.questions.length === 0 ? (
				<p className="mt-3 text-stone-700">{t('analytics.noMarked')}</p>
			) : (
				<ol className="mt-4 space-y-6">
					{quiz.questions.map((q, i) => (
						<li key={q.id}>
							<p className="font-semibold text-stone-900">
								{i + 1}. {q.prompt}
							</p>
							<p className="text-sm text-stone-700">
								{t('analytics.correctRate', {
									rate: formatRate(q.rate),
									correct: f.number(q.correct),
									answered: f.number(q.answered),
								})}
							</p>
							<div className="mt-2 relative overflow-x-auto">
								<table className="w-full text-left text-sm">
									<caption className="sr-only">{t('analytics.answersCaption', { number: i + 1 })}</caption>
									<thead className="text-stone-800">
										<tr className="border-b border-stone-200">
											<th scope="col" className="py-2 pr-4 font-semibold">
												{t('analytics.answer')}
											</th>
											<th scope="col" className="py-2 pr-4 text-right font-semibold">
												{t('analytics.chosen')}
											</th>
											<th scope="col" className="py-2 text-right font-semibold">
												{t('analytics.share')}
											</th>
										</tr>
									</thead>
									<tbody>
										{q.options.map((o) => (
											<tr key={o.id} className="border-b border-stone-100">
												<th scope="row" className="py-2 pr-4 font-normal text-stone-900">
													{o.text}
													{o.isCorrect ? <span className="ml-2 font-semibold text-green-800">{t('analytics.correct')}</span> : null}
												</th>
												<td className="py-2 pr-4 text-right tabular-nums">{f.number(o.selected)}</td>
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
