import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { CustomFetch } from 'openid-client'
import {
	INTERNAL_ADDRESS_CODE,
	INTERNAL_ADDRESS_REASON,
	refusesHostname,
	refusingLookup,
} from '#modules/security/internal-address.ts'

/** The most of an identity provider's answer Circle reads (discovery documents and JWKS are a few KB). */
const MAX_BODY_BYTES = 1024 * 1024

/** Statuses whose Response may have no body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/** How a request failed before any answer, as fetch reports it: a TypeError with the cause. */
function fetchFailed(cause: unknown) {
	return new TypeError('fetch failed', { cause })
}

/** Whether an openid-client failure is the refusal of an internal address (see providerFetch). */
export function isInternalAddressRefusal(error: unknown) {
	return (error as { cause?: { code?: string } } | null)?.cause?.code === INTERNAL_ADDRESS_CODE
}

/**
 * The fetch openid-client uses for every request to an identity provider (discovery, token, JWKS,
 * userinfo): node:http(s) with a DNS lookup that refuses internal addresses (refusingLookup), so the
 * socket only ever connects to an address checked at that moment, and an address written as an
 * internal number or name is refused before any connection. Redirects are never followed (the 3xx is
 * returned, and openid-client refuses it). Only `allowLoopback` (outside a real deployment: the
 * development and test providers on 127.0.0.1) lets this machine through. A refusal is a TypeError
 * like fetch's own, whose cause has the code isInternalAddressRefusal looks for.
 */
export function providerFetch({
	allowLoopback,
	timeoutMs,
}: {
	allowLoopback: boolean
	timeoutMs: number
}): CustomFetch {
	const lookup = refusingLookup({ allowLoopback })
	return async (href, options) => {
		const url = new URL(href)
		if (refusesHostname(url.hostname, { allowLoopback })) {
			const refusal: NodeJS.ErrnoException = new Error(`${url.hostname}: ${INTERNAL_ADDRESS_REASON}`)
			refusal.code = INTERNAL_ADDRESS_CODE
			throw fetchFailed(refusal)
		}
		const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null
		if (!send) throw fetchFailed(new Error(`${url.protocol} is not http or https`))
		// openid-client sends a URLSearchParams (token requests) or nothing; Response reads any body fetch takes.
		const body = options.body == null ? null : Buffer.from(await new Response(options.body as BodyInit).arrayBuffer())
		const headers: Record<string, string> = { ...options.headers }
		if (body) headers['content-length'] = String(body.byteLength)
		const timeout = AbortSignal.timeout(timeoutMs)
		const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
		return new Promise<Response>((resolve, reject) => {
			const request = send(url, { method: options.method, headers, signal, lookup }, (response) => {
				const chunks: Buffer[] = []
				let size = 0
				let ended = false
				response.on('data', (chunk: Buffer) => {
					size += chunk.byteLength
					if (size > MAX_BODY_BYTES) {
						request.destroy(new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`))
						return
					}
					chunks.push(chunk)
				})
				response.on('end', () => {
					ended = true
					const status = response.statusCode ?? 0
					if (status < 200 || status > 599) return reject(fetchFailed(new Error(`status ${status}`)))
					const answer = new Headers()
					for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
						answer.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!)
					}
					resolve(
						new Response(NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(Buffer.concat(chunks)), {
							status,
							statusText: response.statusMessage ?? '',
							headers: answer,
						}),
					)
				})
				response.on('error', (error) => reject(fetchFailed(error)))
				response.on('close', () => {
					if (!ended) reject(fetchFailed(new Error('the connection closed before the answer ended')))
				})
			})
			request.on('error', (error) => reject(fetchFailed(error)))
			request.end(body ?? undefined)
		})
	}
}
