import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

/** 20 random bytes (160 bits) as lower-case base32: the secret a session cookie carries. */
export function generateSessionToken() {
	return randomToken(20)
}

/** 32 random bytes (256 bits) as lower-case base32: the secret in an emailed link. */
export function generateEmailToken() {
	return randomToken(32)
}

/**
 * SHA-256 of a token, hex-encoded. Only this is stored: a leaked database yields no token that
 * works. A fast hash is right here because the tokens are long random secrets, not passwords.
 */
export function hashToken(token: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

function randomToken(byteLength: number) {
	const bytes = new Uint8Array(byteLength)
	crypto.getRandomValues(bytes)
	return encodeBase32LowerCaseNoPadding(bytes)
}
