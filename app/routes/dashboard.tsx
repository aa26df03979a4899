import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useCpdFormat } from '#app/components/cpd/use-cpd-format.ts'
import { ProgressBar } from '#app/components/learn/progress-bar.tsx'
import { ButtonLink, buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { ArrowRightIcon, AwardIcon, ClockIcon } from '#app/components/ui/icons.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { metaT, useEnglishContentLang } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { getDashboard } from '#modules/learning/get-dashboard.ts'
import { listAssignedToLearner } from '#modules/assignments/list-for-learner.ts'
import { lockedProgrammeCourses } from '#modules/programmes/programme-gate.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { listFollowUps } from '#modules/follow-ups/learner.ts'
import { listSignOffRequests } from '#modules/follow-ups/manager.ts'
import type { Route } from './+types/dashboard'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('meta.title', { ns: 'dashboard' }), t('meta.description', { ns: 'dashboard' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const now = new Date()
	const [dashboard, assigned, gates, followUps, signOffs] = await Promise.all([
		getDashboard({ userId: user.id }),
		listAssignedToLearner({ userId: user.id, now }),
		lockedProgrammeCourses({ userId: user.id }),
		listFollowUps({ userId: user.id, now }),
		listSignOffRequests({ managerId: user.id }),
	])
	// Courses a sequential programme has not opened yet, by slug: the dashboard says what comes first.
	const locked: Record<string, { programmeTitle: string; waitingFor: string }> = {}
	for (const gate of gates.values()) {
		locked[gate.courseSlug] = { programmeTitle: gate.programmeTitle, waitingFor: gate.waitingFor.title }
	}
	return {
		firstName: user.name.split(/\s+/)[0] ?? user.name,
		...dashboard,
		assigned,
		locked,
		followUps,
		signOffsWaiting: signOffs.filter((r) => !r.signedOffAt).length,
	}
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

type Course = Route.ComponentProps['loaderData']['inProgress'][number]

export default function DashboardRoute({ loaderData }: Route.ComponentProps) {
	const { firstName, inProgress, completed, assigned, locked, followUps, signOffsWaiting } = loaderData
	const { t } = useTranslation('dashboard')
	const contentLang = useEnglishContentLang()
	const f = useCpdFormat()
	const followUpSlugs = new Set(followUps.map((f) => f.courseSlug))
	const empty = inProgress.length === 0 && completed.length === 0 && assigned.length === 0
	return (
		<Container className="py-10 sm:py-14">
			<h1 className="text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">{t('heading')}</h1>
			<p className="mt-2 text-lg text-stone-700">{t('welcome', { name: firstName })}</p>

			{empty ? (
				<section className="mt-10 rounded-2xl border border-dashed border-stone-300 bg-white p-8 text-center sm:p-12">
					<h2 className="text-xl font-semibold text-stone-900">{t('empty.heading')}</h2>
					<p className="mx-auto mt-2 max-w-prose text-stone-700">{t('empty.text')}</p>
					<ButtonLink to="/courses" className="mt-6">
						{t('empty.browse')}
						<ArrowRightIcon className="size-5" />
					</ButtonLink>
				</section>
			) : null}

			{signOffsWaiting > 0 ? (
				<p className="mt-8 rounded-xl border border-accent-200 bg-accent-50 p-4 text-accent-900">
					{t('signOffs', { count: signOffsWaiting })}{' '}
					<Link to="/sign-offs" className="font-semibold underline underline-offset-2">
						{t('readAndSignOff')}
					</Link>
				</p>
			) : null}

			<FollowUpsDue followUps={followUps} />

			{assigned.length > 0 ? <AssignedList assigned={assigned} locked={locked} /> : null}

			{inProgress.length > 0 ? (
				<section aria-labelledby="in-progress-heading" className="mt-10">
					<h2 id="in-progress-heading" className="text-xl font-semibold text-stone-900">
						{t('inProgress')}
					</h2>
					<ul className="mt-4 grid gap-5 md:grid-cols-2">
						{inProgress.map((course) => (
							<li key={course.enrolmentId}>
								<InProgressCard course={course} />
							</li>
						))}
					</ul>
				</section>
			) : null}

			{completed.length > 0 ? (
				<section aria-labelledby="completed-heading" className="mt-12">
					<h2 id="completed-heading" className="text-xl font-semibold text-stone-900">
						{t('completed')}
					</h2>
					<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
						{completed.map((course) => (
							<li key={course.enrolmentId} className="flex flex-wrap items-center justify-between gap-3 p-5">
								<div>
									<h3 className="font-semibold text-stone-900" lang={contentLang}>
										<Link to={`/learn/${course.courseSlug}`} className="hover:underline">
											{course.title}
										</Link>
									</h3>
									<p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-700">
										<span className="inline-flex items-center gap-1">
											<AwardIcon className="size-4" />
											{t('completedOn', { date: f.date(course.completedAt!) })}
										</span>
										<span>{f.cpdHours(course.cpdMinutes)}</span>
									</p>
								</div>
								<div className="flex flex-wrap gap-2">
									{course.certificate && !course.certificate.revoked ? (
										<>
											<a
												href={`/certificates/${course.certificate.code}.pdf`}
												download
												className={buttonClasses({ size: 'sm' })}
											>
												{t('downloadCertificate')}
												<span className="sr-only">{t('forCoursePdf', { title: course.title })}</span>
											</a>
											<ButtonLink to={`/verify/${course.certificate.code}`} variant="secondary" size="sm">
												{t('verificationPage')}
												<span className="sr-only">{t('forCourse', { title: course.title })}</span>
											</ButtonLink>
										</>
									) : null}
									{followUpSlugs.has(course.courseSlug) ? (
										<ButtonLink to={`/learn/${course.courseSlug}/follow-up`} variant="secondary" size="sm">
											{t('followUp')}
											<span className="sr-only">{t('forCourse', { title: course.title })}</span>
										</ButtonLink>
									) : null}
									<ButtonLink to={`/learn/${course.courseSlug}`} variant="secondary" size="sm">
										{t('review')}
										<span className="sr-only"> {course.title}</span>
									</ButtonLink>
								</div>
							</li>
						))}
					</ul>
				</section>
			) : null}

			{!empty ? (
				<p className="mt-12 text-stone-700">
					{t('lookingElse')}{' '}
					<Link to="/courses" className="font-medium text-brand-700 underline underline-offset-2">
						{t('browseAll')}
					</Link>
				</p>
			) : null}
		</Container>
	)
}

type FollowUp = Route.ComponentProps['loaderData']['followUps'][number]

/** Follow-up steps due now (action plan, 7- and 30-day checks, reflection), one row per course. */
function FollowUpsDue({ followUps }: { followUps: FollowUp[] }) {
	const { t } = useTranslation('dashboard')
	const contentLang = useEnglishContentLang()
	const f = useCpdFormat()
	const due = followUps.filter((item) => item.dueSteps.length > 0)
	if (due.length === 0) return null
	return (
		<section aria-labelledby="follow-ups-heading" className="mt-10">
			<h2 id="follow-ups-heading" className="text-xl font-semibold text-stone-900">
				{t('followUps.heading')}
			</h2>
			<p className="mt-1 text-stone-700">{t('followUps.intro')}</p>
			<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				{due.map((item) => (
					<li key={item.courseSlug} className="flex flex-wrap items-center justify-between gap-3 p-5">
						<div>
							<h3 className="font-semibold text-stone-900" lang={contentLang}>
								{item.courseTitle}
							</h3>
							<p className="mt-1 text-sm text-stone-700">
								{t('followUps.dueNow', {
									steps: item.dueSteps.map((step) => t(`followUps.steps.${step}`)).join(', '),
									date: f.date(item.completedAt),
								})}
							</p>
						</div>
						<ButtonLink to={`/learn/${item.courseSlug}/follow-up`} size="sm">
							{t('followUps.open')}
							<span className="sr-only">{t('forCourse', { title: item.courseTitle })}</span>
						</ButtonLink>
					</li>
				))}
			</ul>
		</section>
	)
}

function InProgressCard({ course }: { course: Course }) {
	const { t } = useTranslation('dashboard')
	const contentLang = useEnglishContentLang()
	const f = useCpdFormat()
	const continueTo = course.resumeLesson
		? `/learn/${course.courseSlug}/${course.resumeLesson.id}`
		: `/learn/${course.courseSlug}`
	return (
		<article className="flex h-full flex-col rounded-2xl border border-stone-200 bg-white p-6 shadow-xs">
			<h3 className="text-lg font-semibold text-stone-900" lang={contentLang}>
				{course.title}
			</h3>
			<ProgressBar
				className="mt-4"
				label={t('progress')}
				value={course.progressPercent}
				valueText={t('progressText', {
					percent: course.progressPercent,
					done: course.completedLessons,
					count: course.totalLessons,
				})}
			/>
			<dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
				<div>
					<dt className="text-stone-600">{t('lessonsDone')}</dt>
					<dd className="font-medium text-stone-900">
						{t('doneOf', { done: course.completedLessons, total: course.totalLessons })}
					</dd>
				</div>
				<div>
					<dt className="text-stone-600">{t('timeSpent')}</dt>
					<dd className="inline-flex items-center gap-1 font-medium text-stone-900">
						<ClockIcon className="size-4" />
						{f.timeSpent(course.secondsSpent)}
					</dd>
				</div>
			</dl>
			{course.resumeLesson ? (
				<p className="mt-4 text-sm text-stone-700">
					{course.started ? t('upNext') : t('startWith')}
					<span className="font-medium text-stone-900">{course.resumeLesson.title}</span>
				</p>
			) : null}
			{course.newerVersionAvailable ? (
				<p className="mt-4 rounded-lg bg-brand-50 p-3 text-sm text-brand-900">
					{t('newVersion')}{' '}
					<Link to={`/learn/${course.courseSlug}`} className="font-semibold underline underline-offset-2">
						{t('seeChanged')}
						<span className="sr-only">{t('inCourse', { title: course.title })}</span>
					</Link>
				</p>
			) : null}
			<div className="mt-auto pt-5">
				<ButtonLink to={continueTo}>
					{course.started ? t('continue') : t('start')}
					<span className="sr-only"> {course.title}</span>
					<ArrowRightIcon className="size-5" />
				</ButtonLink>
			</div>
		</article>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}

type Assigned = Route.ComponentProps['loaderData']['assigned'][number]

const STATUS_TONE = { OVERDUE: 'accent', EXPIRED: 'accent', DUE_SOON: 'accent', IN_PROGRESS: 'brand' } as const

/** Courses an organisation requires of the learner, soonest due first; the status is in words, not colour alone. */
function AssignedList({
	assigned,
	locked,
}: {
	assigned: Assigned[]
	locked: Route.ComponentProps['loaderData']['locked']
}) {
	const { t } = useTranslation('dashboard')
	const contentLang = useEnglishContentLang()
	const f = useCpdFormat()
	return (
		<section aria-labelledby="assigned-heading" className="mt-10">
			<h2 id="assigned-heading" className="text-xl font-semibold text-stone-900">
				{t('assigned.heading')}
			</h2>
			<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				{assigned.map((item) => (
					<li key={item.id} className="flex flex-wrap items-center justify-between gap-3 p-5">
						<div>
							<h3 className="font-semibold text-stone-900">
								<span lang={contentLang}>{item.title}</span>
								{item.isRenewal ? t('assigned.renewal') : ''}
							</h3>
							<p className="mt-1 text-sm text-stone-700">
								{t('assigned.by', { organisation: item.organisationName, date: f.date(item.dueOn) })}
							</p>
							{item.isRenewal && item.takeTitle !== item.title ? (
								<p className="mt-1 text-sm text-stone-700">{t('assigned.renewBy', { title: item.takeTitle })}</p>
							) : null}
							{item.waitingForSeat ? (
								<p className="mt-1 text-sm font-medium text-stone-900">
									{t('assigned.waitingSeat', { organisation: item.organisationName })}
								</p>
							) : null}
							{locked[item.takeSlug] ? (
								<p className="mt-1 text-sm font-medium text-stone-900">
									{t('assigned.locked', {
										waitingFor: locked[item.takeSlug]!.waitingFor,
										programme: locked[item.takeSlug]!.programmeTitle,
									})}
								</p>
							) : null}
						</div>
						<div className="flex flex-wrap items-center gap-3">
							<Badge
								tone={item.status in STATUS_TONE ? STATUS_TONE[item.status as keyof typeof STATUS_TONE] : 'neutral'}
							>
								{t(`status.${item.status}`)}
							</Badge>
							{item.waitingForSeat || locked[item.takeSlug] ? null : (
								<ButtonLink to={`/learn/${item.takeSlug}`} variant="secondary" size="sm">
									{item.status === 'IN_PROGRESS' ? t('continue') : t('start')}
									<span className="sr-only"> {item.takeTitle}</span>
								</ButtonLink>
							)}
						</div>
					</li>
				))}
			</ul>
		</section>
	)
}
