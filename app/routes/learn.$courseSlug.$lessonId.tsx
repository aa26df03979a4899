import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useRevalidator, useSearchParams } from 'react-router'
import { z } from 'zod'
import { errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CourseOutline } from '#app/components/learn/course-outline.tsx'
import { LessonBadges, LessonNav, LessonTranscript } from '#app/components/learn/lesson-parts.tsx'
import { MarkdownContent } from '#app/components/learn/markdown-content.tsx'
import { QuizSection } from '#app/components/learn/quiz.tsx'
import { VideoPlayer } from '#app/components/learn/video-player.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithProblem, throwAsResponse } from '#app/utils/errors.server.ts'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { requireCourseOpenInProgrammes } from '#app/utils/programme-gate.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { hasFollowUp } from '#modules/follow-ups/learner.ts'
import { getLessonPage, type LessonPage } from '#modules/learning/get-lesson-page.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import type { Route } from './+types/learn.$courseSlug.$lessonId'

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	await requireCourseOpenInProgrammes({ userId: user.id, courseSlug: params.courseSlug })
	try {
		const page = await getLessonPage({
			userId: user.id,
			courseSlug: params.courseSlug,
			lessonId: params.lessonId,
			language: await getLanguage(request),
		})
		const followUp = page.course.completedAt
			? await hasFollowUp({ userId: user.id, courseSlug: params.courseSlug })
			: false
		return { ...page, followUp }
	} catch (error) {
		// Not enrolled: the course page is where they can enrol (or buy a place).
		if (isDomainError(error) && error.code === 'NOT_ENROLLED') {
			throw redirect(`/courses/${encodeURIComponent(params.courseSlug)}`)
		}
		throwAsResponse(error)
	}
}

// Lesson pages hold a learner's own progress and answers: never cache them anywhere shared.
export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const LESSON_ID = /^[a-z0-9]{1,40}$/i

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	await requireCourseOpenInProgrammes({ userId: user.id, courseSlug: params.courseSlug })
	const form = await request.formData()
	const slug = encodeURIComponent(params.courseSlug)
	const lessonUrl = `/learn/${slug}/${encodeURIComponent(params.lessonId)}`
	try {
		switch (form.get('intent')) {
			case 'complete-reading': {
				await completeReading({ userId: user.id, lessonId: params.lessonId })
				const next = form.get('next')
				return redirect(typeof next === 'string' && LESSON_ID.test(next) ? `/learn/${slug}/${next}` : lessonUrl)
			}
			case 'submit-quiz': {
				// The attempts the form's page showed (absent from a page served before the field existed).
				const seen = z.coerce
					.number()
					.int()
					.min(0)
					.max(10_000)
					.optional()
					.safeParse(form.get('attemptsSeen') ?? undefined)
				if (!seen.success) {
					return data({ error: { message: 'That action is not recognised.' } }, { status: 400 })
				}
				await submitQuizAttempt({
					userId: user.id,
					lessonId: params.lessonId,
					answers: answersFromForm(form),
					attemptsSeen: seen.data,
				})
				return redirect(`${lessonUrl}#quiz-result`)
			}
			default:
				return data({ error: { message: 'That action is not recognised.' } }, { status: 400 })
		}
	} catch (error) {
		if (isDomainError(error) && (error.kind === 'invalid' || error.kind === 'conflict')) {
			return replyWithProblem(error, (e) => ({ error: { message: e.message, field: e.field } }))
		}
		throwAsResponse(error)
	}
}

/**
 * Quiz form fields are named by kind: `option.<questionId>` (radio or checkboxes), `text.<id>`
 * (reflection) and `scale.<id>`. Which fields belong to which question is checked by the module.
 */
function answersFromForm(form: FormData) {
	const answers = new Map<string, { questionId: string; optionIds?: string[]; text?: string; scaleValue?: number }>()
	const answerFor = (questionId: string) => {
		let answer = answers.get(questionId)
		if (!answer) answers.set(questionId, (answer = { questionId }))
		return answer
	}
	for (const [key, value] of form) {
		if (typeof value !== 'string') continue
		const dot = key.indexOf('.')
		if (dot < 1) continue
		const field = key.slice(0, dot)
		const questionId = key.slice(dot + 1)
		if (field === 'option') (answerFor(questionId).optionIds ??= []).push(value)
		else if (field === 'text') answerFor(questionId).text = value
		else if (field === 'scale' && /^-?\d{1,6}$/.test(value)) answerFor(questionId).scaleValue = Number(value)
	}
	return [...answers.values()]
}

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) return pageMeta(errorTitle(error), t('meta.lessonError', { ns: 'learn' }))
	const { lesson, course } = loaderData
	return pageMeta(
		`${lesson.title} | ${course.title} | Circle`,
		t('meta.lessonDescription', {
			ns: 'learn',
			number: lesson.number,
			total: lesson.total,
			course: course.title,
			lesson: lesson.title,
		}),
	)
}

export default function LessonRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, outline, lesson, previous, next, content } = loaderData
	const revalidator = useRevalidator()
	const { t } = useTranslation('learn')
	const f = useFormat()
	const [searchParams] = useSearchParams()

	// A reflection may have been saved in another tab: refetch when this one comes back into view.
	const isQuiz = content?.kind === 'QUIZ'
	useEffect(() => {
		if (!isQuiz) return
		const onFocus = () => {
			if (revalidator.state === 'idle') void revalidator.revalidate()
		}
		window.addEventListener('focus', onFocus)
		return () => window.removeEventListener('focus', onFocus)
	}, [isQuiz, revalidator])

	const lessons = outline.flatMap((m) => m.lessons)
	const completedCount = lessons.filter((l) => l.completed).length
	const error = actionData && 'error' in actionData ? actionData.error : null

	return (
		<div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-10">
			<div className="lg:grid lg:grid-cols-[18rem_minmax(0,1fr)] lg:gap-10 xl:grid-cols-[20rem_minmax(0,1fr)]">
				<aside className="mb-6 lg:mb-0" aria-label={t('lesson.courseNavigation')}>
					<div className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:overflow-y-auto lg:pr-2">
						<CourseOutline
							courseSlug={course.slug}
							courseTitle={course.title}
							courseTitleLang={course.titleLang === f.language ? undefined : course.titleLang}
							outline={outline}
							currentLessonId={lesson.id}
							progressPercent={course.progressPercent}
							completedCount={completedCount}
							totalCount={lessons.length}
						/>
					</div>
				</aside>

				<article aria-labelledby="lesson-title" className="min-w-0">
					<p className="text-sm text-stone-700">
						<Link
							to={`/courses/${course.slug}`}
							lang={course.titleLang === f.language ? undefined : course.titleLang}
							className="font-medium text-brand-700 underline underline-offset-2 lg:hidden"
						>
							{course.title}
						</Link>
						<span className="lg:hidden"> · </span>
						<span lang={lesson.moduleTitleLang === f.language ? undefined : lesson.moduleTitleLang}>
							{lesson.moduleTitle}
						</span>
						{' · '}
						{t('lesson.lessonOf', { number: lesson.number, total: lesson.total })}
					</p>
					<h1
						id="lesson-title"
						// Focused after moving to another lesson (RouteFocus in root.tsx), so it can take focus.
						tabIndex={-1}
						lang={lesson.titleLang === f.language ? undefined : lesson.titleLang}
						className="mt-2 text-3xl font-semibold tracking-tight text-stone-900 focus:outline-none sm:text-4xl"
					>
						{lesson.title}
					</h1>
					<LessonBadges kind={lesson.kind} estimatedMinutes={lesson.estimatedMinutes} required={lesson.required}>
						{lesson.completed ? (
							<Badge tone="success" className="gap-1">
								<CheckIcon className="size-4" /> {t('lesson.completed')}
							</Badge>
						) : null}
					</LessonBadges>

					{course.completedAt ? (
						<Notice tone="success" title={t('lesson.courseDoneTitle')} className="mt-6">
							{t('lesson.courseDone', { date: f.date(course.completedAt) })}
							{loaderData.followUp ? (
								<>
									{' '}
									{t('lesson.followUpBefore')}{' '}
									<Link
										to={`/learn/${encodeURIComponent(course.slug)}/follow-up`}
										className="font-semibold underline underline-offset-2"
									>
										{t('lesson.followUpLink')}
									</Link>
									{t('lesson.followUpAfter')}
								</>
							) : null}
						</Notice>
					) : null}

					<div className="mt-8">
						{lesson.locked || !content ? (
							<LockedLesson courseSlug={course.slug} />
						) : (
							<LessonBody
								page={loaderData}
								retaking={searchParams.has('retake')}
								error={error}
								onCompleted={() => void revalidator.revalidate()}
							/>
						)}
					</div>

					<LessonNav
						basePath={`/learn/${course.slug}`}
						previous={previous}
						next={next}
						end={
							<ButtonLink to="/dashboard" variant="secondary">
								{t('lesson.backToCourses')}
							</ButtonLink>
						}
					/>
				</article>
			</div>
		</div>
	)
}

function LessonBody({
	page,
	retaking,
	error,
	onCompleted,
}: {
	page: LessonPage
	retaking: boolean
	error: { message: string; field?: string } | null
	onCompleted: () => void
}) {
	const { content, lesson, next, course } = page
	const navigation = useNavigation()
	const { t } = useTranslation('learn')
	const language = useFormat().language
	if (!content) return null
	const englishOnly = (lang: string) =>
		lang !== language ? (
			<Notice tone="info" title={t('lesson.englishOnlyTitle')} className="mb-6">
				{t('lesson.englishOnly')}
			</Notice>
		) : null
	switch (content.kind) {
		case 'VIDEO':
			return (
				<div className="space-y-6">
					{content.transcript ? englishOnly(content.transcriptLang) : null}
					{content.durationSeconds && (content.playbackId || content.sourceUrl) ? (
						<VideoPlayer
							key={lesson.id}
							lessonId={lesson.id}
							title={lesson.title}
							playbackId={content.playbackId}
							sourceUrl={content.sourceUrl}
							captionsUrl={content.captionsUrl}
							durationSeconds={content.durationSeconds}
							startTime={content.positionSeconds}
							watchedPercent={content.watchedPercent}
							completed={lesson.completed}
							onCompleted={onCompleted}
						/>
					) : (
						<Notice tone="warning" title={t('lesson.videoNotReadyTitle')}>
							{t('lesson.videoNotReady')}
						</Notice>
					)}
					<LessonTranscript transcript={content.transcript} lang={content.transcriptLang} />
				</div>
			)
		case 'READING':
			return (
				<div>
					{englishOnly(content.lang)}
					<MarkdownContent html={content.html} lang={content.lang === language ? undefined : content.lang} />
					<div className="mt-10 rounded-xl border border-stone-200 bg-white p-5 sm:p-6">
						{lesson.completed ? (
							<p className="flex items-center gap-2 font-semibold text-green-800">
								<CheckIcon className="size-5" /> {t('lesson.readingDone')}
							</p>
						) : (
							<Form method="post" className="flex flex-wrap items-center gap-4">
								<input type="hidden" name="intent" value="complete-reading" />
								{next ? <input type="hidden" name="next" value={next.id} /> : null}
								<Button type="submit" disabled={navigation.state === 'submitting'}>
									<CheckIcon className="size-5" />
									{navigation.state === 'submitting'
										? t('lesson.saving')
										: next
											? t('lesson.markDoneContinue')
											: t('lesson.markDone')}
								</Button>
								<p className="text-sm text-stone-700">
									{course.sequential && next ? t('lesson.unlocksNext') : t('lesson.finishedReading')}
								</p>
							</Form>
						)}
					</div>
				</div>
			)
		case 'QUIZ':
			return (
				<div>
					{englishOnly(content.quiz.lang)}
					<QuizSection
						quiz={content.quiz}
						retaking={retaking}
						error={error}
						contentLang={content.quiz.lang === language ? undefined : content.quiz.lang}
					/>
				</div>
			)
	}
}

function LockedLesson({ courseSlug }: { courseSlug: string }) {
	const { t } = useTranslation('learn')
	return (
		<Notice tone="info" title={t('lesson.lockedTitle')}>
			<p>{t('lesson.locked')}</p>
			<p className="mt-3">
				<Link to={`/learn/${courseSlug}`} className="font-semibold text-brand-800 underline underline-offset-2">
					{t('lesson.goToNext')}
				</Link>
			</p>
		</Notice>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
