import { requireUser } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { getProgrammeCertificatePdf } from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/programme-certificates.$code[.]pdf'

/**
 * Downloads a programme certificate's PDF, rendered afresh from its row: for the learner it was
 * issued to and platform admins (403 for anyone else, 404 for an unknown number).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	try {
		const { filename, content } = await getProgrammeCertificatePdf({ code: params.code, viewer: user })
		return new Response(new Uint8Array(content), {
			headers: {
				'Content-Type': 'application/pdf',
				'Content-Disposition': `attachment; filename="${filename}"`,
				'Content-Length': String(content.length),
				'Cache-Control': 'private, no-store',
			},
		})
	} catch (error) {
		return problemJson(error)
	}
}
