import { verificationJson } from '#app/utils/verify.server.ts'
import { verifyCertificate } from '#modules/certificates/verify-certificate.ts'
import type { Route } from './+types/verify.$code[.]json'

/**
 * The verification page as JSON, for HR and credentialing systems:
 * `{ code, status: 'valid' | 'expired' | 'revoked' | 'not_found', learnerName, courseTitle,
 * versionNumber, cpdHours, completedOn, issuedAt, issuedOn, validUntil, revokedAt, revokedOn,
 * revokedReason, outcomes }` (dates as ISO UK calendar days; validUntil null when it never expires). Unknown codes answer 404
 * with the same shape (the details null); throttled look-ups answer 429 with a message.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	return verificationJson(() => verifyCertificate({ code: params.code, ipAddress: context.clientIp, now: new Date() }))
}
