import { data } from 'react-router'
import { STATUS_FOR_KIND } from '#app/utils/errors.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'

/** Request bodies of the learning endpoints are small JSON documents; anything bigger is refused. */
export const MAX_JSON_BODY_BYTES = 32_000

/**
 * Reads a small JSON body, whatever its Content-Type (beacons are sent as text/plain). Returns
 * undefined for a body that is empty, too big or not JSON, which the module's schema then refuses.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
	const length = Number(request.headers.get('Content-Length') ?? 0)
	if (length > MAX_JSON_BODY_BYTES) return undefined
	const text = await request.text()
	if (!text || text.length > MAX_JSON_BODY_BYTES) return undefined
	try {
		return JSON.parse(text) as unknown
	} catch {
		return undefined
	}
}

/**
 * A DomainError as a JSON reply for the learning endpoints: `{ code, message, field? }` with the
 * kind's status, except that a bad request (`invalid`) is a plain 400 here, since these endpoints
 * are called by Circle's own scripts and there is no form to redisplay. Rethrows anything else.
 */
export function domainErrorJson(error: unknown) {
	if (!isDomainError(error)) throw error
	const status = error.kind === 'invalid' ? 400 : STATUS_FOR_KIND[error.kind]
	return data({ code: error.code, message: error.message, field: error.field ?? null }, { status })
}
