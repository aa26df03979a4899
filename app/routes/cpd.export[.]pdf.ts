import { requireUser } from '#app/utils/auth.server.ts'
import { exportCpdPdf } from '#modules/portfolio/export-cpd-pdf.ts'
import { parseExportFormat, parseExportPeriod } from '#modules/portfolio/export-formats.ts'
import type { Route } from './+types/cpd.export[.]pdf'

/**
 * The signed-in learner's portfolio as a PDF laid out for a regulator: `?format=nmc|hcpc|swe|teacher`
 * (default: their regulator's) and `?period=all|cycle`.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const params = new URL(request.url).searchParams
	const { filename, content } = await exportCpdPdf({
		userId: user.id,
		format: parseExportFormat(params.get('format')),
		period: parseExportPeriod(params.get('period')),
	})
	return new Response(new Uint8Array(content), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Content-Length': String(content.length),
			'Cache-Control': 'private, no-store',
		},
	})
}
