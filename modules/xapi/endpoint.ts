import type { Env } from '#modules/env/env.ts'
import { isInternalHostname } from '#modules/security/internal-address.ts'
import type { XapiErrorCode } from './errors.ts'

export type LrsEndpointProblem = Extract<XapiErrorCode, `LRS_ENDPOINT_${string}`>

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * Checks an LRS address and returns it normalised (ending in "/", so `statements` can be appended), or
 * the problem in words for the form. https is required outside development: the statements name
 * people and the Basic credentials travel with every request. The test environment also accepts
 * plain http to a loopback address, so tests can run a local LRS fake; production refuses loopback,
 * private and other internal addresses however they are written (isInternalHostname).
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
	if (env.NODE_ENV === 'production' && isInternalHostname(url.hostname)) {
		return {
			ok: false,
			code: 'LRS_ENDPOINT_PRIVATE',
			problem: 'The LRS address must be a public address, not one inside Circle’s own network',
		}
	}
	const endpoint = `${url.origin}${url.pathname.replace(/\/statements\/?$/, '').replace(/\/?$/, '/')}`
	return { ok: true, endpoint }
}
