import { verificationJson } from '#app/utils/verify.server.ts'
import { verifyProgrammeCertificate } from '#modules/programmes/programme-certificates.ts'
import type { Route } from './+types/verify.programmes.$code[.]json'

/**
 * The programme verification page as JSON: `{ code, status: 'valid' | 'revoked' | 'not_found',
 * learnerName, programmeTitle, cpdHours, completedOn, issuedAt, revokedAt, courses: [{ title,
 * versionNumber, cpdHours, completedOn, code }] }`. Unknown codes answer 404 with the same shape;
 * throttled look-ups answer 429 with a message.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	return verificationJson(() => verifyProgrammeCertificate({ code: params.code, ipAddress: context.clientIp }))
}
