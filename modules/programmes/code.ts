import { generateCertificateCode, normaliseCertificateCode } from '#modules/certificates/code.ts'

// A programme certificate's number reads like a course certificate's, with its own prefix, so the
// verify page can tell which one it is asked about without a second look-up.
const PREFIX = 'PROG'

/** The shape of a programme certificate code: PROG-XXXX-XXXX-XXXX-XXXX. */
export const PROGRAMME_CERTIFICATE_CODE_PATTERN = /^PROG(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}){4}$/

/** A new programme certificate code: 80 random bits, as generateCertificateCode. */
export function generateProgrammeCertificateCode() {
	return PREFIX + generateCertificateCode().slice('CIRC'.length)
}

/**
 * Reads a programme certificate code as a person might type it (any case, spaces or dashes, with or
 * without the PROG- prefix, or inside a verification link) and returns PROG-XXXX-XXXX-XXXX-XXXX, or
 * null when it cannot be one.
 */
export function normaliseProgrammeCertificateCode(input: string): string | null {
	let text = input.trim()
	const fromLink = /\/verify\/programmes\/([^/?#]+)/i.exec(text)
	if (fromLink?.[1]) text = fromLink[1]
	text = text.replace(/\.(json|pdf)$/i, '')
	const compact = text.toUpperCase().replace(/[\s\-‐‑‒–—_.]/g, '')
	const body = compact.startsWith(PREFIX) ? compact.slice(PREFIX.length) : compact
	if (body.length !== 16) return null
	const normalised = normaliseCertificateCode(body)
	return normalised ? PREFIX + normalised.slice('CIRC'.length) : null
}
