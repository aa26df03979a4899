import { requireUser } from '#app/utils/auth.server.ts'
import { exportCpdCsv } from '#modules/portfolio/export-cpd-csv.ts'
import { parseExportFormat, parseExportPeriod } from '#modules/portfolio/export-formats.ts'
import type { Route } from './+types/cpd.export[.]csv'

/**
 * The signed-in learner's portfolio as CSV: `?format=nmc|hcpc|swe|teacher` (default: their
 * regulator's) and `?period=all|cycle`.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const params = new URL(request.url).searchParams
	const { filename, content } = await exportCpdCsv({
		userId: user.id,
		format: parseExportFormat(params.get('format')),
		period: parseExportPeriod(params.get('period')),
	})
	return new Response(content, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
