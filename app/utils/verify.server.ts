// The HTTP side of certificate verification, shared by the course and programme pages and their
// JSON twins: read fresh on every request (a revocation must show at once), kept out of search
// engines, unknown codes 404 with the same shape, throttled look-ups 429 with Retry-After.
import { data, type HeadersFunction } from 'react-router'
import { isDomainError } from '#modules/errors/domain-error.ts'

const PAGE_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }
// Public data: any site may read the JSON.
const JSON_HEADERS = { ...PAGE_HEADERS, 'Access-Control-Allow-Origin': '*' }

/** The verify pages' `headers` export: no caching, no indexing, and a throttle's Retry-After. */
export const verifyPageHeaders: HeadersFunction = ({ loaderHeaders, errorHeaders }) => {
	const headers = new Headers(PAGE_HEADERS)
	const retryAfter = errorHeaders?.get('Retry-After') ?? loaderHeaders.get('Retry-After')
	if (retryAfter) headers.set('Retry-After', retryAfter)
	return headers
}

function retryAfter(error: unknown) {
	return isDomainError(error) && error.kind === 'throttled' ? String(error.retryAfterSeconds ?? 60) : null
}

/** A verify page's loader answer for one look-up. */
export async function verificationPage<T extends { status: string }>(lookup: () => Promise<T>) {
	try {
		const result = await lookup()
		return data(result, { status: result.status === 'not_found' ? 404 : 200, headers: PAGE_HEADERS })
	} catch (error) {
		const seconds = retryAfter(error)
		if (seconds) {
			throw data(
				{ message: (error as Error).message },
				{ status: 429, headers: { ...PAGE_HEADERS, 'Retry-After': seconds } },
			)
		}
		throw error
	}
}

/** A verify JSON endpoint's answer for one look-up. */
export async function verificationJson<T extends { status: string }>(lookup: () => Promise<T>) {
	try {
		const result = await lookup()
		return Response.json(result, { status: result.status === 'not_found' ? 404 : 200, headers: JSON_HEADERS })
	} catch (error) {
		const seconds = retryAfter(error)
		if (seconds) {
			return Response.json(
				{ error: 'too_many_requests', message: (error as Error).message },
				{ status: 429, headers: { ...JSON_HEADERS, 'Retry-After': seconds } },
			)
		}
		throw error
	}
}
