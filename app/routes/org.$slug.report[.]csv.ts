import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { readDb } from '#modules/db/replica.ts'
import { listSeatPools } from '#modules/organisations/create-organisation.ts'
import { readReportFilters } from '#modules/organisations/report-filters.ts'
import { streamTeamReportCsv } from '#modules/organisations/team-report.ts'
import type { Route } from './+types/org.$slug.report[.]csv'

/**
 * The team report as a CSV download, with the page's filters. It streams: rows are read from the
 * database in batches as the client downloads, so memory stays flat however large the team.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const pools = await listSeatPools({ organisationId })
	const { filters } = readReportFilters(new URL(request.url).searchParams, pools)
	const today = new Date().toISOString().slice(0, 10)
	const filename = `${access.organisation.slug}-team-report-${today}.csv`
	const db = await readDb(request)
	return new Response(streamTeamReportCsv({ organisationId, filters, db }), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
