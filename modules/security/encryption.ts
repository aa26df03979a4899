import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { EnvError, type Env, getEnv, isRealDeployment } from '#modules/env/env.ts'

/**
 * Secrets at rest (SSO client secrets, TOTP secrets) are sealed with AES-256-GCM under
 * SECRETS_ENCRYPTION_KEY. A sealed value reads `v1.<key id>.<iv>.<ciphertext+tag>` (base64url),
 * where the key id is the first 8 hex digits of the key's SHA-256: during a rotation the previous
 * keys (SECRETS_ENCRYPTION_KEY_PREVIOUS) still open what they sealed, and `npm run secrets:rotate`
 * re-seals every value under the current key. The `context` (e.g. "totp:<userId>") is bound as
 * additional authenticated data, so a sealed value copied into another row does not open there.
 */

const VERSION = 'v1'
/** Outside a real deployment only: a fixed, public key, so development, tests and the demo need no configuration. */
const DEVELOPMENT_KEY = createHash('sha256').update('circle development key: never use in production').digest()

type Key = { id: string; bytes: Buffer }

function toKey(bytes: Buffer): Key {
	return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes }
}

/** The current key (first) and the previous ones that may still open old values. */
export function encryptionKeys(env: Env = getEnv()): Key[] {
	if (!env.SECRETS_ENCRYPTION_KEY) {
		if (isRealDeployment(env)) {
			throw new EnvError(
				'SECRETS_ENCRYPTION_KEY is not set: production needs it to store secrets (openssl rand -base64 32)',
			)
		}
		return [toKey(DEVELOPMENT_KEY)]
	}
	const previous = (env.SECRETS_ENCRYPTION_KEY_PREVIOUS ?? '')
		.split(',')
		.map((k) => k.trim())
		.filter(Boolean)
	return [env.SECRETS_ENCRYPTION_KEY, ...previous].map((k) => toKey(Buffer.from(k, 'base64')))
}

/** Seals `plaintext` under the current key, bound to `context`. */
export function encryptSecret(plaintext: string, context: string, env?: Env): string {
	const [key] = encryptionKeys(env)
	if (!key) throw new EnvError('No encryption key is configured')
	const iv = randomBytes(12)
	const cipher = createCipheriv('aes-256-gcm', key.bytes, iv)
	cipher.setAAD(Buffer.from(context, 'utf8'))
	const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
	return [VERSION, key.id, iv.toString('base64url'), sealed.toString('base64url')].join('.')
}

/** Opens a value sealed by encryptSecret with the same `context`; throws if it was altered or the key is gone. */
export function decryptSecret(value: string, context: string, env?: Env): string {
	const [version, keyId, ivText, sealedText] = value.split('.')
	if (version !== VERSION || !keyId || !ivText || !sealedText) throw new Error('Not a sealed secret')
	const key = encryptionKeys(env).find((k) => k.id === keyId)
	if (!key) {
		throw new EnvError(
			`A secret was sealed with key ${keyId}, which is neither SECRETS_ENCRYPTION_KEY nor in SECRETS_ENCRYPTION_KEY_PREVIOUS`,
		)
	}
	const sealed = Buffer.from(sealedText, 'base64url')
	const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(ivText, 'base64url'))
	decipher.setAAD(Buffer.from(context, 'utf8'))
	decipher.setAuthTag(sealed.subarray(sealed.length - 16))
	return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8')
}

/** True when `value` was sealed with a key other than the current one (so a rotation should re-seal it). */
export function needsResealing(value: string, env?: Env): boolean {
	const [current] = encryptionKeys(env)
	return value.split('.')[1] !== current?.id
}
