import { NavLink } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { cx } from '#app/components/ui/cx.ts'

export type VersionState = 'draft' | 'published' | 'published-with-changes'

const STATE: Record<VersionState, { label: string; tone: 'neutral' | 'success' | 'accent' }> = {
	draft: { label: 'Draft: not published yet', tone: 'neutral' },
	published: { label: 'Published', tone: 'success' },
	'published-with-changes': { label: 'Published, with unpublished changes', tone: 'accent' },
}

/** The course's publishing state, from whether it has a draft and a published version. */
export function versionState({ hasDraft, hasPublished }: { hasDraft: boolean; hasPublished: boolean }): VersionState {
	if (!hasPublished) return 'draft'
	return hasDraft ? 'published-with-changes' : 'published'
}

export function VersionStateBadge({ state }: { state: VersionState }) {
	return <Badge tone={STATE[state].tone}>{STATE[state].label}</Badge>
}

/**
 * The studio's per-course navigation: builder, preview, publish, cover, certificate, follow-up,
 * co-authors, analytics and SCORM export (each a stable URL).
 */
export function StudioCourseNav({ courseId }: { courseId: string }) {
	const base = `/studio/courses/${encodeURIComponent(courseId)}`
	const links = [
		{ to: base, label: 'Builder', end: true },
		{ to: `${base}/preview`, label: 'Preview', end: false },
		{ to: `${base}/publish`, label: 'Publish', end: true },
		{ to: `${base}/cover`, label: 'Cover image', end: true },
		{ to: `${base}/previews`, label: 'Free previews', end: true },
		{ to: `${base}/certificate`, label: 'Certificate validity', end: true },
		{ to: `${base}/follow-up`, label: 'Follow-up', end: true },
		{ to: `${base}/authors`, label: 'Co-authors', end: true },
		{ to: `${base}/analytics`, label: 'Analytics', end: true },
		{ to: `${base}/scorm`, label: 'SCORM export', end: true },
	]
	return (
		<nav aria-label="Course studio" className="mt-4 border-b border-stone-200">
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
