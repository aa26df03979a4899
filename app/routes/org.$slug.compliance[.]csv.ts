import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { streamMatrixCsv } from '#modules/compliance/export.ts'
import { readMatrixFilters } from '#modules/compliance/matrix-filters.ts'
import { getMatrixFrame } from '#modules/compliance/matrix.ts'
import { ukToday } from '#modules/compliance/status.ts'
import { readDb } from '#modules/db/replica.ts'
import type { Route } from './+types/org.$slug.compliance[.]csv'

/**
 * The compliance matrix as a CSV of requirements (one line per person and course), with the page's
 * filters and the actor's scope. It streams: people are read in batches as the client downloads.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const now = new Date()
	const db = await readDb(request)
	const frame = await getMatrixFrame({ organisationId, scope: access.scope, now, db })
	const { filters } = readMatrixFilters(new URL(request.url).searchParams, frame)
	const filename = `${access.organisation.slug}-compliance-${ukToday(now)}.csv`
	return new Response(streamMatrixCsv({ organisationId, scope: access.scope, filters, frame, db }), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
