import { requireUser } from '#app/utils/auth.server.ts'
import { exportRecordsCsv } from '#modules/reflective-records/export.ts'
import type { Route } from './+types/records.export[.]csv'

/** Every one of the signed-in learner's reflective records as CSV, one row per answered question. */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const { filename, content } = await exportRecordsCsv({ userId: user.id })
	return new Response(content, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
