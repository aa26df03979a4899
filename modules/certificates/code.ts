import crypto from 'node:crypto'

/**
 * Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U, so a code read
 * aloud or copied by hand from paper cannot be mistaken for a different one.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const PREFIX = 'CIRC'
const GROUPS = 4
const GROUP_LENGTH = 4
const BODY_LENGTH = GROUPS * GROUP_LENGTH // 16 characters × 5 bits = 80 bits

/** The shape of a certificate code as stored and printed: CIRC-XXXX-XXXX-XXXX-XXXX. */
export const CERTIFICATE_CODE_PATTERN = /^CIRC(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}){4}$/

function format(body: string) {
	const groups = body.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g')) ?? []
	return [PREFIX, ...groups].join('-')
}

/**
 * A new certificate code with 80 bits from the operating system's CSPRNG: ten random bytes read as
 * sixteen 5-bit groups, each one a Crockford base32 character. Guessing a valid code is hopeless
 * (and verification look-ups are throttled besides).
 */
export function generateCertificateCode(): string {
	const bytes = crypto.randomBytes(10)
	let bits = 0n
	for (const byte of bytes) bits = (bits << 8n) | BigInt(byte)
	let body = ''
	for (let i = BODY_LENGTH - 1; i >= 0; i--) body += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)]
	return format(body)
}

/**
 * Reads a code the way a person might type it: any letter case, spaces or dashes (or none), with or
 * without the CIRC- prefix, even pasted inside a verification link. Crockford's reading rules map
 * the look-alikes O → 0 and I, L → 1. Returns the canonical CIRC-XXXX-XXXX-XXXX-XXXX, or null when
 * the text cannot be a Circle code (so no database look-up is needed to refuse it).
 */
export function normaliseCertificateCode(input: string): string | null {
	let text = input.trim()
	// A pasted verification link: keep only its last path segment.
	const fromLink = /\/verify\/([^/?#]+)/i.exec(text)
	if (fromLink?.[1]) text = decodeURIComponentSafe(fromLink[1])
	text = text.replace(/\.(json|pdf)$/i, '')
	let compact = text.toUpperCase().replace(/[\s\-‐‑‒–—_.]/g, '')
	// A body never holds a literal I, so text starting CIRC carries the prefix and must be whole;
	// reading a truncated "CIRC…" as a body (C1RC…) would verify a different certificate.
	if (compact.startsWith(PREFIX)) {
		if (compact.length !== PREFIX.length + BODY_LENGTH) return null
		compact = compact.slice(PREFIX.length)
	}
	if (compact.length !== BODY_LENGTH) return null
	const body = compact.replace(/O/g, '0').replace(/[IL]/g, '1')
	for (const char of body) if (!ALPHABET.includes(char)) return null
	return format(body)
}

function decodeURIComponentSafe(value: string) {
	try {
		return decodeURIComponent(value)
	} catch {
		return value
	}
}
