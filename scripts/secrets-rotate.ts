/**
 * `npm run secrets:rotate`: re-seals every secret stored encrypted (SSO client secrets, TOTP
 * secrets) under the current SECRETS_ENCRYPTION_KEY. Run it after moving the old key to
 * SECRETS_ENCRYPTION_KEY_PREVIOUS and setting a new one; then remove the old key.
 */
import { openScriptDatabase } from '#modules/db/script-database.ts'

const { stop } = await openScriptDatabase()
try {
	const { resealSecrets } = await import('#modules/security/reseal.ts')
	const { resealed, unreadable } = await resealSecrets()
	console.log(`Re-sealed ${resealed} secret${resealed === 1 ? '' : 's'} under the current key.`)
	if (unreadable) {
		console.error(
			`${unreadable} secret${unreadable === 1 ? ' is' : 's are'} sealed with a key that is neither SECRETS_ENCRYPTION_KEY nor in SECRETS_ENCRYPTION_KEY_PREVIOUS, and ${unreadable === 1 ? 'was' : 'were'} left as ${unreadable === 1 ? 'it was' : 'they were'}.`,
		)
		process.exitCode = 1
	}
} finally {
	const { prisma } = await import('#modules/db/client.ts')
	await prisma.$disconnect()
	await stop()
}
