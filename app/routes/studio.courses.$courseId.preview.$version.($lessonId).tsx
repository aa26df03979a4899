import { useTranslation } from 'react-i18next'
import { data, Link, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { LessonBadges, LessonNav, LessonTranscript } from '#app/components/learn/lesson-parts.tsx'
import { MarkdownContent } from '#app/components/learn/markdown-content.tsx'
import { QuizSection } from '#app/components/learn/quiz.tsx'
import { ReflectionPreviewContext } from '#app/components/learn/reflection-field.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { LessonKindIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { PublicPlayer } from '#app/components/watch/public-player.tsx'
import { replyWithProblem, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { type CoursePreview, getCoursePreview, type PreviewAnswer } from '#modules/authoring/preview-course.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/studio.courses.$courseId.preview.$version.($lessonId)'

// In preview, question ids reach the learner's quiz component with this prefix. The reflection
// autosave endpoint accepts only real question ids, so a reflection typed in preview can never be
// stored, even when the author is also enrolled on the version they are previewing.
const PREVIEW_PREFIX = 'preview-'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const title = !data
		? t('preview.meta.titleFallback', { ns: 'studio' })
		: data.lesson
			? t('preview.meta.lessonTitle', { ns: 'studio', lesson: data.lesson.title, course: data.course.title })
			: t('preview.meta.title', { ns: 'studio', course: data.course.title })
	return pageMeta(title, t('preview.meta.description', { ns: 'studio' }), NOINDEX)
}

async function versionNumber(request: Request, value: string) {
	if (!/^\d{1,6}$/.test(value)) {
		const t = await getT(request)
		throw data({ message: t('preview.noSuchVersion', { ns: 'studio' }) }, { status: 404 })
	}
	return Number(value)
}

/** The preview with the quiz's question ids prefixed (see PREVIEW_PREFIX). */
function forBrowser(preview: CoursePreview) {
	if (preview.content?.kind !== 'QUIZ') return preview
	const quiz = preview.content.quiz
	return {
		...preview,
		content: {
			kind: 'QUIZ' as const,
			quiz: {
				...quiz,
				questions: quiz.questions.map((q) => ({ ...q, id: `${PREVIEW_PREFIX}${q.id}` })),
				lastResult: quiz.lastResult
					? {
							...quiz.lastResult,
							questions: quiz.lastResult.questions.map((q) => ({
								...q,
								questionId: `${PREVIEW_PREFIX}${q.questionId}`,
							})),
						}
					: null,
			},
		},
	}
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const number = await versionNumber(request, params.version)
	const preview = await withDomainErrors(() =>
		getCoursePreview({
			courseId: params.courseId,
			actorId: user.id,
			versionNumber: number,
			lessonId: params.lessonId,
		}),
	)
	return forBrowser(preview)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

/** Quiz answers in preview are marked in memory and shown; nothing is written. */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const form = await request.formData()
	const answers = new Map<string, PreviewAnswer>()
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
		const questionId = key.slice(dot + 1).replace(PREVIEW_PREFIX, '')
		if (field === 'option') (answerFor(questionId).optionIds ??= []).push(value)
		else if (field === 'text') answerFor(questionId).text = value
		else if (field === 'scale' && /^-?\d{1,6}$/.test(value)) answerFor(questionId).scaleValue = Number(value)
	}
	try {
		const preview = await getCoursePreview({
			courseId: params.courseId,
			actorId: user.id,
			versionNumber: await versionNumber(request, params.version),
			lessonId: params.lessonId,
			answers: [...answers.values()],
		})
		return { preview: forBrowser(preview), error: null }
	} catch (error) {
		// Answers a learner could not submit get the learner's message, beside the question.
		if (isDomainError(error) && error.kind === 'invalid') {
			return replyWithProblem(error, (e) => ({
				preview: null,
				error: { message: e.message, field: e.field ? `${PREVIEW_PREFIX}${e.field}` : undefined },
			}))
		}
		throwAsResponse(error)
	}
}

export default function PreviewRoute({ loaderData, actionData, params }: Route.ComponentProps) {
	const page = actionData?.preview ?? loaderData
	const { course, version, versions, outline, lesson, previous, next, content } = page
	const { t } = useTranslation('studio')
	const [searchParams] = useSearchParams()
	const base = `/studio/courses/${params.courseId}/preview/${version.number}`
	const status = statusOf(version.status)

	return (
		<div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-10">
			<div className="rounded-xl border-2 border-accent-600 bg-accent-50 p-4 text-accent-950">
				<p className="flex flex-wrap items-center gap-2 text-lg font-bold">
					<Badge tone="accent" className="uppercase">
						{t('preview.badge')}
					</Badge>
					{t('preview.asLearner', { number: version.number, status: t(`preview.status.${status}`) })}
				</p>
				<p className="mt-1">
					{t('preview.nothingRecorded')}{' '}
					<Link to={`/studio/courses/${params.courseId}`} className="font-semibold underline underline-offset-2">
						{t('preview.backToBuilder')}
					</Link>
				</p>
				{versions.length > 1 ? (
					<nav aria-label={t('preview.versions')} className="mt-2">
						<ul className="flex flex-wrap gap-2 text-sm">
							{versions.map((v) => (
								<li key={v.number}>
									<Link
										to={`/studio/courses/${params.courseId}/preview/${v.number}`}
										aria-current={v.number === version.number ? 'page' : undefined}
										className={cx(
											'inline-flex min-h-9 items-center rounded-lg border px-3 font-medium no-underline',
											v.number === version.number
												? 'border-accent-800 bg-white text-accent-950'
												: 'border-transparent text-accent-900 underline hover:bg-white',
										)}
									>
										{t('preview.version', { number: v.number, status: t(`preview.status.${statusOf(v.status)}`) })}
									</Link>
								</li>
							))}
						</ul>
					</nav>
				) : null}
			</div>

			<div className="mt-6 lg:grid lg:grid-cols-[18rem_minmax(0,1fr)] lg:gap-10">
				<aside className="mb-6 lg:mb-0" aria-label={t('preview.courseNav')}>
					<nav aria-label={t('preview.outline')}>
						<p className="font-semibold text-stone-900">{course.title}</p>
						<ol className="mt-4 space-y-5">
							{outline.map((m) => (
								<li key={m.id}>
									<p className="text-sm font-semibold tracking-wide text-stone-600 uppercase">{m.title}</p>
									<ol className="mt-2 space-y-1">
										{m.lessons.map((l) => (
											<li key={l.id}>
												<Link
													to={`${base}/${l.id}`}
													aria-current={l.id === lesson?.id ? 'page' : undefined}
													className={cx(
														'flex min-h-11 items-center gap-2 rounded-lg px-3 py-2 no-underline',
														l.id === lesson?.id
															? 'bg-brand-50 font-semibold text-brand-900'
															: 'text-stone-800 hover:bg-stone-100',
													)}
												>
													<LessonKindIcon kind={l.kind} className="size-4 shrink-0" />
													<span>{l.title}</span>
												</Link>
											</li>
										))}
									</ol>
								</li>
							))}
						</ol>
					</nav>
				</aside>

				<article aria-labelledby="lesson-title" className="min-w-0">
					{!lesson ? (
						<>
							<h1 id="lesson-title" className="text-3xl font-semibold text-stone-900">
								{course.title}
							</h1>
							<p className="mt-4 text-stone-700">{t('preview.noLessons')}</p>
						</>
					) : (
						<>
							<p className="text-sm text-stone-700">
								{t('preview.position', { module: lesson.moduleTitle, number: lesson.number, total: lesson.total })}
							</p>
							<h1 id="lesson-title" className="mt-2 text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">
								{lesson.title}
							</h1>
							<LessonBadges kind={lesson.kind} estimatedMinutes={lesson.estimatedMinutes} required={lesson.required} />
							<div className="mt-8">
								{content?.kind === 'READING' ? (
									<>
										<MarkdownContent html={content.html} />
										<p className="mt-10 rounded-xl border border-stone-200 bg-white p-5 text-stone-700">
											{t('preview.readingDone')}
										</p>
									</>
								) : null}
								{content?.kind === 'VIDEO' ? (
									<div className="space-y-6">
										{content.playbackId || content.sourceUrl ? (
											<PublicPlayer
												key={lesson.id}
												tracking={false}
												title={lesson.title}
												playbackId={content.playbackId}
												sourceUrl={content.sourceUrl}
												captionsUrl={content.captionsUrl}
											/>
										) : (
											<Notice tone="warning" title={t('preview.noVideoTitle')}>
												{t('preview.noVideoBody')}
											</Notice>
										)}
										<LessonTranscript transcript={content.transcript} />
									</div>
								) : null}
								{content?.kind === 'QUIZ' ? (
									<ReflectionPreviewContext.Provider value={true}>
										<QuizSection
											key={lesson.id}
											quiz={content.quiz}
											retaking={searchParams.has('retake')}
											error={actionData?.error}
										/>
									</ReflectionPreviewContext.Provider>
								) : null}
							</div>
							<LessonNav basePath={base} previous={previous} next={next} />
						</>
					)}
				</article>
			</div>
		</div>
	)
}

function statusOf(status: string) {
	return status === 'DRAFT' ? 'draft' : status === 'PUBLISHED' ? 'published' : 'archived'
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
