import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { parseEnv } from '#modules/env/env.ts'
import { decryptSecret, encryptSecret, needsResealing } from './encryption.ts'

const keyA = randomBytes(32).toString('base64')
const keyB = randomBytes(32).toString('base64')

describe('secrets at rest', () => {
	test('a sealed secret opens with its context and does not contain the plaintext', () => {
		const env = parseEnv({ SECRETS_ENCRYPTION_KEY: keyA })
		const sealed = encryptSecret('client-secret-value', 'sso:org1', env)
		expect(sealed).not.toContain('client-secret-value')
		expect(decryptSecret(sealed, 'sso:org1', env)).toBe('client-secret-value')
		// Same plaintext, fresh IV: two seals differ.
		expect(encryptSecret('client-secret-value', 'sso:org1', env)).not.toBe(sealed)
	})

	test('a value copied to another row (another context) or altered does not open', () => {
		const env = parseEnv({ SECRETS_ENCRYPTION_KEY: keyA })
		const sealed = encryptSecret('s3cret', 'totp:user1', env)
		expect(() => decryptSecret(sealed, 'totp:user2', env)).toThrow()
		const parts = sealed.split('.')
		const body = Buffer.from(parts[3]!, 'base64url')
		body[0] = body[0]! ^ 1
		parts[3] = body.toString('base64url')
		expect(() => decryptSecret(parts.join('.'), 'totp:user1', env)).toThrow()
	})

	test('rotation: the previous key still opens old values, which are flagged for resealing', () => {
		const before = parseEnv({ SECRETS_ENCRYPTION_KEY: keyA })
		const sealed = encryptSecret('rotate-me', 'ctx', before)
		const during = parseEnv({ SECRETS_ENCRYPTION_KEY: keyB, SECRETS_ENCRYPTION_KEY_PREVIOUS: keyA })
		expect(decryptSecret(sealed, 'ctx', during)).toBe('rotate-me')
		expect(needsResealing(sealed, during)).toBe(true)
		expect(needsResealing(encryptSecret('rotate-me', 'ctx', during), during)).toBe(false)
		const after = parseEnv({ SECRETS_ENCRYPTION_KEY: keyB })
		expect(() => decryptSecret(sealed, 'ctx', after)).toThrow(/SECRETS_ENCRYPTION_KEY_PREVIOUS/)
	})

	test('production refuses to seal without a configured key; a malformed key is refused at start', () => {
		expect(() => encryptSecret('x', 'ctx', parseEnv({ NODE_ENV: 'production' }))).toThrow(/SECRETS_ENCRYPTION_KEY/)
		expect(() => parseEnv({ SECRETS_ENCRYPTION_KEY: 'too-short' })).toThrow(/32 random bytes/)
		expect(() => parseEnv({ SECRETS_ENCRYPTION_KEY: 'too-short' })).not.toThrow(/too-short/)
	})
})
