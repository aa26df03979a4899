import { withDomainErrors } from '#app/utils/errors.server.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { readAuditQuery, streamAuditCsv } from '#modules/audit/read.ts'
import { readDb } from '#modules/db/replica.ts'
import type { Route } from './+types/org.$slug.audit[.]csv'

/** The organisation's audit log with the page's filters, as a streamed CSV download. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const { filters } = readAuditQuery(new URL(request.url).searchParams)
	const db = await readDb(request)
	const stream = await withDomainErrors(() =>
		streamAuditCsv({ actorId: access.actorId, organisationId: access.organisation.id, filters, db }),
	)
	const today = new Date().toISOString().slice(0, 10)
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${access.organisation.slug}-audit-log-${today}.csv"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
