import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CELL_CLASSES, type CellView, matrixLabels, rowHtml } from '#app/components/org/matrix-rows.ts'
import { denseTdClasses, linkClasses, PageHeading, Section } from '#app/components/org/org-ui.tsx'
import { ReportFilters } from '#app/components/org/report-filters.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { metaT, useLanguage } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { cellDetailParts, formatCalendarDay } from '#modules/compliance/cell.ts'
import {
	matrixSearch,
	MATRIX_PAGE_SIZES,
	readMatrixFilters,
	statusFilterParam,
	type MatrixStatusFilter,
} from '#modules/compliance/matrix-filters.ts'
import { getComplianceMatrix, getMatrixFrame } from '#modules/compliance/matrix.ts'
import { COMPLIANCE_STATUSES } from '#modules/compliance/status.ts'
import { readDb } from '#modules/db/replica.ts'
import type { Route } from './+types/org.$slug.compliance'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('compliance.meta.title', { ns: 'org', organisation }),
		t('compliance.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const t = await getT(request)
	const waitingForSeat = t('compliance.waitingForSeat', { ns: 'org' })
	const now = new Date()
	const db = await readDb(request)
	const frame = await getMatrixFrame({ organisationId, scope: access.scope, now, db })
	const { filters, page, perPage, query } = readMatrixFilters(new URL(request.url).searchParams, frame)
	const matrix = await getComplianceMatrix({
		organisationId,
		scope: access.scope,
		filters,
		now,
		frame,
		limit: perPage,
		offset: (page - 1) * perPage,
		db,
	})
	return {
		organisation: access.organisation,
		isManager: access.scope.kind === 'teams',
		courses: frame.columns.map((c) => ({ slug: c.slug, title: c.title })),
		teamOptions: frame.teams.map((t) => ({ id: t.id, name: t.name, depth: t.depth })),
		query,
		page,
		perPage,
		pageCount: Math.max(1, Math.ceil(matrix.total / perPage)),
		...matrix,
		// Only what a cell shows, in the columns' order: a page holds 25 people × 20 courses, and this
		// data is sent twice (in the HTML and to hydrate it). A cell is one string (see CellView),
		// null where nothing is assigned: no object per cell to encode, and equal cells sent once.
		rows: matrix.rows.map((r) => ({
			userId: r.userId,
			name: r.name,
			email: r.email,
			teams: r.teams.join(', '),
			cells: matrix.columns.map((c): CellView | null => {
				const cell = r.cells[c.id]
				if (!cell) return null
				const note = [
					cell.cycle > 1 ? t('compliance.renewal', { ns: 'org', cycle: cell.cycle }) : null,
					cell.waitingForSeat ? waitingForSeat : null,
				]
					.filter(Boolean)
					.join(', ')
				const detail = cellDetailParts(cell)
				return `${cell.status} ${detail.kind} ${detail.date ?? '-'}${note ? `\n${note}` : ''}`
			}),
		})),
		// Per team, its counts in COMPLIANCE_STATUSES order: one level at a time (the chosen team and
		// the teams directly beneath it, or the highest teams in scope), each row a way in to the next
		// level. A trust's 50 wards at once is a table nobody reads, and 450 cells to render per view.
		teams: teamsToShow(matrix.teams, filters.teamId).map((t) => ({
			id: t.id,
			parentId: t.parentId,
			name: t.name,
			depth: t.depth,
			people: t.people,
			outOfDatePeople: t.outOfDatePeople,
			counts: COMPLIANCE_STATUSES.map((s) => t.counts[s]),
		})),
	}
}

/** The chosen team and the teams directly beneath it; with no team chosen, the highest teams in scope. */
function teamsToShow<T extends { id: string; parentId: string | null; depth: number }>(
	teams: T[],
	teamId: string | null,
): T[] {
	const shown = teamId
		? teams.filter((t) => t.id === teamId || t.parentId === teamId)
		: teams.filter((t) => t.depth === 0)
	const top = Math.min(...shown.map((t) => t.depth))
	return shown.map((t) => ({ ...t, depth: t.depth - top }))
}

// The padding of every data cell is set once on the table body (denseTdClasses, written for its
// cells): 500 cells a page, each with its own copy of the class list, made the HTML 20 KB larger.
const DENSE_BODY_CLASSES = 'divide-y divide-stone-200 [&>tr>td]:px-3 [&>tr>td]:py-3 [&>tr>td]:align-top'

export default function ComplianceRoute({ loaderData }: Route.ComponentProps) {
	const {
		organisation,
		isManager,
		courses,
		teamOptions,
		query,
		page,
		perPage,
		pageCount,
		today,
		columns,
		rows,
		total,
		people,
		counts,
		outOfDatePeople,
		teams,
	} = loaderData
	const { t } = useTranslation('org')
	const language = useLanguage()
	// The matrix's words, once per render (not per cell: a page has 500).
	const labels = useMemo(() => matrixLabels(t, language), [t, language])
	const base = `/org/${organisation.slug}/compliance`
	const search = matrixSearch(query)
	const withFilters = (changes: Partial<typeof query>) => {
		const next = matrixSearch({ ...query, ...changes })
		return next ? `${base}?${next}` : base
	}
	const statusLink = (status: MatrixStatusFilter) => withFilters({ status: statusFilterParam(status) })
	const first = (page - 1) * perPage + 1
	const asOf = formatCalendarDay(today, language)
	return (
		<Container width="wide" className="py-10">
			<PageHeading
				title={t('compliance.title')}
				intro={
					<p>{isManager ? t('compliance.introManager', { date: asOf }) : t('compliance.intro', { date: asOf })}</p>
				}
			>
				<div className="flex flex-wrap gap-3">
					{/* Plain links: the exports are file downloads, not pages. */}
					<a
						href={`${base}.csv${search ? `?${search}` : ''}`}
						className={buttonClasses({ variant: 'secondary' })}
						download
					>
						{search ? t('compliance.csvFiltered') : t('compliance.csv')}
					</a>
					<a
						href={`${base}.xlsx${search ? `?${search}` : ''}`}
						className={buttonClasses({ variant: 'secondary' })}
						download
					>
						{search ? t('compliance.xlsxFiltered') : t('compliance.xlsx')}
					</a>
				</div>
			</PageHeading>

			<section aria-labelledby="summary-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-5">
				<h2 id="summary-heading" className="text-xl font-bold text-stone-900">
					{t('compliance.outOfDate')}
				</h2>
				<p className="mt-2 text-stone-800">
					<Trans
						t={t}
						i18nKey="compliance.outOfDateCount"
						count={people}
						values={{ outOfDate: outOfDatePeople, date: asOf }}
						components={[<span key="n" className="text-2xl font-bold" />]}
					/>{' '}
					{outOfDatePeople > 0 && query.status !== 'out-of-date' ? (
						<Link to={statusLink('OUT_OF_DATE')} className={linkClasses}>
							{t('compliance.showWho')}
						</Link>
					) : null}
				</p>
				<ul className="mt-4 flex flex-wrap gap-3" aria-label={t('compliance.byStatus')}>
					{COMPLIANCE_STATUSES.map((status) => (
						<li key={status}>
							<Link
								to={statusLink(status)}
								className={cx(
									'inline-block rounded-lg px-3 py-2 ring-1 ring-stone-300 ring-inset',
									CELL_CLASSES[status],
								)}
								aria-current={query.status === statusFilterParam(status) ? 'true' : undefined}
							>
								<span className="font-semibold">{t(`compliance.statuses.${status}`)}</span>: {counts[status]}
							</Link>
						</li>
					))}
				</ul>
			</section>

			<ReportFilters
				idPrefix="matrix"
				label={t('compliance.filterLabel')}
				choices={[
					...(teamOptions.length
						? [
								{
									name: 'team',
									label: t('filters.team'),
									value: query.team,
									anyLabel: isManager ? t('filters.allMyTeams') : t('filters.allTeams'),
									options: teamOptions.map((t) => ({
										value: t.id,
										label: `${'\u00a0\u00a0'.repeat(t.depth)}${t.name}`,
									})),
								},
							]
						: []),
					{
						name: 'course',
						label: t('filters.course'),
						value: query.course,
						anyLabel: t('filters.allAssignedCourses'),
						options: courses.map((c) => ({ value: c.slug, label: c.title })),
					},
					{
						name: 'status',
						label: t('filters.status'),
						value: query.status,
						anyLabel: t('filters.anyStatus'),
						options: (['OUT_OF_DATE', ...COMPLIANCE_STATUSES] as const).map((s) => ({
							value: statusFilterParam(s),
							label: t(`compliance.statuses.${s}`),
						})),
					},
				]}
				q={query.q}
				perPage={perPage}
				perPageLabel={t('filters.peoplePerPage')}
				pageSizes={MATRIX_PAGE_SIZES}
				clearHref={search ? base : null}
			/>

			<Section id="matrix-heading" title={t('compliance.people')}>
				<p role="status" className="mt-2 text-stone-700">
					{columns.length === 0
						? t('compliance.noCourses')
						: total === 0
							? t('compliance.noMatch')
							: rows.length === 0
								? t('compliance.noneOnPage', { total })
								: t('compliance.showing', { from: first, to: first + rows.length - 1, count: total })}
				</p>
				{rows.length && columns.length ? (
					<div
						className="relative mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white"
						tabIndex={0}
						role="region"
						aria-label={t('compliance.matrixLabel', { organisation: organisation.name })}
					>
						<table className="w-full text-left text-sm" style={{ minWidth: `${16 + columns.length * 12}rem` }}>
							<caption className="sr-only">
								{t('compliance.matrixCaption', { organisation: organisation.name, date: asOf })}
							</caption>
							<thead className="bg-stone-50 text-stone-700">
								<tr>
									<th scope="col" className="px-3 py-3 font-semibold">
										{t('compliance.person')}
									</th>
									{columns.map((c) => (
										<th key={c.id} scope="col" className="px-3 py-3 font-semibold">
											{c.title}
										</th>
									))}
								</tr>
							</thead>
							<tbody className={DENSE_BODY_CLASSES}>
								{rows.map((r) => (
									<tr key={r.userId} dangerouslySetInnerHTML={{ __html: rowHtml(r, labels) }} />
								))}
							</tbody>
						</table>
					</div>
				) : null}
				<Pagination page={page} pageCount={pageCount} label={t('compliance.pages')} />
			</Section>

			{teams.length ? (
				<Section
					id="teams-heading"
					title={t('compliance.byTeam')}
					intro={
						<p>
							{query.course ? t('compliance.byTeamIntroCourse') : t('compliance.byTeamIntro')}
							{query.team ? (
								<>
									{' '}
									<a
										href={withFilters({
											team: teamOptions.some((t) => t.id === teams[0]?.parentId)
												? (teams[0]?.parentId ?? undefined)
												: undefined,
										})}
										className={linkClasses}
									>
										{t('compliance.upOneLevel')}
									</a>
								</>
							) : null}
						</p>
					}
				>
					<div
						className="relative mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white"
						tabIndex={0}
						role="region"
						aria-label={t('compliance.byTeamLabel')}
					>
						<table className="w-full text-left text-sm" style={{ minWidth: '56rem' }}>
							<caption className="sr-only">{t('compliance.byTeamCaption', { date: asOf })}</caption>
							<thead className="bg-stone-50 text-stone-700">
								<tr>
									<th scope="col" className="px-3 py-3 font-semibold">
										{t('compliance.team')}
									</th>
									<th scope="col" className="px-3 py-3 font-semibold">
										{t('compliance.people')}
									</th>
									<th scope="col" className="px-3 py-3 font-semibold">
										{t('compliance.peopleOutOfDate')}
									</th>
									{COMPLIANCE_STATUSES.map((s) => (
										<th key={s} scope="col" className="px-3 py-3 font-semibold">
											{t(`compliance.statuses.${s}`)}
										</th>
									))}
								</tr>
							</thead>
							<tbody className={DENSE_BODY_CLASSES}>
								{teams.map((t) => (
									<tr key={t.id}>
										<th
											scope="row"
											className={cx(denseTdClasses, 'font-normal')}
											style={{ paddingLeft: `${0.75 + t.depth * 1.25}rem` }}
										>
											{/* A plain link: 50 teams' <Link>s cost a millisecond of rendering a view. */}
											<a href={withFilters({ team: t.id })} className={linkClasses}>
												{t.name}
											</a>
										</th>
										<td>{t.people}</td>
										<td className={t.outOfDatePeople > 0 ? 'font-semibold text-red-800' : undefined}>
											{t.outOfDatePeople}
										</td>
										{t.counts.map((n, i) => (
											<td key={i}>{n}</td>
										))}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</Section>
			) : null}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
