import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { toWebStream } from '#modules/streams/web-stream.ts'
import { createPassportZip } from '#modules/passport/passport-zip.ts'
import type { Route } from './+types/cpd.passport[.]zip'

/**
 * The signed-in learner's CPD passport, streamed as one ZIP: passport.json, every certificate and
 * the regulator-format PDFs. Only ever their own record (the user comes from the session alone).
 */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	// Too many downloads in an hour: 429 with Retry-After, before any PDF is drawn.
	const { filename, stream } = await withDomainErrors(() => createPassportZip({ userId: user.id, now: new Date() }))
	return new Response(toWebStream(stream), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
