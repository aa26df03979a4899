import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { streamMatrixXlsx } from '#modules/compliance/export.ts'
import { readMatrixFilters } from '#modules/compliance/matrix-filters.ts'
import { getMatrixFrame } from '#modules/compliance/matrix.ts'
import { ukToday } from '#modules/compliance/status.ts'
import { readDb } from '#modules/db/replica.ts'
import type { Route } from './+types/org.$slug.compliance[.]xlsx'

/**
 * The compliance matrix as a spreadsheet (Summary, Matrix and Requirements sheets), with the page's
 * filters and the actor's scope, streamed as it is written.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const now = new Date()
	const db = await readDb(request)
	const frame = await getMatrixFrame({ organisationId, scope: access.scope, now, db })
	const { filters } = readMatrixFilters(new URL(request.url).searchParams, frame)
	const filename = `${access.organisation.slug}-compliance-${ukToday(now)}.xlsx`
	const body = streamMatrixXlsx({
		organisationId,
		organisationName: access.organisation.name,
		scope: access.scope,
		filters,
		frame,
		now,
		db,
	})
	return new Response(body, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
