import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CompletionsChart } from '#app/components/org/completions-chart.tsx'
import { ReportFilters } from '#app/components/org/report-filters.tsx'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import {
	DataTable,
	linkClasses,
	PageHeading,
	Section,
	StatusBadge,
	denseTdClasses,
} from '#app/components/org/org-ui.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { formatShortDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listSeatPools } from '#modules/organisations/create-organisation.ts'
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '#modules/organisations/report-status.ts'
import { readReportFilters, REPORT_PAGE_SIZES } from '#modules/organisations/report-filters.ts'
import { getTeamReportPage } from '#modules/organisations/team-report.ts'
import type { Route } from './+types/org.$slug.report'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Team report | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		`Progress of ${data?.organisation.name ?? 'your organisation'}’s staff on every course: who has started, how far they have got, completions and certificates.`,
		NOINDEX,
	)

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const pools = await listSeatPools({ organisationId })
	const { filters, page, perPage, query } = readReportFilters(new URL(request.url).searchParams, pools)
	const report = await getTeamReportPage({
		organisationId,
		filters,
		limit: perPage,
		offset: (page - 1) * perPage,
	})
	return {
		organisation: access.organisation,
		courses: pools.map((p) => ({ id: p.courseId, slug: p.courseSlug, title: p.courseTitle })),
		query,
		page,
		perPage,
		pageCount: Math.max(1, Math.ceil(report.total / perPage)),
		total: report.total,
		rows: report.rows.map((r) => ({
			key: r.key,
			courseTitle: r.courseTitle,
			name: r.name,
			email: r.email,
			status: r.status,
			invitedAt: r.invitedAt?.toISOString() ?? null,
			startedAt: r.startedAt?.toISOString() ?? null,
			progressPercent: r.kind === 'seat' ? r.progressPercent : null,
			completedAt: r.completedAt?.toISOString() ?? null,
			certificateCode: r.certificateCode,
			lastActiveAt: r.lastActiveAt?.toISOString() ?? null,
		})),
		weeks: report.weeks,
	}
}

const dateOrDash = (value: string | null) => (value ? formatShortDate(value) : '—')

export default function TeamReportRoute({ loaderData }: Route.ComponentProps) {
	const { organisation, courses, query, page, perPage, pageCount, total, rows, weeks } = loaderData
	const base = `/org/${organisation.slug}`
	const filterSearch = new URLSearchParams(
		Object.entries({ course: query.course, status: query.status, q: query.q }).filter(([, v]) => v) as Array<
			[string, string]
		>,
	).toString()
	const first = (page - 1) * perPage + 1
	return (
		// Wide: nine columns fit a 1280 px screen without scrolling.
		<Container width="wide" className="py-10">
			<PageHeading
				title="Team report"
				intro={
					<p>Who has been invited, who has started, how far they have got and who has finished, for every course.</p>
				}
			>
				{/* A plain link: the CSV is a file download, not a page. */}
				<a
					href={`${base}/report.csv${filterSearch ? `?${filterSearch}` : ''}`}
					className={buttonClasses({ variant: 'secondary' })}
					download
				>
					Download CSV{filterSearch ? ' (these filters)' : ''}
				</a>
			</PageHeading>

			<ReportFilters
				idPrefix="report"
				label="Filter the team report"
				choices={[
					{
						name: 'course',
						label: 'Course',
						value: query.course,
						anyLabel: 'All courses',
						options: courses.map((c) => ({ value: c.slug, label: c.title })),
					},
					{
						name: 'status',
						label: 'Status',
						value: query.status,
						anyLabel: 'Any status',
						options: REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] })),
					},
				]}
				q={query.q}
				perPage={perPage}
				perPageLabel="Rows per page"
				pageSizes={REPORT_PAGE_SIZES}
				clearHref={filterSearch ? `${base}/report` : null}
			/>

			<Section id="people-heading" title="People">
				<p role="status" className="mt-2 text-stone-700">
					{total === 0
						? 'Nobody matches these filters.'
						: rows.length === 0
							? `There are ${total} people, but none on this page.`
							: `Showing ${first}–${first + rows.length - 1} of ${total}.`}
				</p>
				{rows.length ? (
					<DataTable
						caption={`Team report for ${organisation.name}`}
						columns={[
							'Person',
							'Course',
							'Status',
							'Invited',
							'Started',
							'Progress',
							'Completed',
							'Certificate',
							'Last active',
						]}
						minWidth="64rem"
						dense
					>
						{rows.map((r) => (
							<tr key={r.key}>
								<td className={denseTdClasses}>
									<span className="block font-semibold text-stone-900">{r.name ?? r.email}</span>
									{r.name ? <span className="block break-all text-stone-600">{r.email}</span> : null}
								</td>
								<td className={denseTdClasses}>{r.courseTitle}</td>
								<td className={`${denseTdClasses} whitespace-nowrap`}>
									<StatusBadge status={r.status} />
								</td>
								<td className={`${denseTdClasses} whitespace-nowrap`}>{dateOrDash(r.invitedAt)}</td>
								<td className={`${denseTdClasses} whitespace-nowrap`}>{dateOrDash(r.startedAt)}</td>
								<td className={`${denseTdClasses} whitespace-nowrap`}>
									{r.progressPercent === null ? '—' : `${r.progressPercent}%`}
								</td>
								<td className={`${denseTdClasses} whitespace-nowrap`}>{dateOrDash(r.completedAt)}</td>
								{/* Codes wrap at their hyphens rather than widen the table. */}
								<td className={denseTdClasses}>
									{r.certificateCode ? (
										<Link to={`/verify/${r.certificateCode}`} className={linkClasses}>
											{r.certificateCode}
										</Link>
									) : (
										'—'
									)}
								</td>
								<td className={`${denseTdClasses} whitespace-nowrap`}>{dateOrDash(r.lastActiveAt)}</td>
							</tr>
						))}
					</DataTable>
				) : null}
				<Pagination page={page} pageCount={pageCount} label="Pages of the report" />
			</Section>

			<Section id="chart-heading" title="Completions over time">
				<CompletionsChart weeks={weeks} />
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
