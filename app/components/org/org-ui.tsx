// Pieces shared by the organisation admin pages, so that every list looks and behaves the same:
// a heading block, a table with a caption, status badges and confirmation panels.
import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '#app/components/ui/badge.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { type ReportStatus } from '#modules/organisations/report-status.ts'

export const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'
export const thClasses = 'px-4 py-3 font-semibold'
export const tdClasses = 'px-4 py-3 align-top'
const denseThClasses = 'px-3 py-3 font-semibold'
export const denseTdClasses = 'px-3 py-3 align-top'
export const controlClasses =
	'mt-2 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900'

/** Where the seat checkout lives (the billing part of Circle), buying for this organisation. */
export function buySeatsHref(courseSlug: string, orgSlug: string) {
	return `/courses/${courseSlug}/buy?${new URLSearchParams({ org: orgSlug })}`
}

/** The page's h1 and introduction. */
export function PageHeading({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
	return (
		<div className="flex flex-wrap items-end justify-between gap-4">
			<div>
				<h1 className="text-3xl font-bold break-words text-stone-900">{title}</h1>
				{intro ? <div className="mt-2 max-w-prose text-stone-700">{intro}</div> : null}
			</div>
			{children}
		</div>
	)
}

/** A section with an h2 that labels it. */
export function Section({
	id,
	title,
	intro,
	children,
	actions,
}: {
	id: string
	title: string
	intro?: ReactNode
	children: ReactNode
	actions?: ReactNode
}) {
	return (
		<section aria-labelledby={id} className="mt-10">
			<div className="flex flex-wrap items-end justify-between gap-3">
				<h2 id={id} className="text-xl font-bold text-stone-900">
					{title}
				</h2>
				{actions}
			</div>
			{intro ? <div className="mt-2 max-w-prose text-stone-700">{intro}</div> : null}
			{children}
		</section>
	)
}

/** A scrolling table with a border and a caption (visually hidden unless `showCaption`). */
export function DataTable({
	caption,
	columns,
	children,
	minWidth = '40rem',
	dense = false,
}: {
	caption: string
	columns: string[]
	children: ReactNode
	minWidth?: string
	/** Narrower cell padding (with `denseTdClasses` in the rows), for tables with many columns. */
	dense?: boolean
}) {
	return (
		// A focusable scroll region, so keyboard users can scroll a wide table on a narrow screen.
		<div
			className="mt-3 relative overflow-x-auto rounded-2xl border border-stone-200 bg-white"
			tabIndex={0}
			role="region"
			aria-label={caption}
		>
			<table className="w-full text-left text-sm" style={{ minWidth }}>
				<caption className="sr-only">{caption}</caption>
				<thead className="bg-stone-50 text-stone-700">
					<tr>
						{columns.map((c) => (
							<th key={c} scope="col" className={dense ? denseThClasses : thClasses}>
								{c}
							</th>
						))}
					</tr>
				</thead>
				<tbody className="divide-y divide-stone-200">{children}</tbody>
			</table>
		</div>
	)
}

const STATUS_TONES: Record<ReportStatus, 'neutral' | 'accent' | 'brand' | 'success'> = {
	invited: 'neutral',
	not_started: 'accent',
	in_progress: 'brand',
	completed: 'success',
}

export function StatusBadge({ status }: { status: ReportStatus }) {
	// "Not started" and "In progress" must not break in two inside a narrow table column.
	const { t } = useTranslation('org')
	return (
		<Badge tone={STATUS_TONES[status]} className="whitespace-nowrap">
			{t(`reportStatuses.${status}`)}
		</Badge>
	)
}

/**
 * A panel that asks "are you sure?" before something that cannot be undone. It takes focus when it
 * appears so that keyboard and screen reader users land on the question.
 */
export function ConfirmPanel({
	title,
	children,
	tone = 'warning',
}: {
	title: string
	children: ReactNode
	tone?: 'warning' | 'danger'
}) {
	const ref = useRef<HTMLDivElement>(null)
	useEffect(() => ref.current?.focus(), [title])
	return (
		<div
			ref={ref}
			tabIndex={-1}
			role="region"
			aria-label={title}
			className={cx(
				'mt-6 rounded-2xl border-2 p-5 sm:p-6',
				tone === 'danger' ? 'border-red-700 bg-red-50 text-red-950' : 'border-accent-700 bg-accent-50 text-stone-900',
			)}
		>
			<h2 className="text-xl font-bold">{title}</h2>
			<div className="mt-3 space-y-3 leading-relaxed">{children}</div>
		</div>
	)
}
