import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { ArrowRightIcon, LessonKindIcon } from '#app/components/ui/icons.tsx'
import type { LessonKind } from '#modules/db/generated/enums.ts'

// Pieces of the lesson page shared by the learner's player and the studio's preview, so that a
// preview shows a lesson exactly as learners see it.

/** The lesson's kind, length and whether it is optional, plus any badges the page adds. */
export function LessonBadges({
	kind,
	estimatedMinutes,
	required,
	children,
}: {
	kind: LessonKind
	estimatedMinutes: number
	required: boolean
	children?: ReactNode
}) {
	const { t } = useTranslation('learn')
	return (
		<div className="mt-3 flex flex-wrap items-center gap-2">
			<Badge tone="neutral" className="gap-1.5">
				<LessonKindIcon kind={kind} className="size-4" />
				{t(`kind.${kind}`)}
			</Badge>
			<Badge tone="neutral">{t('lesson.about', { minutes: estimatedMinutes })}</Badge>
			{required ? null : <Badge tone="neutral">{t('lesson.optional')}</Badge>}
			{children}
		</div>
	)
}

/** A video lesson's transcript, folded away until opened. */
export function LessonTranscript({ transcript, lang }: { transcript: string | null; lang?: string }) {
	const { t, i18n } = useTranslation('learn')
	if (!transcript) return null
	return (
		<details className="rounded-xl border border-stone-200 bg-white">
			<summary className="min-h-11 cursor-pointer rounded-xl px-4 py-3 font-semibold text-stone-900">
				{t('lesson.transcript')}
			</summary>
			<div
				lang={lang && lang !== i18n.language ? lang : undefined}
				className="border-t border-stone-200 px-4 py-4 whitespace-pre-line text-stone-800"
			>
				{transcript}
			</div>
		</details>
	)
}

type NavLesson = { id: string; title: string; locked?: boolean; lang?: string }

/**
 * Previous and next lessons under `basePath` (a lesson's address is `basePath/lessonId`). A locked
 * next lesson is named but not linked; `end` is shown where there is no next lesson.
 */
export function LessonNav({
	basePath,
	previous,
	next,
	end,
}: {
	basePath: string
	previous: NavLesson | null
	next: NavLesson | null
	end?: ReactNode
}) {
	const { t, i18n } = useTranslation('learn')
	const langOf = (lesson: NavLesson) => (lesson.lang && lesson.lang !== i18n.language ? lesson.lang : undefined)
	return (
		<nav aria-label={t('lesson.navLabel')} className="mt-12 border-t border-stone-200 pt-6">
			<ul className="flex flex-col gap-3 sm:flex-row sm:justify-between">
				<li>
					{previous ? (
						<Link
							to={`${basePath}/${previous.id}`}
							rel="prev"
							className="group flex min-h-11 flex-col rounded-lg px-3 py-2 no-underline hover:bg-stone-100"
						>
							<span className="text-sm text-stone-600">{t('lesson.previous')}</span>
							<span lang={langOf(previous)} className="font-semibold text-brand-800 group-hover:underline">
								{previous.title}
							</span>
						</Link>
					) : null}
				</li>
				<li className="sm:text-right">
					{next ? (
						next.locked ? (
							<p className="flex min-h-11 flex-col px-3 py-2 text-stone-600">
								<span className="text-sm">{t('lesson.nextLocked')}</span>
								<span lang={langOf(next)} className="font-semibold">
									{next.title}
								</span>
							</p>
						) : (
							<ButtonLink to={`${basePath}/${next.id}`} rel="next" variant="secondary" className="h-auto py-2">
								<span className="flex flex-col text-left sm:text-right">
									<span className="text-sm font-normal">{t('lesson.next')}</span>
									<span lang={langOf(next)}>{next.title}</span>
								</span>
								<ArrowRightIcon className="size-5 shrink-0" />
							</ButtonLink>
						)
					) : (
						end
					)}
				</li>
			</ul>
		</nav>
	)
}
