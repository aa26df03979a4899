import { isDomainError } from '#modules/errors/domain-error.ts'
import { verifyProgrammeCertificate } from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/verify.programmes.$code[.]json'

// Fresh on every request, so that a revocation shows at once; public data, so any site may read it.
const HEADERS = {
	'Cache-Control': 'no-store',
	'X-Robots-Tag': 'noindex',
	'Access-Control-Allow-Origin': '*',
}

/**
 * The programme verification page as JSON: `{ code, status: 'valid' | 'revoked' | 'not_found',
 * learnerName, programmeTitle, cpdHours, completedOn, issuedAt, revokedAt, courses: [{ title,
 * versionNumber, cpdHours, completedOn, code }] }`. Unknown codes answer 404 with the same shape;
 * throttled look-ups answer 429 with a message.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	try {
		const result = await verifyProgrammeCertificate({ code: params.code, ipAddress: context.clientIp })
		return Response.json(result, { status: result.status === 'not_found' ? 404 : 200, headers: HEADERS })
	} catch (error) {
		if (isDomainError(error) && error.kind === 'throttled') {
			return Response.json(
				{ error: 'too_many_requests', message: error.message },
				{ status: 429, headers: { ...HEADERS, 'Retry-After': String(error.retryAfterSeconds ?? 60) } },
			)
		}
		throw error
	}
}
