import { isDomainError } from '#modules/errors/domain-error.ts'
import { verifyCertificate } from '#modules/certificates/verify-certificate.ts'
import type { Route } from './+types/verify.$code[.]json'

// Fresh on every request, so that a revocation shows at once; public data, so any site may read it.
const HEADERS = {
	'Cache-Control': 'no-store',
	'X-Robots-Tag': 'noindex',
	'Access-Control-Allow-Origin': '*',
}

/**
 * The verification page as JSON, for HR and credentialing systems:
 * `{ code, status: 'valid' | 'expired' | 'revoked' | 'not_found', learnerName, courseTitle,
 * versionNumber, cpdHours, completedOn, issuedAt, issuedOn, validUntil, revokedAt, revokedOn,
 * revokedReason, outcomes }` (dates as ISO UK calendar days; validUntil null when it never expires). Unknown codes answer 404
 * with the same shape (the details null); throttled look-ups answer 429 with a message.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	try {
		const result = await verifyCertificate({ code: params.code, ipAddress: context.clientIp, now: new Date() })
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
