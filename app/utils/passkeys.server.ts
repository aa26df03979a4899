import { z } from 'zod'
import { readJsonBody } from './json-response.server.ts'

// HTTP glue shared by the passkey endpoints (sign-in on /login, the second factor on /login/verify,
// registration on /account/security/passkeys). The browser talks to them with fetch and JSON, as
// the WebAuthn ceremony runs in page script between two requests.

const NO_STORE = { 'Cache-Control': 'private, no-store' }

/** The body of every passkey endpoint: ask for options, or send the authenticator's answer back. */
export const PasskeyRequestSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('options'), password: z.string().max(1000).optional() }),
	z.object({ intent: z.literal('verify'), response: z.unknown(), redirectTo: z.string().max(2000).optional() }),
])

export type PasskeyRequest = z.infer<typeof PasskeyRequestSchema>

/**
 * Reads a passkey endpoint's JSON body, or returns the 400 to answer when it is not one (not JSON,
 * too big, an unknown intent): never a 500 for what a client sent.
 */
export async function readPasskeyRequest(
	request: Request,
): Promise<{ ok: true; body: PasskeyRequest } | { ok: false; response: Response }> {
	if (request.method !== 'POST') {
		return {
			ok: false,
			response: Response.json(
				{ code: 'METHOD_NOT_ALLOWED', message: 'Use POST.' },
				{ status: 405, headers: { Allow: 'POST' } },
			),
		}
	}
	const parsed = PasskeyRequestSchema.safeParse(await readJsonBody(request))
	if (!parsed.success) {
		return {
			ok: false,
			response: Response.json(
				{ code: 'BAD_REQUEST', message: 'That request was not understood. Please reload the page and try again.' },
				{ status: 400, headers: NO_STORE },
			),
		}
	}
	return { ok: true, body: parsed.data }
}

/** A JSON answer from a passkey endpoint, never cached. */
export function passkeyJson(body: object, init: { headers?: HeadersInit } = {}) {
	const headers = new Headers(init.headers)
	headers.set('Cache-Control', NO_STORE['Cache-Control'])
	return Response.json(body, { headers })
}

/**
 * A sign-in's redirect (from redirectAfterSignIn or redirectWithSession) as the JSON a fetch-based
 * flow reads: the same cookies, and `{ ok: true, redirectTo }` for the page to go on to. `extraCookies`
 * are added (e.g. clearing the second-factor challenge cookie).
 */
export function redirectAsJson(redirect: Response, extraCookies: string[] = []) {
	const headers = new Headers()
	for (const cookie of [...redirect.headers.getSetCookie(), ...extraCookies]) headers.append('Set-Cookie', cookie)
	return passkeyJson({ ok: true, redirectTo: redirect.headers.get('Location') ?? '/' }, { headers })
}
