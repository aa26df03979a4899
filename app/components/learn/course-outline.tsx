import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CheckIcon, ChevronDownIcon, LessonKindIcon } from '#app/components/ui/icons.tsx'
import { cx } from '#app/components/ui/cx.ts'
import type { LessonPage } from '#modules/learning/get-lesson-page.ts'
import { ProgressBar } from './progress-bar.tsx'

type Outline = LessonPage['outline']

/**
 * The course outline beside the lesson: modules and their lessons, ticks for completed ones, a
 * padlock note for locked ones and the current lesson marked with aria-current. On small screens it
 * folds into a <details> above the lesson; from the `lg` breakpoint it is an always-open sidebar.
 * One copy for both (issue 18: the server renders the lessons' links once): the <details> holds only
 * the summary, the outline follows it, shown on small screens while the details is open (`peer-open`)
 * and always from `lg`, where the details is hidden. So each layout works without JavaScript, and the
 * outline is never the content of a closed <details>, which axe and assistive technology treat as
 * hidden whatever the stylesheet shows.
 */
export function CourseOutline({
	courseSlug,
	courseTitle,
	courseTitleLang,
	outline,
	currentLessonId,
	progressPercent,
	completedCount,
	totalCount,
}: {
	courseSlug: string
	courseTitle: string
	/** The title's language when it differs from the page's (no Welsh title yet). */
	courseTitleLang?: string
	outline: Outline
	currentLessonId: string
	progressPercent: number
	completedCount: number
	totalCount: number
}) {
	const { t } = useTranslation('learn')
	return (
		<nav
			aria-label={t('outline.title')}
			className="rounded-xl border border-stone-200 bg-white lg:rounded-none lg:border-0 lg:bg-transparent"
		>
			<details className="disclosure group peer lg:hidden">
				<summary className="flex min-h-11 cursor-pointer items-center justify-between gap-3 rounded-xl px-4 py-3 font-semibold text-stone-900">
					<span>
						{t('outline.title')}
						<span className="block text-sm font-normal text-stone-700">
							{t('outline.done', { done: completedCount, total: totalCount })}
						</span>
					</span>
					<ChevronDownIcon className="size-5 shrink-0 transition-transform group-open:rotate-180" />
				</summary>
			</details>
			<div className="hidden border-t border-stone-200 px-4 pt-4 pb-2 peer-open:block lg:block lg:border-0 lg:p-0">
				<div className="hidden lg:mb-4 lg:block">
					<p className="text-sm font-semibold tracking-wide text-stone-600 uppercase">{t('outline.course')}</p>
					<p className="mt-1 font-semibold text-stone-900" lang={courseTitleLang}>
						<Link to={`/courses/${courseSlug}`} className="hover:underline">
							{courseTitle}
						</Link>
					</p>
				</div>
				<ProgressBar
					label={t('outline.progress')}
					value={progressPercent}
					valueText={t('outline.progressText', { percent: progressPercent, done: completedCount, total: totalCount })}
				/>
				<OutlineList courseSlug={courseSlug} outline={outline} currentLessonId={currentLessonId} />
			</div>
		</nav>
	)
}

function OutlineList({
	courseSlug,
	outline,
	currentLessonId,
}: {
	courseSlug: string
	outline: Outline
	currentLessonId: string
}) {
	const { t, i18n } = useTranslation('learn')
	const langOf = (lang: string) => (lang !== i18n.language ? lang : undefined)
	return (
		<ol className="mt-5 space-y-5">
			{outline.map((module, moduleIndex) => (
				<li key={module.id}>
					<p className="text-sm font-semibold text-stone-900">
						<span className="text-stone-600">{t('outline.module', { number: moduleIndex + 1 })}</span>{' '}
						<span lang={langOf(module.lang)}>{module.title}</span>
					</p>
					<ol className="mt-2 space-y-1">
						{module.lessons.map((lesson) => {
							const current = lesson.id === currentLessonId
							const status = lesson.completed ? t('outline.completed') : lesson.locked ? t('outline.locked') : null
							return (
								<li key={lesson.id}>
									<Link
										to={`/learn/${courseSlug}/${lesson.id}`}
										aria-current={current ? 'page' : undefined}
										className={cx(
											'flex min-h-11 items-start gap-3 rounded-lg px-2 py-2 text-[0.95rem] no-underline',
											current
												? 'bg-brand-50 font-semibold text-brand-900 ring-1 ring-brand-200'
												: 'text-stone-800 hover:bg-stone-100',
											lesson.locked && !current && 'text-stone-600',
										)}
									>
										<span
											aria-hidden="true"
											className={cx(
												'mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border',
												lesson.completed
													? 'border-green-700 bg-green-700 text-white'
													: lesson.locked
														? 'border-stone-400 bg-stone-100'
														: 'border-stone-500 bg-white',
											)}
										>
											{lesson.completed ? <CheckIcon className="size-3.5" strokeWidth={3} /> : null}
											{lesson.locked && !lesson.completed ? <LockGlyph /> : null}
										</span>
										<span className="min-w-0 flex-1">
											<span className="block" lang={langOf(lesson.lang)}>
												{lesson.title}
											</span>
											<span className="mt-0.5 flex items-center gap-1 text-xs font-normal text-stone-600">
												<LessonKindIcon kind={lesson.kind} className="size-3.5" />
												{t(`kind.${lesson.kind}`)} · {t('outline.minutes', { minutes: lesson.estimatedMinutes })}
												{lesson.required ? null : t('outline.optional')}
											</span>
										</span>
										{status ? <span className="sr-only">({status})</span> : null}
									</Link>
								</li>
							)
						})}
					</ol>
				</li>
			))}
		</ol>
	)
}

function LockGlyph() {
	return (
		<svg viewBox="0 0 24 24" className="size-3 text-stone-600" fill="none" stroke="currentColor" strokeWidth={2.5}>
			<rect x="5" y="11" width="14" height="9" rx="1.5" />
			<path d="M8 11V8a4 4 0 0 1 8 0v3" />
		</svg>
	)
}
