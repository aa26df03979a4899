import { requireRole } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { readAuditQuery, streamAuditCsv } from '#modules/audit/read.ts'
import type { Route } from './+types/admin.audit[.]csv'

/** The whole audit log with the page's filters as a streamed CSV, for platform admins (checked here and in the module). */
export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { filters } = readAuditQuery(new URL(request.url).searchParams)
	const stream = await withDomainErrors(() => streamAuditCsv({ actorId: admin.id, organisationId: null, filters }))
	const today = new Date().toISOString().slice(0, 10)
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="circle-audit-log-${today}.csv"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
