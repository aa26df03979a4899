import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'

/**
 * A studio list page (courses, programmes, circles, news, newsletters): an optional link back, the
 * heading with its introduction and the "new" buttons, then the list, or a sentence when it is empty.
 */
export function StudioListPage({
	back,
	heading,
	intro,
	introClassName,
	actions,
	isEmpty,
	empty,
	children,
}: {
	back?: { to: string; label: string }
	heading: string
	intro: string
	introClassName?: string
	actions: ReactNode
	isEmpty: boolean
	empty: string
	children: ReactNode
}) {
	return (
		<Container className="py-10 sm:py-12">
			{back ? (
				<p>
					<Link to={back.to} className="font-medium text-brand-700 underline underline-offset-2">
						{back.label}
					</Link>
				</p>
			) : null}
			<div className={cx('flex flex-wrap items-end justify-between gap-4', back && 'mt-4')}>
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">{heading}</h1>
					<p className={cx('mt-2 text-lg text-stone-700', introClassName)}>{intro}</p>
				</div>
				{actions}
			</div>
			{isEmpty ? <p className="mt-10 text-stone-700">{empty}</p> : children}
		</Container>
	)
}

/** The status table of a studio list: a hidden caption, a header row of column names, then the rows. */
export function StudioTable({
	caption,
	columns,
	tbodyClassName,
	children,
}: {
	caption: string
	columns: Array<{ label: string; align?: 'right' }>
	tbodyClassName?: string
	children: ReactNode
}) {
	return (
		<div className="relative mt-8 overflow-x-auto rounded-xl border border-stone-200 bg-white">
			<table className="w-full text-left">
				<caption className="sr-only">{caption}</caption>
				<thead className="bg-stone-100 text-sm text-stone-800">
					<tr>
						{columns.map((column) => (
							<th
								key={column.label}
								scope="col"
								className={cx('px-4 py-3 font-semibold', column.align === 'right' && 'text-right')}
							>
								{column.label}
							</th>
						))}
					</tr>
				</thead>
				<tbody className={tbodyClassName}>{children}</tbody>
			</table>
		</div>
	)
}
