import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { Trans } from '#app/utils/trans.tsx'

export type VersionState = 'draft' | 'published' | 'published-with-changes'

const STATE = {
	draft: { label: 'nav.state.draft', tone: 'neutral' },
	published: { label: 'nav.state.published', tone: 'success' },
	'published-with-changes': { label: 'nav.state.publishedWithChanges', tone: 'accent' },
} as const satisfies Record<VersionState, { label: string; tone: 'neutral' | 'success' | 'accent' }>

/** The course's publishing state, from whether it has a draft and a published version. */
export function versionState({ hasDraft, hasPublished }: { hasDraft: boolean; hasPublished: boolean }): VersionState {
	if (!hasPublished) return 'draft'
	return hasDraft ? 'published-with-changes' : 'published'
}

export function VersionStateBadge({ state }: { state: VersionState }) {
	const { t } = useTranslation('studio')
	return <Badge tone={STATE[state].tone}>{t(STATE[state].label)}</Badge>
}

/**
 * The studio's per-course navigation: builder, preview, publish, cover, certificate, follow-up,
 * co-authors, analytics, SCORM export and the Welsh version of its content (each a stable URL).
 */
export function StudioCourseNav({ courseId }: { courseId: string }) {
	const { t } = useTranslation('studio')
	const base = `/studio/courses/${encodeURIComponent(courseId)}`
	const links = [
		{ to: base, label: t('nav.builder'), end: true },
		{ to: `${base}/preview`, label: t('nav.preview'), end: false },
		{ to: `${base}/publish`, label: t('nav.publish'), end: true },
		{ to: `${base}/cover`, label: t('nav.cover'), end: true },
		{ to: `${base}/previews`, label: t('nav.previews'), end: true },
		{ to: `${base}/certificate`, label: t('nav.certificate'), end: true },
		{ to: `${base}/follow-up`, label: t('nav.followUp'), end: true },
		{ to: `${base}/authors`, label: t('nav.authors'), end: true },
		{ to: `${base}/analytics`, label: t('nav.analytics'), end: true },
		{ to: `${base}/scorm`, label: t('nav.scorm'), end: true },
		{
			to: `${base}/welsh`,
			label: <Trans t={t} i18nKey="nav.welsh" components={{ cy: <span lang="cy" /> }} />,
			end: false,
		},
	]
	return (
		<nav aria-label={t('nav.courseStudio')} className="mt-4 border-b border-stone-200">
			<ul className="-mb-px flex flex-wrap gap-x-1">
				{links.map((link) => (
					<li key={link.to}>
						<NavLink
							to={link.to}
							end={link.end}
							className={({ isActive }) =>
								cx(
									'inline-flex min-h-11 items-center border-b-2 px-3 font-medium no-underline',
									isActive
										? 'border-brand-700 text-brand-800'
										: 'border-transparent text-stone-700 hover:border-stone-400 hover:text-stone-900',
								)
							}
						>
							{link.label}
						</NavLink>
					</li>
				))}
			</ul>
		</nav>
	)
}
