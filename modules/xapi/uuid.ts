import { createHash } from 'node:crypto'

/** Circle's namespace for xAPI statement ids: a fixed UUID. Never change it: every statement id depends on it. */
export const XAPI_NAMESPACE = '6f1c1d8e-2b7a-5c37-9a54-3d2f0b8e6a41'

function bytesOf(uuid: string) {
	const hex = uuid.replace(/-/g, '')
	if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${uuid}`)
	return Buffer.from(hex, 'hex')
}

/**
 * RFC 9562 version 5 (name-based, SHA-1) UUID of `name` in `namespace`: the same name always gives
 * the same id, which is what makes a statement's id deterministic from the event it reports.
 */
export function uuidV5(name: string, namespace: string = XAPI_NAMESPACE): string {
	const hash = createHash('sha1')
		.update(Buffer.concat([bytesOf(namespace), Buffer.from(name, 'utf8')]))
		.digest()
		.subarray(0, 16)
	hash[6] = (hash[6]! & 0x0f) | 0x50
	hash[8] = (hash[8]! & 0x3f) | 0x80
	const hex = hash.toString('hex')
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
