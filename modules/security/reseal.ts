import { prisma } from '#modules/db/client.ts'
import type { Env } from '#modules/env/env.ts'
import { EnvError } from '#modules/env/env.ts'
import { decryptSecret, encryptSecret, needsResealing } from './encryption.ts'

/**
 * Every column that holds a sealed secret, with the context each row's value is bound to. A new
 * sealed column must be added here, or a key rotation would leave it unreadable; the test in
 * reseal.test.ts checks the schema for columns named `*Encrypted` that this list does not cover.
 */
export const SEALED_COLUMNS = [
	'TotpCredential.secretEncrypted',
	'IdentityProvider.clientSecretEncrypted',
	'LrsConnection.authSecretEncrypted',
] as const

/** The context a TOTP secret is sealed with. */
export const totpContext = (userId: string) => `totp:${userId}`
/** The context an organisation's identity provider client secret is sealed with (one provider per organisation). */
export const ssoContext = (organisationId: string) => `sso:${organisationId}`
/** The context an organisation's LRS Basic auth secret is sealed with (one LRS per organisation). */
export const xapiContext = (organisationId: string) => `xapi:${organisationId}`

/**
 * Re-seals every secret that is not under the current SECRETS_ENCRYPTION_KEY (step two of a
 * rotation: set the new key, keep the old one in SECRETS_ENCRYPTION_KEY_PREVIOUS, run this, then
 * drop the old key). Each row is updated only if it still holds the value that was read, so a
 * secret changed meanwhile is left alone. A value under a key that is not configured at all cannot
 * be opened: it is counted as `unreadable` and left as it is, rather than stopping the run halfway.
 */
export async function resealSecrets(env?: Env) {
	let resealed = 0
	let unreadable = 0
	/** Opens and re-seals one value; null when its key is not configured. */
	const reseal = (value: string, context: string) => {
		try {
			return encryptSecret(decryptSecret(value, context, env), context, env)
		} catch (error) {
			if (!(error instanceof EnvError)) throw error
			unreadable += 1
			return null
		}
	}
	const totps = await prisma.totpCredential.findMany({ select: { userId: true, secretEncrypted: true } })
	for (const row of totps) {
		if (!needsResealing(row.secretEncrypted, env)) continue
		const value = reseal(row.secretEncrypted, totpContext(row.userId))
		if (!value) continue
		const { count } = await prisma.totpCredential.updateMany({
			where: { userId: row.userId, secretEncrypted: row.secretEncrypted },
			data: { secretEncrypted: value },
		})
		resealed += count
	}
	const providers = await prisma.identityProvider.findMany({
		select: { id: true, organisationId: true, clientSecretEncrypted: true },
	})
	for (const row of providers) {
		if (!needsResealing(row.clientSecretEncrypted, env)) continue
		const value = reseal(row.clientSecretEncrypted, ssoContext(row.organisationId))
		if (!value) continue
		const { count } = await prisma.identityProvider.updateMany({
			where: { id: row.id, clientSecretEncrypted: row.clientSecretEncrypted },
			data: { clientSecretEncrypted: value },
		})
		resealed += count
	}
	const lrsConnections = await prisma.lrsConnection.findMany({
		select: { id: true, organisationId: true, authSecretEncrypted: true },
	})
	for (const row of lrsConnections) {
		if (!needsResealing(row.authSecretEncrypted, env)) continue
		const value = reseal(row.authSecretEncrypted, xapiContext(row.organisationId))
		if (!value) continue
		const { count } = await prisma.lrsConnection.updateMany({
			where: { id: row.id, authSecretEncrypted: row.authSecretEncrypted },
			data: { authSecretEncrypted: value },
		})
		resealed += count
	}
	return { resealed, unreadable }
}
