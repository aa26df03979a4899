import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { renderRecordPdf } from '#modules/reflective-records/export.ts'
import type { Route } from './+types/records.$id[.]pdf'

/** One of the signed-in learner's records as a PDF laid out like its regulator's form. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const { filename, content } = await withDomainErrors(() => renderRecordPdf({ userId: user.id, recordId: params.id }))
	return new Response(new Uint8Array(content), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Content-Length': String(content.length),
			'Cache-Control': 'private, no-store',
		},
	})
}
