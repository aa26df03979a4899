import { hash, verify } from '@node-rs/argon2'
import { AuthError } from '#modules/auth/errors.ts'
import {
	PASSWORD_EQUALS_EMAIL_MESSAGE,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	passwordEqualsEmail,
} from './schemas.ts'

// OWASP's Argon2id recommendation: 19 MiB of memory, 2 iterations, 1 degree of parallelism.
// `algorithm: 2` is Algorithm.Argon2id; the package declares it as a const enum, which
// isolatedModules cannot import.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

/** Hashes a password with Argon2id (the PHC string carries its own salt and parameters). */
export async function hashPassword(password: string) {
	return hash(password, ARGON2_OPTIONS)
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword({ hash: passwordHash, password }: { hash: string; password: string }) {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the time of one password check when there is no real hash to check against (unknown
 * email, account without a password), so the response time does not reveal whether an account
 * exists.
 */
export async function verifyDummyPassword(password: string) {
	dummyHash ??= hashPassword(crypto.randomUUID())
	await verifyPassword({ hash: await dummyHash, password })
	return false
}

/**
 * The rules every new password meets, enforced here as well as in the form schemas so that no
 * caller can skip them: 10 to 128 characters, and not the account's email address.
 */
export function assertPasswordAllowed({ password, email, field }: { password: string; email: string; field: string }) {
	if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
		throw new AuthError(
			'invalid',
			'PASSWORD_LENGTH',
			`Password must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`,
			{ field },
		)
	}
	if (passwordEqualsEmail(password, email)) {
		throw new AuthError('invalid', 'PASSWORD_EQUALS_EMAIL', PASSWORD_EQUALS_EMAIL_MESSAGE, { field })
	}
}
