// Pieces shared by the platform admin pages (a plain module beside the layout's route.tsx, so it
// is not a route itself). They keep every admin list looking and behaving the same: a labelled
// search form, a table with a caption, and pagination that keeps the filters.
import { type ReactNode } from 'react'
import { Form, Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { formatDate } from '#app/utils/format.ts'

export const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'
export const thClasses = 'px-4 py-3 font-semibold'
export const tdClasses = 'px-4 py-3 align-top'
const controlClasses =
	'mt-2 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900'

/** Reads `q`, `page` and `pageSize` from a list page's URL (the module makes them safe). */
export function readListParams(request: Request) {
	const params = new URL(request.url).searchParams
	return {
		params,
		q: params.get('q')?.trim().slice(0, 200) ?? '',
		page: Number(params.get('page') ?? 1) || 1,
		pageSize: Number(params.get('pageSize') ?? 25) || 25,
	}
}

/** The page's heading and introduction inside the page container. */
export function AdminPage({
	title,
	intro,
	children,
	back,
	width = 'default',
}: {
	title: ReactNode
	intro?: ReactNode
	children: ReactNode
	/** A link back to the list, shown above the heading. */
	back?: { to: string; label: string }
	width?: 'default' | 'prose' | 'wide'
}) {
	return (
		<Container width={width} className="py-10">
			{back ? (
				<p className="mb-4">
					<Link to={back.to} className={linkClasses}>
						{back.label}
					</Link>
				</p>
			) : null}
			<h1 className="text-3xl font-bold break-words text-stone-900">{title}</h1>
			{intro ? <p className="mt-2 max-w-prose text-stone-700">{intro}</p> : null}
			{children}
		</Container>
	)
}

/** A GET form with a labelled search box, any filters, the page size and a submit button. */
export function ListFilters({
	label,
	searchLabel,
	q,
	pageSize,
	children,
}: {
	label: string
	searchLabel: string
	q: string
	pageSize: number
	children?: ReactNode
}) {
	return (
		<Form method="get" role="search" aria-label={label} className="mt-6 flex flex-wrap items-end gap-3">
			<div className="w-full max-w-md">
				<label htmlFor="admin-search" className="block font-semibold text-stone-900">
					{searchLabel}
				</label>
				<input
					id="admin-search"
					name="q"
					type="search"
					defaultValue={q}
					autoComplete="off"
					spellCheck={false}
					className={controlClasses}
				/>
			</div>
			{children}
			<FilterSelect
				id="admin-page-size"
				name="pageSize"
				label="Per page"
				value={String(pageSize)}
				options={[
					{ value: '25', label: '25' },
					{ value: '50', label: '50' },
				]}
			/>
			<Button type="submit">Search</Button>
		</Form>
	)
}

/** A labelled select for a list's filters. */
export function FilterSelect({
	id,
	name,
	label,
	value,
	options,
}: {
	id: string
	name: string
	label: string
	value: string
	options: ReadonlyArray<{ value: string; label: string }>
}) {
	return (
		<div>
			<label htmlFor={id} className="block font-semibold text-stone-900">
				{label}
			</label>
			<select id={id} name={name} defaultValue={value} className={controlClasses}>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	)
}

/** "Showing 26–50 of 120 users" as a status message, so a new search is announced. */
export function ResultSummary({
	page,
	pageSize,
	total,
	noun,
	plural = `${noun}s`,
	rows,
}: {
	page: number
	pageSize: number
	total: number
	noun: string
	plural?: string
	rows: number
}) {
	const first = (page - 1) * pageSize + 1
	return (
		<p role="status" className="mt-6 text-stone-700">
			{total === 0
				? `No ${plural} match.`
				: rows === 0
					? `There are ${total} ${total === 1 ? noun : plural}, but none on this page.`
					: `Showing ${first}–${first + rows - 1} of ${total} ${total === 1 ? noun : plural}.`}
		</p>
	)
}

export { Pagination } from '#app/components/ui/pagination.tsx'

/** A scrolling table wrapper with the admin pages' border. */
export function TableFrame({ children, minWidth = '48rem' }: { children: ReactNode; minWidth?: string }) {
	return (
		<div className="mt-3 relative overflow-x-auto rounded-2xl border border-stone-200 bg-white">
			<table className="w-full text-left text-sm" style={{ minWidth }}>
				{children}
			</table>
		</div>
	)
}

export function TableHead({ columns }: { columns: string[] }) {
	return (
		<thead className="bg-stone-50 text-stone-700">
			<tr>
				{columns.map((c) => (
					<th key={c} scope="col" className={thClasses}>
						{c}
					</th>
				))}
			</tr>
		</thead>
	)
}

/** A definition list of facts about one thing. */
export function Facts({ items, className }: { items: Array<[string, ReactNode]>; className?: string }) {
	return (
		<dl className={cx('mt-6 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white', className)}>
			{items.map(([term, value]) => (
				<div key={term} className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
					<dt className="font-semibold text-stone-600">{term}</dt>
					<dd className="break-words text-stone-900 sm:col-span-2">{value}</dd>
				</div>
			))}
		</dl>
	)
}

/** A section with an h2 that labels it. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
	return (
		<section aria-labelledby={id} className="mt-10">
			<h2 id={id} className="text-xl font-bold text-stone-900">
				{title}
			</h2>
			{children}
		</section>
	)
}

const ORDER_STATUS_TONES = {
	PENDING: 'neutral',
	PAID: 'success',
	FAILED: 'accent',
	EXPIRED: 'neutral',
	REFUNDED: 'accent',
} as const

export const ORDER_STATUS_LABELS: Record<keyof typeof ORDER_STATUS_TONES, string> = {
	PENDING: 'Pending',
	PAID: 'Paid',
	FAILED: 'Failed',
	EXPIRED: 'Expired',
	REFUNDED: 'Refunded',
}

export const PAYMENT_METHOD_LABELS: Record<string, string> = { CARD: 'Card', INVOICE: 'Invoice', DEMO: 'Demo' }

export function OrderStatusBadge({ status }: { status: keyof typeof ORDER_STATUS_TONES }) {
	return <Badge tone={ORDER_STATUS_TONES[status]}>{ORDER_STATUS_LABELS[status]}</Badge>
}

const AUDIT_LABELS: Record<string, string> = {
	'user.role_changed': 'Role changed',
	'user.disabled': 'Account disabled',
	'user.enabled': 'Account enabled',
	'enquiry.handled': 'Marked as handled',
	'enquiry.reopened': 'Reopened',
}

export type AuditEntry = { id: string; action: string; actor: string | null; at: string; details: string | null }

/** Turns audit rows into plain lines for the page (details as readable text, not JSON). */
export function describeAudit(entry: {
	id: string
	action: string
	details: unknown
	createdAt: Date
	actor: { name: string } | null
}): AuditEntry {
	const d = entry.details && typeof entry.details === 'object' ? (entry.details as Record<string, unknown>) : {}
	const parts: string[] = []
	if (typeof d.from === 'string' && typeof d.to === 'string') parts.push(`From ${d.from} to ${d.to}.`)
	if (typeof d.reason === 'string') parts.push(`Reason: ${d.reason}`)
	if (typeof d.sessionsEnded === 'number') parts.push(`${d.sessionsEnded} signed-in session(s) ended.`)
	return {
		id: entry.id,
		action: AUDIT_LABELS[entry.action] ?? entry.action,
		actor: entry.actor?.name ?? null,
		at: entry.createdAt.toISOString(),
		details: parts.join(' ') || null,
	}
}

export function AuditList({ entries, empty }: { entries: AuditEntry[]; empty: string }) {
	if (!entries.length) return <p className="mt-3 text-stone-700">{empty}</p>
	return (
		<ol className="mt-4 space-y-3">
			{entries.map((entry) => (
				<li key={entry.id} className="rounded-xl border border-stone-200 bg-white px-4 py-3">
					<p className="font-semibold text-stone-900">
						{entry.action}
						{entry.actor ? ` by ${entry.actor}` : ''} on {formatDate(entry.at)}
					</p>
					{entry.details ? <p className="mt-1 text-stone-700">{entry.details}</p> : null}
				</li>
			))}
		</ol>
	)
}
