import { requireUser } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { pdfDownload } from '#app/utils/pdf-response.server.ts'
import { getCertificatePdf } from '#modules/certificates/get-certificate-pdf.ts'
import type { Route } from './+types/certificates.$code[.]pdf'

/**
 * Downloads a certificate's PDF, rendered afresh from its row: for the learner it was issued to and
 * for platform admins (403 for anyone else, 404 for an unknown number; visitors are sent to log in).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	try {
		return pdfDownload(await getCertificatePdf({ code: params.code, viewer: user }))
	} catch (error) {
		return problemJson(error)
	}
}
