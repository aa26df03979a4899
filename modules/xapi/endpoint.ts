import type { Env } from '#modules/env/env.ts'
import type { XapiErrorCode } from './errors.ts'

export type LrsEndpointProblem = Extract<XapiErrorCode, `LRS_ENDPOINT_${string}`>

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i
// Literal private, link-local and loopback addresses: production never sends statements inside its own network.
const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|\[(fc|fd|fe80))/i

/**
 * Checks an LRS address and returns it normalised (ending in "/", so `statements` can be appended), or
 * the problem in words for the form. https is required outside development: the statements name
 * people and the Basic credentials travel with every request. The test environment also accepts
 * plain http to a loopback address, so tests can run a local LRS fake; production refuses loopback
 * and private addresses altogether.
 */
export function checkLrsEndpoint(
	raw: string,
	env: Pick<Env, 'NODE_ENV'>,
): { ok: true; endpoint: string } | { ok: false; code: LrsEndpointProblem; problem: string } {
	let url: URL
	try {
		url = new URL(raw.trim())
	} catch {
		return {
			ok: false,
			code: 'LRS_ENDPOINT_INVALID',
			problem: 'Enter the LRS address, like https://lrs.example.org/xapi/',
		}
	}
	if (url.username || url.password) {
		return {
			ok: false,
			code: 'LRS_ENDPOINT_INVALID',
			problem: 'Put the key and secret in their own fields, not in the address',
		}
	}
	if (url.search || url.hash) {
		return { ok: false, code: 'LRS_ENDPOINT_INVALID', problem: 'Enter the LRS address without a ? or # part' }
	}
	const http = url.protocol === 'http:'
	if (url.protocol !== 'https:' && !http) {
		return { ok: false, code: 'LRS_ENDPOINT_NOT_HTTPS', problem: 'The LRS address must start with https://' }
	}
	if (http) {
		const allowed = env.NODE_ENV === 'development' || (env.NODE_ENV === 'test' && LOOPBACK.test(url.hostname))
		if (!allowed) {
			return {
				ok: false,
				code: 'LRS_ENDPOINT_NOT_HTTPS',
				problem: 'The LRS address must start with https:// (statements name people, so they are only sent encrypted)',
			}
		}
	}
	if (env.NODE_ENV === 'production' && (LOOPBACK.test(url.hostname) || PRIVATE.test(url.hostname))) {
		return {
			ok: false,
			code: 'LRS_ENDPOINT_PRIVATE',
			problem: 'The LRS address must be a public address, not one inside Circle’s own network',
		}
	}
	const endpoint = `${url.origin}${url.pathname.replace(/\/statements\/?$/, '').replace(/\/?$/, '/')}`
	return { ok: true, endpoint }
}
