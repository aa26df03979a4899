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
