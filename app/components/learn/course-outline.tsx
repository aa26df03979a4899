import { Link } from 'react-router'
import { CheckIcon, ChevronDownIcon, LessonKindIcon } from '#app/components/ui/icons.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { LESSON_KIND_LABELS } from '#app/utils/format.ts'
import type { LessonPage } from '#modules/learning/get-lesson-page.ts'
import { ProgressBar } from './progress-bar.tsx'

type Outline = LessonPage['outline']

/**
 * The course outline beside the lesson: modules and their lessons, ticks for completed ones, a
 * padlock note for locked ones and the current lesson marked with aria-current. On small screens it
 * folds into a <details> above the lesson; from the `lg` breakpoint it is an always-open sidebar.
 * (Two copies, one hidden with display:none, so each layout works without JavaScript.)
 */
export function CourseOutline({
	courseSlug,
	courseTitle,
	outline,
	currentLessonId,
	progressPercent,
	completedCount,
	totalCount,
}: {
	courseSlug: string
	courseTitle: string
	outline: Outline
	currentLessonId: string
	progressPercent: number
	completedCount: number
	totalCount: number
}) {
	const progress = (
		<ProgressBar
			label="Course progress"
			value={progressPercent}
			valueText={`${progressPercent}% complete, ${completedCount} of ${totalCount} lessons done`}
		/>
	)
	return (
		<>
			<details className="disclosure group rounded-xl border border-stone-200 bg-white lg:hidden">
				<summary className="flex min-h-11 cursor-pointer items-center justify-between gap-3 rounded-xl px-4 py-3 font-semibold text-stone-900">
					<span>
						Course outline
						<span className="block text-sm font-normal text-stone-700">
							{completedCount} of {totalCount} lessons done
						</span>
					</span>
					<ChevronDownIcon className="size-5 shrink-0 transition-transform group-open:rotate-180" />
				</summary>
				<nav aria-label="Course outline" className="border-t border-stone-200 px-4 pt-4 pb-2">
					{progress}
					<OutlineList courseSlug={courseSlug} outline={outline} currentLessonId={currentLessonId} />
				</nav>
			</details>
			<nav aria-label="Course outline" className="hidden lg:block">
				<p className="text-sm font-semibold tracking-wide text-stone-600 uppercase">Course</p>
				<p className="mt-1 font-semibold text-stone-900">
					<Link to={`/courses/${courseSlug}`} className="hover:underline">
						{courseTitle}
					</Link>
				</p>
				<div className="mt-4">{progress}</div>
				<OutlineList courseSlug={courseSlug} outline={outline} currentLessonId={currentLessonId} />
			</nav>
		</>
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
	return (
		<ol className="mt-5 space-y-5">
			{outline.map((module, moduleIndex) => (
				<li key={module.id}>
					<p className="text-sm font-semibold text-stone-900">
						<span className="text-stone-600">Module {moduleIndex + 1}:</span> {module.title}
					</p>
					<ol className="mt-2 space-y-1">
						{module.lessons.map((lesson) => {
							const current = lesson.id === currentLessonId
							const status = lesson.completed ? 'Completed' : lesson.locked ? 'Locked' : null
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
											<span className="block">{lesson.title}</span>
											<span className="mt-0.5 flex items-center gap-1 text-xs font-normal text-stone-600">
												<LessonKindIcon kind={lesson.kind} className="size-3.5" />
												{LESSON_KIND_LABELS[lesson.kind]} · {lesson.estimatedMinutes} min
												{lesson.required ? null : ' · Optional'}
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
