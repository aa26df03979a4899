import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CELL_CLASSES, type CellView, rowHtml } from '#app/components/org/matrix-rows.ts'
import { denseTdClasses, linkClasses, PageHeading, Section } from '#app/components/org/org-ui.tsx'
import { ReportFilters } from '#app/components/org/report-filters.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { cellDetail, formatCalendarDay } from '#modules/compliance/cell.ts'
import {
	matrixSearch,
	MATRIX_PAGE_SIZES,
	readMatrixFilters,
	STATUS_FILTER_LABELS,
	statusFilterParam,
	type MatrixStatusFilter,
} from '#modules/compliance/matrix-filters.ts'
import { getComplianceMatrix, getMatrixFrame } from '#modules/compliance/matrix.ts'
import { COMPLIANCE_STATUS_LABELS, COMPLIANCE_STATUSES } from '#modules/compliance/status.ts'
import type { Route } from './+types/org.$slug.compliance'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Compliance | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'Who is in date on each assigned course, who is due soon, and who is overdue or expired and since when.',
		NOINDEX,
	)

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const now = new Date()
	const frame = await getMatrixFrame({ organisationId, scope: access.scope, now })
	const { filters, page, perPage, query } = readMatrixFilters(new URL(request.url).searchParams, frame)
	const matrix = await getComplianceMatrix({
		organisationId,
		scope: access.scope,
		filters,
		now,
		frame,
		limit: perPage,
		offset: (page - 1) * perPage,
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
					cell.cycle > 1 ? `Renewal ${cell.cycle}` : null,
					cell.waitingForSeat ? 'Waiting for a seat' : null,
				]
					.filter(Boolean)
					.join(', ')
				return `${cell.status} ${cellDetail(cell)}${note ? `\n${note}` : ''}`
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
	const base = `/org/${organisation.slug}/compliance`
	const search = matrixSearch(query)
	const withFilters = (changes: Partial<typeof query>) => {
		const next = matrixSearch({ ...query, ...changes })
		return next ? `${base}?${next}` : base
	}
	const statusLink = (status: MatrixStatusFilter) => withFilters({ status: statusFilterParam(status) })
	const first = (page - 1) * perPage + 1
	const asOf = formatCalendarDay(today)
	return (
		<Container width="wide" className="py-10">
			<PageHeading
				title="Compliance"
				intro={
					<p>
						Who is in date on each assigned course as of {asOf}, who is due soon, and who is overdue or expired and
						since when{isManager ? ', for the teams you manage' : ''}.
					</p>
				}
			>
				<div className="flex flex-wrap gap-3">
					{/* Plain links: the exports are file downloads, not pages. */}
					<a
						href={`${base}.csv${search ? `?${search}` : ''}`}
						className={buttonClasses({ variant: 'secondary' })}
						download
					>
						Download CSV{search ? ' (these filters)' : ''}
					</a>
					<a
						href={`${base}.xlsx${search ? `?${search}` : ''}`}
						className={buttonClasses({ variant: 'secondary' })}
						download
					>
						Download spreadsheet{search ? ' (these filters)' : ''}
					</a>
				</div>
			</PageHeading>

			<section aria-labelledby="summary-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-5">
				<h2 id="summary-heading" className="text-xl font-bold text-stone-900">
					Out of date today
				</h2>
				<p className="mt-2 text-stone-800">
					<span className="text-2xl font-bold">{outOfDatePeople}</span> of {people}{' '}
					{people === 1 ? 'person has' : 'people have'} a requirement overdue or expired on {asOf}.{' '}
					{outOfDatePeople > 0 && query.status !== 'out-of-date' ? (
						<Link to={statusLink('OUT_OF_DATE')} className={linkClasses}>
							Show who, and since when
						</Link>
					) : null}
				</p>
				<ul className="mt-4 flex flex-wrap gap-3" aria-label="Requirements by status">
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
								<span className="font-semibold">{COMPLIANCE_STATUS_LABELS[status]}</span>: {counts[status]}
							</Link>
						</li>
					))}
				</ul>
			</section>

			<ReportFilters
				idPrefix="matrix"
				label="Filter the compliance matrix"
				choices={[
					...(teamOptions.length
						? [
								{
									name: 'team',
									label: 'Team',
									value: query.team,
									anyLabel: isManager ? 'All my teams' : 'All teams',
									options: teamOptions.map((t) => ({
										value: t.id,
										label: `${'\u00a0\u00a0'.repeat(t.depth)}${t.name}`,
									})),
								},
							]
						: []),
					{
						name: 'course',
						label: 'Course',
						value: query.course,
						anyLabel: 'All assigned courses',
						options: courses.map((c) => ({ value: c.slug, label: c.title })),
					},
					{
						name: 'status',
						label: 'Status',
						value: query.status,
						anyLabel: 'Any status',
						options: (['OUT_OF_DATE', ...COMPLIANCE_STATUSES] as const).map((s) => ({
							value: statusFilterParam(s),
							label: STATUS_FILTER_LABELS[s],
						})),
					},
				]}
				q={query.q}
				perPage={perPage}
				perPageLabel="People per page"
				pageSizes={MATRIX_PAGE_SIZES}
				clearHref={search ? base : null}
			/>

			<Section id="matrix-heading" title="People">
				<p role="status" className="mt-2 text-stone-700">
					{columns.length === 0
						? 'No course is assigned to anyone here yet.'
						: total === 0
							? 'Nobody matches these filters.'
							: rows.length === 0
								? `There are ${total} people, but none on this page.`
								: `Showing ${first}–${first + rows.length - 1} of ${total} ${total === 1 ? 'person' : 'people'}.`}
				</p>
				{rows.length && columns.length ? (
					<div
						className="relative mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white"
						tabIndex={0}
						role="region"
						aria-label={`Compliance matrix for ${organisation.name}`}
					>
						<table className="w-full text-left text-sm" style={{ minWidth: `${16 + columns.length * 12}rem` }}>
							<caption className="sr-only">
								Compliance matrix for {organisation.name} as of {asOf}: people in rows, assigned courses in columns
							</caption>
							<thead className="bg-stone-50 text-stone-700">
								<tr>
									<th scope="col" className="px-3 py-3 font-semibold">
										Person
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
									<tr key={r.userId} dangerouslySetInnerHTML={{ __html: rowHtml(r) }} />
								))}
							</tbody>
						</table>
					</div>
				) : null}
				<Pagination page={page} pageCount={pageCount} label="Pages of the matrix" />
			</Section>

			{teams.length ? (
				<Section
					id="teams-heading"
					title="By team"
					intro={
						<p>
							Requirements per status in each team, counting the teams beneath it
							{query.course ? ', for the chosen course' : ''}. Choose a team to see the teams beneath it.
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
										Up one level
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
						aria-label="Compliance by team"
					>
						<table className="w-full text-left text-sm" style={{ minWidth: '56rem' }}>
							<caption className="sr-only">Requirements per status in each team as of {asOf}</caption>
							<thead className="bg-stone-50 text-stone-700">
								<tr>
									<th scope="col" className="px-3 py-3 font-semibold">
										Team
									</th>
									<th scope="col" className="px-3 py-3 font-semibold">
										People
									</th>
									<th scope="col" className="px-3 py-3 font-semibold">
										People out of date
									</th>
									{COMPLIANCE_STATUSES.map((s) => (
										<th key={s} scope="col" className="px-3 py-3 font-semibold">
											{COMPLIANCE_STATUS_LABELS[s]}
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
