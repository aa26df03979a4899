import { XAPI_VERSION } from './vocabulary.ts'

export type LrsCredentials = { endpoint: string; key: string; secret: string }

export type LrsResponse = { status: number; body: string }

/** How long Circle waits for an LRS before counting the attempt as failed. */
export const LRS_TIMEOUT_MS = 10_000

/**
 * One request to an LRS's xAPI resources, with Basic auth and X-Experience-API-Version: 1.0.3. Throws
 * only when no answer came (unreachable, refused, timed out), with a message that never contains the
 * secret; any HTTP answer is returned for the caller to judge.
 */
export async function lrsRequest(
	credentials: LrsCredentials,
	{ method, path, body }: { method: 'GET' | 'PUT' | 'POST'; path: string; body?: unknown },
): Promise<LrsResponse> {
	const url = new URL(path, credentials.endpoint)
	const headers: Record<string, string> = {
		'X-Experience-API-Version': XAPI_VERSION,
		Authorization: `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`,
		Accept: 'application/json',
	}
	if (body !== undefined) headers['Content-Type'] = 'application/json'
	try {
		const response = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(LRS_TIMEOUT_MS),
			redirect: 'manual',
		})
		return { status: response.status, body: (await response.text()).slice(0, 2000) }
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause?.code
		const reason =
			error instanceof Error && error.name === 'TimeoutError'
				? `no answer within ${LRS_TIMEOUT_MS / 1000} seconds`
				: (cause ?? (error instanceof Error ? error.message : String(error)))
		throw new Error(`Could not reach the LRS at ${url.host}: ${reason}`.replaceAll(credentials.secret, '***'))
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
