import { requireUser } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { pdfDownload } from '#app/utils/pdf-response.server.ts'
import { getProgrammeCertificatePdf } from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/programme-certificates.$code[.]pdf'

/**
 * Downloads a programme certificate's PDF, rendered afresh from its row: for the learner it was
 * issued to and platform admins (403 for anyone else, 404 for an unknown number).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	try {
		return pdfDownload(await getProgrammeCertificatePdf({ code: params.code, viewer: user }))
	} catch (error) {
		return problemJson(error)
	}
}
