import { BlockList, isIP } from 'node:net'
import type { Env } from '#modules/env/env.ts'
import type { XapiErrorCode } from './errors.ts'

export type LrsEndpointProblem = Extract<XapiErrorCode, `LRS_ENDPOINT_${string}`>

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

// Addresses that are not on the public internet (RFC 6890's special-purpose registries): loopback,
// private, carrier-grade NAT, link-local (169.254.169.254 is a cloud's metadata service), documentation,
// benchmarking, multicast and reserved ranges. Node checks an IPv4-mapped IPv6 address
// (::ffff:127.0.0.1) against the IPv4 rules, so that spelling is refused too.
const INTERNAL = new BlockList()
for (const [network, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.88.99.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4],
	['240.0.0.0', 4],
] as const) {
	INTERNAL.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
	['::', 96], // unspecified, loopback and IPv4-compatible
	['64:ff9b:1::', 48], // local-use IPv4/IPv6 translation
	['100::', 64], // discard
	['2001::', 23], // IETF protocol assignments
	['2001:db8::', 32], // documentation
	['2002::', 16], // 6to4, which carries an IPv4 address inside
	['fc00::', 7], // unique local
	['fe80::', 10], // link-local
	['fec0::', 10], // site-local (deprecated)
	['ff00::', 8], // multicast
] as const) {
	INTERNAL.addSubnet(network, prefix, 'ipv6')
}

/** Whether an IP address (as DNS gives it, no brackets) is one production must never send to. */
export function isInternalAddress(address: string) {
	const family = isIP(address)
	if (family === 0) return true
	return INTERNAL.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

/**
 * Whether a URL's hostname is, by its spelling alone, inside Circle's own network: an internal IP
 * address in any form the URL parser keeps (IPv6 in brackets, a trailing dot), `localhost` and its
 * subdomains, a name with no dot (resolved through the server's own search domains) or a `.local` /
 * `.internal` name. A public-looking name can still resolve to an internal address: lrsRequest
 * checks the address it actually connects to as well.
 */
export function isInternalHostname(hostname: string) {
	const host = hostname
		.toLowerCase()
		.replace(/^\[(.*)\]$/, '$1')
		.replace(/\.$/, '')
	if (isIP(host)) return isInternalAddress(host)
	return (
		!host.includes('.') ||
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host.endsWith('.local') ||
		host.endsWith('.internal')
	)
}

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
