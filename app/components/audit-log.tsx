import { useTranslation } from 'react-i18next'
import { Form, Link, useLocation } from 'react-router'
import { Button } from '#app/components/ui/button.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { useFormat } from '#app/utils/i18n.ts'

// The audit log's filters and table, shared by /org/:slug/audit and /admin/audit.

const controlClasses =
	'mt-1 block min-h-11 w-full rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900'
const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'
const tdClasses = 'px-3 py-3 align-top'

export type AuditRow = {
	id: string
	createdAt: string
	action: string
	actor: { name: string; email: string | null }
	target: { type: string; id: string; label: string | null }
	organisation: { name: string; slug: string } | null
	ipAddress: string | null
	userAgent: string | null
}

export type AuditQuery = {
	filters: { action: string | null; person: string | null; from: string | null; to: string | null }
	page: number
	pageSize: number
}

/** The filter form (GET, so a filtered view is a link) and a CSV link for the same filters. */
export function AuditFilters({
	query,
	actions,
	csvHref,
}: {
	query: AuditQuery
	actions: string[]
	csvHref: string | null
}) {
	const { t } = useTranslation('ui')
	const { search } = useLocation()
	const csvParams = new URLSearchParams(search)
	csvParams.delete('page')
	csvParams.delete('size')
	return (
		<Form
			method="get"
			role="search"
			aria-label={t('auditLog.filterLabel')}
			className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-start"
		>
			<div>
				<label htmlFor="audit-action" className="block font-semibold text-stone-900">
					{t('auditLog.action')}
				</label>
				<select id="audit-action" name="action" defaultValue={query.filters.action ?? ''} className={controlClasses}>
					<option value="">{t('auditLog.anyAction')}</option>
					{actions.map((a) => (
						<option key={a} value={a}>
							{a}
						</option>
					))}
				</select>
			</div>
			<div>
				<label htmlFor="audit-person" className="block font-semibold text-stone-900">
					{t('auditLog.person')}
				</label>
				<input
					id="audit-person"
					name="person"
					type="search"
					defaultValue={query.filters.person ?? ''}
					autoComplete="off"
					spellCheck={false}
					className={controlClasses}
					aria-describedby="audit-person-hint"
				/>
				<p id="audit-person-hint" className="mt-1 text-sm text-stone-600">
					{t('auditLog.personHint')}
				</p>
			</div>
			<div>
				<label htmlFor="audit-from" className="block font-semibold text-stone-900">
					{t('auditLog.from')}
				</label>
				<input
					id="audit-from"
					name="from"
					type="date"
					defaultValue={query.filters.from ?? ''}
					className={controlClasses}
				/>
			</div>
			<div>
				<label htmlFor="audit-to" className="block font-semibold text-stone-900">
					{t('auditLog.to')}
				</label>
				<input id="audit-to" name="to" type="date" defaultValue={query.filters.to ?? ''} className={controlClasses} />
			</div>
			<div>
				<label htmlFor="audit-size" className="block font-semibold text-stone-900">
					{t('auditLog.perPage')}
				</label>
				<select id="audit-size" name="size" defaultValue={String(query.pageSize)} className={controlClasses}>
					{[25, 50, 100].map((n) => (
						<option key={n} value={n}>
							{n}
						</option>
					))}
				</select>
			</div>
			<div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-5">
				<Button type="submit">{t('auditLog.show')}</Button>
				{csvHref ? (
					<a href={`${csvHref}${csvParams.size ? `?${csvParams}` : ''}`} className={linkClasses} download>
						{t('auditLog.csv')}
					</a>
				) : null}
			</div>
		</Form>
	)
}

/** The entries, newest first, with the page summary and previous/next links. */
export function AuditTable({
	entries,
	total,
	page,
	pageSize,
	pageCount,
	caption,
	showOrganisation = false,
}: {
	entries: AuditRow[]
	total: number
	page: number
	pageSize: number
	pageCount: number
	caption: string
	showOrganisation?: boolean
}) {
	const { t } = useTranslation('ui')
	const format = useFormat()
	const first = (page - 1) * pageSize + 1
	const columns = [
		t('auditLog.columns.time'),
		t('auditLog.columns.action'),
		t('auditLog.columns.actor'),
		t('auditLog.columns.target'),
		...(showOrganisation ? [t('auditLog.columns.organisation')] : []),
		t('auditLog.columns.ip'),
	]
	return (
		<>
			<p role="status" className="mt-6 text-stone-700">
				{total === 0
					? t('auditLog.none')
					: entries.length === 0
						? t('auditLog.offPage', { count: total })
						: t('auditLog.showing', {
								count: total,
								first: format.number(first),
								last: format.number(first + entries.length - 1),
							})}
			</p>
			{entries.length ? (
				<div
					className="relative mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white"
					tabIndex={0}
					role="region"
					aria-label={caption}
				>
					<table className="w-full text-left text-sm" style={{ minWidth: showOrganisation ? '72rem' : '60rem' }}>
						<caption className="sr-only">{caption}</caption>
						<thead className="bg-stone-50 text-stone-700">
							<tr>
								{columns.map((c) => (
									<th key={c} scope="col" className="px-3 py-3 font-semibold">
										{c}
									</th>
								))}
							</tr>
						</thead>
						<tbody className="divide-y divide-stone-200">
							{entries.map((e) => (
								<tr key={e.id}>
									<td className={`${tdClasses} whitespace-nowrap`}>
										<time dateTime={e.createdAt}>{format.dateTime(e.createdAt)}</time>
									</td>
									<td className={tdClasses}>
										<code className="whitespace-nowrap">{e.action}</code>
									</td>
									<td className={tdClasses}>
										<span className="block font-semibold text-stone-900">{e.actor.name}</span>
										{e.actor.email ? <span className="block break-words text-stone-600">{e.actor.email}</span> : null}
									</td>
									<td className={tdClasses}>
										{e.target.label ? <span className="block break-all text-stone-900">{e.target.label}</span> : null}
										<span className="block break-all text-stone-600">
											{e.target.type} {e.target.id}
										</span>
									</td>
									{showOrganisation ? (
										<td className={tdClasses}>
											{e.organisation ? (
												<Link to={`/org/${e.organisation.slug}`} className={linkClasses}>
													{e.organisation.name}
												</Link>
											) : (
												'—'
											)}
										</td>
									) : null}
									<td className={tdClasses}>
										<span className="block break-all">{e.ipAddress ?? '—'}</span>
										{e.userAgent ? (
											<span className="block max-w-56 truncate text-stone-600" title={e.userAgent}>
												{e.userAgent}
											</span>
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			<Pagination page={page} pageCount={pageCount} label={t('auditLog.pages')} />
		</>
	)
}
