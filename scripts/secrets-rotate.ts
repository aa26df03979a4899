/**
 * `npm run secrets:rotate`: re-seals every secret stored encrypted (SSO client secrets, TOTP
 * secrets) under the current SECRETS_ENCRYPTION_KEY. Run it after moving the old key to
 * SECRETS_ENCRYPTION_KEY_PREVIOUS and setting a new one; then remove the old key.
 */
import { openScriptDatabase } from '#modules/db/script-database.ts'

const { stop } = await openScriptDatabase()
try {
	const { resealSecrets } = await import('#modules/security/reseal.ts')
	const count = await resealSecrets()
	console.log(`Re-sealed ${count} secret${count === 1 ? '' : 's'} under the current key.`)
} finally {
	const { prisma } = await import('#modules/db/client.ts')
	await prisma.$disconnect()
	await stop()
}
