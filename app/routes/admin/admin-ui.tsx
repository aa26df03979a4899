// Pieces shared by the platform admin pages (a plain module beside the layout's route.tsx, so it
// is not a route itself). They keep every admin list looking and behaving the same: a labelled
// search form, a table with a caption, and pagination that keeps the filters.
import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { useFormat } from '#app/utils/i18n.ts'

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
	const { t } = useTranslation('admin')
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
				label={t('list.perPage')}
				value={String(pageSize)}
				options={[
					{ value: '25', label: '25' },
					{ value: '50', label: '50' },
				]}
			/>
			<Button type="submit">{t('list.search')}</Button>
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

/** The things an admin list counts, each with its own messages (Welsh nouns mutate after numbers). */
export type ListKind =
	'users' | 'organisations' | 'orders' | 'enquiries' | 'openEnquiries' | 'handledEnquiries' | 'subscribers'

/** "Showing 26–50 of 120 users" as a status message, so a new search is announced. */
export function ResultSummary({
	page,
	pageSize,
	total,
	kind,
	rows,
}: {
	page: number
	pageSize: number
	total: number
	kind: ListKind
	rows: number
}) {
	const { t } = useTranslation('admin')
	const format = useFormat()
	const first = (page - 1) * pageSize + 1
	return (
		<p role="status" className="mt-6 text-stone-700">
			{total === 0
				? t(`list.results.${kind}.none`)
				: rows === 0
					? t(`list.results.${kind}.offPage`, { count: total })
					: t(`list.results.${kind}.showing`, {
							count: total,
							first: format.number(first),
							last: format.number(first + rows - 1),
						})}
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

export function OrderStatusBadge({ status }: { status: keyof typeof ORDER_STATUS_TONES }) {
	const { t } = useTranslation('admin')
	return <Badge tone={ORDER_STATUS_TONES[status]}>{t(`orderStatus.${status}`)}</Badge>
}

/** "Card", "Invoice", "Demo" in the page's language (an unknown method is shown as it is stored). */
export function usePaymentMethodLabel() {
	const { t } = useTranslation('admin')
	return (method: string) =>
		method === 'CARD' || method === 'INVOICE' || method === 'DEMO' ? t(`paymentMethod.${method}`) : method
}

export type AuditEntry = {
	id: string
	action: string
	actor: string | null
	at: string
	details: { from?: string; to?: string; reason?: string; sessionsEnded?: number }
}

/** Audit rows as plain data for the page (the list words them in the page's language). */
export function describeAudit(entry: {
	id: string
	action: string
	details: unknown
	createdAt: Date
	actor: { name: string } | null
}): AuditEntry {
	const d = entry.details && typeof entry.details === 'object' ? (entry.details as Record<string, unknown>) : {}
	const details: AuditEntry['details'] = {}
	if (typeof d.from === 'string' && typeof d.to === 'string') Object.assign(details, { from: d.from, to: d.to })
	if (typeof d.reason === 'string') details.reason = d.reason
	if (typeof d.sessionsEnded === 'number') details.sessionsEnded = d.sessionsEnded
	return {
		id: entry.id,
		action: entry.action,
		actor: entry.actor?.name ?? null,
		at: entry.createdAt.toISOString(),
		details,
	}
}

const AUDIT_ACTIONS = [
	'user.role_changed',
	'user.disabled',
	'user.enabled',
	'enquiry.handled',
	'enquiry.reopened',
	'order.created',
	'order.cancelled',
	'order.expired',
	'order.payment_failed',
	'order.fulfilled',
	'order.refund_requested',
	'order.refunded',
	'order.seats_granted',
	'order.approved',
	'order.payment_recorded',
	'order.invoice_chased',
	'newsletter.subscriber_erased',
] as const
type AuditAction = (typeof AUDIT_ACTIONS)[number]
const isAuditAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action)

export function AuditList({ entries, empty }: { entries: AuditEntry[]; empty: string }) {
	const { t } = useTranslation('admin')
	const format = useFormat()
	if (!entries.length) return <p className="mt-3 text-stone-700">{empty}</p>
	return (
		<ol className="mt-4 space-y-3">
			{entries.map((entry) => {
				const action = isAuditAction(entry.action) ? t(`audit.actions.${entry.action}`) : entry.action
				const date = format.date(entry.at)
				const { from, to, reason, sessionsEnded } = entry.details
				const details = [
					from !== undefined && to !== undefined ? t('audit.fromTo', { from, to }) : null,
					reason !== undefined ? t('audit.reason', { reason }) : null,
					sessionsEnded !== undefined ? t('audit.sessionsEnded', { count: sessionsEnded }) : null,
				].filter(Boolean)
				return (
					<li key={entry.id} className="rounded-xl border border-stone-200 bg-white px-4 py-3">
						<p className="font-semibold text-stone-900">
							{entry.actor
								? t('audit.lineBy', { action, actor: entry.actor, date })
								: t('audit.line', { action, date })}
						</p>
						{details.length ? <p className="mt-1 text-stone-700">{details.join(' ')}</p> : null}
					</li>
				)
			})}
		</ol>
	)
}
