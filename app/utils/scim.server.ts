import { scimProblem, SCIM_CONTENT_TYPE } from '#app/utils/errors.server.ts'
import { ScimError } from '#modules/scim/errors.ts'
import { ERROR_SCHEMA } from '#modules/scim/schemas.ts'
import { authenticateScimToken, type ScimClient } from '#modules/scim/tokens.ts'
import { assertNotThrottled, consumeThrottle } from '#modules/security/throttle.ts'
import type { RequestOrigin } from '#modules/audit/record.ts'

// HTTP glue for /scim/v2/*: the bearer token, the body, the media type and the RFC's error format.
// The routes stay one call each; modules/scim does the work, scoped to the token's organisation.

/** SCIM bodies are small JSON documents (one user); anything bigger is refused before it is parsed. */
export const MAX_SCIM_BODY_BYTES = 64_000

export type ScimRequest = {
	client: ScimClient
	origin: RequestOrigin
	now: Date
	/** Where this service is reached, for meta.location (e.g. https://circle.example/…). */
	baseUrl: string
	/** The parsed JSON body: undefined when empty; a SCIM invalidSyntax error when it is not JSON. */
	body: unknown
}

/** A SCIM JSON response (application/scim+json, never cached). */
export function scimJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
	return new Response(JSON.stringify(body), {
		status: init.status ?? 200,
		headers: { 'Content-Type': SCIM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...init.headers },
	})
}

function tooLarge() {
	return scimJson(
		{ schemas: [ERROR_SCHEMA], status: '413', detail: `The request body is larger than ${MAX_SCIM_BODY_BYTES} bytes.` },
		{ status: 413 },
	)
}

/** Where the service is reached from, for discovery documents (no token needed). */
export function scimBaseUrl(request: Request) {
	return new URL(request.url).origin
}

/**
 * Runs one SCIM request: checks the bearer token (a wrong one counts against the caller's IP
 * address), counts it against the token's throttle, reads a JSON body of at most
 * MAX_SCIM_BODY_BYTES, and answers every domain error in the RFC 7644 error format.
 */
export async function handleScim(
	request: Request,
	context: { clientIp: string },
	run: (scim: ScimRequest) => Promise<Response>,
): Promise<Response> {
	try {
		const now = new Date()
		const ip = context.clientIp
		await assertNotThrottled('scimBadTokenPerIp', ip)
		const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '')?.[1] ?? ''
		let client: ScimClient
		try {
			client = await authenticateScimToken({ token, now })
		} catch (error) {
			await consumeThrottle('scimBadTokenPerIp', ip)
			throw error
		}
		await consumeThrottle('scimPerToken', client.tokenId)
		let body: unknown = undefined
		if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'DELETE') {
			if (Number(request.headers.get('Content-Length') ?? 0) > MAX_SCIM_BODY_BYTES) return tooLarge()
			const text = await request.text()
			if (text.length > MAX_SCIM_BODY_BYTES) return tooLarge()
			if (text.trim()) {
				try {
					body = JSON.parse(text) as unknown
				} catch {
					throw new ScimError('invalid', 'SCIM_INVALID_SYNTAX', 'The request body is not valid JSON.')
				}
			}
		}
		return await run({
			client,
			origin: { ipAddress: ip, userAgent: request.headers.get('User-Agent') },
			now,
			baseUrl: scimBaseUrl(request),
			body,
		})
	} catch (error) {
		return scimProblem(error)
	}
}

/** 405 in the RFC's error format, for a method an endpoint does not answer. */
export function scimMethodNotAllowed(allow: string) {
	return scimJson(
		{ schemas: [ERROR_SCHEMA], status: '405', detail: `This endpoint answers ${allow} only.` },
		{ status: 405, headers: { Allow: allow } },
	)
}
