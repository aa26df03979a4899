// Where Circle's server may send requests that someone else chose the address of (an organisation's
// LRS, its identity provider and whatever that provider's discovery document names). One rule for
// every such request: the addresses below are inside Circle's own network and are never reached in a
// real deployment, whether written as a number, as a name, or as a name that resolves to one.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { BlockList, isIP } from 'node:net'

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

/** The `code` of the error a refusing lookup gives, and the words Circle shows for it. */
export const INTERNAL_ADDRESS_CODE = 'EINTERNALADDRESS'
export const INTERNAL_ADDRESS_REASON = 'that is an address inside Circle’s own network, which Circle does not send to'

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
 * `.internal` name. A public-looking name can still resolve to an internal address: the requests
 * check the address they actually connect to as well (publicOnlyLookup).
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
		host.endsWith('.local') ||
		host.endsWith('.localhost') ||
		host.endsWith('.internal')
	)
}

// This machine, as the development and test identity providers are addressed (http://127.0.0.1:port):
// the one exception some callers make outside a real deployment. Deliberately not all of 127.0.0.0/8.
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]'])
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1'])

/** Whether a URL's hostname names this machine as those providers are addressed (localhost, 127.0.0.1, [::1]). */
export function isLoopbackHostname(hostname: string) {
	return LOOPBACK_HOSTNAMES.has(hostname.toLowerCase())
}

/** Whether a URL's hostname is refused: internal, unless `allowLoopback` and it names this machine. */
export function refusesHostname(hostname: string, { allowLoopback = false }: { allowLoopback?: boolean } = {}) {
	if (allowLoopback && isLoopbackHostname(hostname)) return false
	return isInternalHostname(hostname)
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void
export type RefusingLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void

/**
 * A DNS lookup (for the `lookup` option of node:http, node:https and node:net) that refuses internal
 * addresses: the socket connects to the very address checked here, so a name that resolves to
 * 127.0.0.1, 10.x or 169.254.169.254 (or changes its answer between a check and the connection) is
 * refused rather than reached, before anything is sent. `allowLoopback` lets 127.0.0.1 and ::1
 * through (never another internal address).
 */
export function refusingLookup({ allowLoopback = false }: { allowLoopback?: boolean } = {}): RefusingLookup {
	const refused = (address: string) => isInternalAddress(address) && !(allowLoopback && LOOPBACK_ADDRESSES.has(address))
	return (hostname, options, callback) => {
		dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
			if (error) return callback(error, [])
			if (addresses.length === 0 || addresses.some((a) => refused(a.address))) {
				const refusal: NodeJS.ErrnoException = new Error(`${hostname}: ${INTERNAL_ADDRESS_REASON}`)
				refusal.code = INTERNAL_ADDRESS_CODE
				return callback(refusal, [])
			}
			if (options.all) return callback(null, addresses)
			callback(null, addresses[0]!.address, addresses[0]!.family)
		})
	}
}

/** The lookup of a real deployment: public addresses only. */
export const publicOnlyLookup = refusingLookup()
