import { useTranslation } from 'react-i18next'
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
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { readDb } from '#modules/db/replica.ts'
import { listSeatPools } from '#modules/organisations/create-organisation.ts'
import { REPORT_STATUSES } from '#modules/organisations/report-status.ts'
import { readReportFilters, REPORT_PAGE_SIZES } from '#modules/organisations/report-filters.ts'
import { getTeamReportPage } from '#modules/organisations/team-report.ts'
import type { Route } from './+types/org.$slug.report'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('report.meta.title', { ns: 'org', organisation }),
		t('report.meta.description', { ns: 'org', organisation }),
		NOINDEX,
	)
}

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
		db: await readDb(request),
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

const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 }

export default function TeamReportRoute({ loaderData }: Route.ComponentProps) {
	const { organisation, courses, query, page, perPage, pageCount, total, rows, weeks } = loaderData
	const { t } = useTranslation('org')
	const format = useFormat()
	const dateOrDash = (value: string | null) => (value ? format.shortDate(value) : '—')
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
			<PageHeading title={t('report.title')} intro={<p>{t('report.intro')}</p>}>
				{/* A plain link: the CSV is a file download, not a page. */}
				<a
					href={`${base}/report.csv${filterSearch ? `?${filterSearch}` : ''}`}
					className={buttonClasses({ variant: 'secondary' })}
					download
				>
					{filterSearch ? t('compliance.csvFiltered') : t('compliance.csv')}
				</a>
			</PageHeading>

			<ReportFilters
				idPrefix="report"
				label={t('report.filterLabel')}
				choices={[
					{
						name: 'course',
						label: t('filters.course'),
						value: query.course,
						anyLabel: t('filters.allCourses'),
						options: courses.map((c) => ({ value: c.slug, label: c.title })),
					},
					{
						name: 'status',
						label: t('filters.status'),
						value: query.status,
						anyLabel: t('filters.anyStatus'),
						options: REPORT_STATUSES.map((s) => ({ value: s, label: t(`reportStatuses.${s}`) })),
					},
				]}
				q={query.q}
				perPage={perPage}
				perPageLabel={t('report.rowsPerPage')}
				pageSizes={REPORT_PAGE_SIZES}
				clearHref={filterSearch ? `${base}/report` : null}
			/>

			<Section id="people-heading" title={t('compliance.people')}>
				<p role="status" className="mt-2 text-stone-700">
					{total === 0
						? t('compliance.noMatch')
						: rows.length === 0
							? t('compliance.noneOnPage', { total })
							: t('report.showing', { from: first, to: first + rows.length - 1, total })}
				</p>
				{rows.length ? (
					<DataTable
						caption={t('report.caption', { organisation: organisation.name })}
						columns={[
							t('report.columns.person'),
							t('report.columns.course'),
							t('report.columns.status'),
							t('report.columns.invited'),
							t('report.columns.started'),
							t('report.columns.progress'),
							t('report.columns.completed'),
							t('report.columns.certificate'),
							t('report.columns.lastActive'),
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
									{r.progressPercent === null ? '—' : format.number(r.progressPercent / 100, PERCENT)}
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
				<Pagination page={page} pageCount={pageCount} label={t('report.pages')} />
			</Section>

			<Section id="chart-heading" title={t('report.chart')}>
				<CompletionsChart weeks={weeks} />
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
