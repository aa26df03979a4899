import { prisma } from '#modules/db/client.ts'
import type { Env } from '#modules/env/env.ts'
import { decryptSecret, encryptSecret, needsResealing } from './encryption.ts'

/**
 * Every column that holds a sealed secret, with the context each row's value is bound to. A new
 * sealed column must be added here, or a key rotation would leave it unreadable; the test in
 * reseal.test.ts checks the schema for columns named `*Encrypted` that this list does not cover.
 */
export const SEALED_COLUMNS = ['TotpCredential.secretEncrypted', 'IdentityProvider.clientSecretEncrypted'] as const

/** The context a TOTP secret is sealed with. */
export const totpContext = (userId: string) => `totp:${userId}`
/** The context an organisation's identity provider client secret is sealed with (one provider per organisation). */
export const ssoContext = (organisationId: string) => `sso:${organisationId}`

/**
 * Re-seals every secret that is not under the current SECRETS_ENCRYPTION_KEY (step two of a
 * rotation: set the new key, keep the old one in SECRETS_ENCRYPTION_KEY_PREVIOUS, run this, then
 * drop the old key). Each row is updated only if it still holds the value that was read, so a
 * secret changed meanwhile is left alone. Returns how many values were re-sealed.
 */
export async function resealSecrets(env?: Env) {
	let resealed = 0
	const totps = await prisma.totpCredential.findMany({ select: { userId: true, secretEncrypted: true } })
	for (const row of totps) {
		if (!needsResealing(row.secretEncrypted, env)) continue
		const context = totpContext(row.userId)
		const value = encryptSecret(decryptSecret(row.secretEncrypted, context, env), context, env)
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
		const context = ssoContext(row.organisationId)
		const value = encryptSecret(decryptSecret(row.clientSecretEncrypted, context, env), context, env)
		const { count } = await prisma.identityProvider.updateMany({
			where: { id: row.id, clientSecretEncrypted: row.clientSecretEncrypted },
			data: { clientSecretEncrypted: value },
		})
		resealed += count
	}
	return resealed
}
