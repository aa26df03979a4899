import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { exportCourseAnalyticsCsv } from '#modules/analytics/analytics-csv.ts'
import { versionFromUrl } from '#modules/analytics/params.ts'
import { readDb } from '#modules/db/replica.ts'
import type { Route } from './+types/studio.courses.$courseId_.analytics[.]csv'

/**
 * A course's analytics as CSV (`?version=N`, default the published version), for the same people
 * as the page. The file is aggregates only (one row per lesson, question and answer), so its size
 * is bounded by the course's structure, not by the number of learners.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const db = await readDb(request)
	const { filename, content } = await withDomainErrors(() =>
		exportCourseAnalyticsCsv({
			actorId: user.id,
			courseId: params.courseId,
			versionNumber: versionFromUrl(request.url),
			db,
		}),
	)
	return new Response(content, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
