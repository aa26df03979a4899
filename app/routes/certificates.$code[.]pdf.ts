import { requireUser } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { getCertificatePdf } from '#modules/certificates/get-certificate-pdf.ts'
import type { Route } from './+types/certificates.$code[.]pdf'

/**
 * Downloads a certificate's PDF, rendered afresh from its row: for the learner it was issued to and
 * for platform admins (403 for anyone else, 404 for an unknown number; visitors are sent to log in).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	try {
		const { filename, content } = await getCertificatePdf({ code: params.code, viewer: user })
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
