import { requireUser } from '#app/utils/auth.server.ts'
import { exportRecordsJson } from '#modules/reflective-records/export.ts'
import type { Route } from './+types/records.export[.]json'

/** Every one of the signed-in learner's reflective records as JSON, with partners' confirmations. */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const { filename, content } = await exportRecordsJson({ userId: user.id })
	return new Response(content, {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
