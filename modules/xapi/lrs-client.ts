import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { getEnv } from '#modules/env/env.ts'
import {
	INTERNAL_ADDRESS_CODE,
	INTERNAL_ADDRESS_REASON,
	isInternalHostname,
	publicOnlyLookup,
} from '#modules/security/internal-address.ts'
import { XAPI_VERSION } from './vocabulary.ts'

export type LrsCredentials = { endpoint: string; key: string; secret: string }

export type LrsResponse = { status: number; body: string }

/** How long Circle waits for an LRS before counting the attempt as failed. */
export const LRS_TIMEOUT_MS = 10_000

/** The most of an LRS's answer Circle reads: enough for a status and a short message. */
const MAX_BODY_BYTES = 64 * 1024

/**
 * One request to an LRS's xAPI resources, with Basic auth and X-Experience-API-Version: 1.0.3. Throws
 * only when no answer came (unreachable, refused, timed out, or an internal address), with a message
 * that never contains the secret; any HTTP answer is returned for the caller to judge. Redirects are
 * not followed.
 *
 * In production (`refuseInternal`) nothing is sent inside Circle's own network: the address is
 * checked as written (a saved LRS may predate a stricter rule) and as resolved, at connection time.
 */
export async function lrsRequest(
	credentials: LrsCredentials,
	{ method, path, body }: { method: 'GET' | 'PUT' | 'POST'; path: string; body?: unknown },
	{ refuseInternal = getEnv().NODE_ENV === 'production' }: { refuseInternal?: boolean } = {},
): Promise<LrsResponse> {
	const url = new URL(path, credentials.endpoint)
	const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
	const headers: Record<string, string> = {
		'X-Experience-API-Version': XAPI_VERSION,
		Authorization: `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`,
		Accept: 'application/json',
	}
	if (payload) {
		headers['Content-Type'] = 'application/json'
		headers['Content-Length'] = String(payload.byteLength)
	}
	const unreachable = (reason: string) =>
		new Error(`Could not reach the LRS at ${url.host}: ${reason}`.replaceAll(credentials.secret, '***'))
	if (refuseInternal && isInternalHostname(url.hostname)) throw unreachable(INTERNAL_ADDRESS_REASON)
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest
	try {
		return await new Promise<LrsResponse>((resolve, reject) => {
			const request = send(
				url,
				{
					method,
					headers,
					signal: AbortSignal.timeout(LRS_TIMEOUT_MS),
					...(refuseInternal ? { lookup: publicOnlyLookup } : {}),
				},
				(response) => {
					const chunks: Buffer[] = []
					let size = 0
					response.on('data', (chunk: Buffer) => {
						if (size >= MAX_BODY_BYTES) return
						chunks.push(chunk)
						size += chunk.byteLength
					})
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							body: Buffer.concat(chunks).toString('utf8').slice(0, 2000),
						}),
					)
					response.on('error', reject)
				},
			)
			request.on('error', reject)
			request.end(payload)
		})
	} catch (error) {
		const { code, name, cause } = error as { code?: string; name?: string; cause?: { name?: string } }
		const reason =
			name === 'TimeoutError' || cause?.name === 'TimeoutError'
				? `no answer within ${LRS_TIMEOUT_MS / 1000} seconds`
				: code === INTERNAL_ADDRESS_CODE
					? INTERNAL_ADDRESS_REASON
					: (code ?? (error instanceof Error ? error.message : String(error)))
		throw unreachable(reason)
	}
}

/** A short, secret-free description of an LRS answer for the settings page. */
export function describeResponse(response: LrsResponse, secret: string) {
	const text = response.body.replace(/\s+/g, ' ').trim().slice(0, 200)
	return `The LRS answered ${response.status}${text ? `: ${text}` : ''}`.replaceAll(secret, '***')
}

/** The answers that mean the LRS has the statement: 200 (POST), 204 (PUT), 409 (it already had this id). */
export function isAccepted(status: number) {
	return status === 200 || status === 204 || status === 409
}

/** Answers that a retry of the very same request cannot change: the statement itself was refused. */
export function isPermanentRefusal(status: number) {
	return status === 400 || status === 413
}
