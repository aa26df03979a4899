import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { parseEnv } from '#modules/env/env.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { decryptSecret, encryptSecret } from './encryption.ts'
import { resealSecrets, SEALED_COLUMNS, ssoContext, totpContext } from './reseal.ts'

describe('rotating the encryption key', () => {
	test('every sealed value moves to the new key and still opens; nothing else changes', async () => {
		const oldKey = randomBytes(32).toString('base64')
		const newKey = randomBytes(32).toString('base64')
		const before = parseEnv({ SECRETS_ENCRYPTION_KEY: oldKey })
		const during = parseEnv({ SECRETS_ENCRYPTION_KEY: newKey, SECRETS_ENCRYPTION_KEY_PREVIOUS: oldKey })
		const after = parseEnv({ SECRETS_ENCRYPTION_KEY: newKey })

		const user = await createTestUser()
		await prisma.totpCredential.create({
			data: { userId: user.id, secretEncrypted: encryptSecret('JBSWY3DPEHPK3PXP', totpContext(user.id), before) },
		})
		const org = await createOrganisation()
		const provider = await prisma.identityProvider.create({
			data: {
				organisationId: org.id,
				kind: 'OIDC',
				displayName: 'Test provider',
				issuer: 'https://idp.example.org',
				clientId: 'circle',
				clientSecretEncrypted: encryptSecret('client-secret', ssoContext(org.id), before),
			},
		})

		// Other tests' rows in this database are sealed with the development key, which `during` does
		// not know: they are reported as unreadable and left alone, not a reason to stop.
		expect((await resealSecrets(during)).resealed).toBeGreaterThanOrEqual(2)
		const totp = await prisma.totpCredential.findUniqueOrThrow({ where: { userId: user.id } })
		const sso = await prisma.identityProvider.findUniqueOrThrow({ where: { id: provider.id } })
		expect(decryptSecret(totp.secretEncrypted, totpContext(user.id), after)).toBe('JBSWY3DPEHPK3PXP')
		expect(decryptSecret(sso.clientSecretEncrypted, ssoContext(org.id), after)).toBe('client-secret')
		// A second run finds nothing left under the old key.
		expect((await resealSecrets(during)).resealed).toBe(0)

		// A value under a key that is configured nowhere is counted and left exactly as it was.
		const stranger = await createTestUser()
		const lost = encryptSecret(
			'lost',
			totpContext(stranger.id),
			parseEnv({ SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
		)
		await prisma.totpCredential.create({ data: { userId: stranger.id, secretEncrypted: lost } })
		const outcome = await resealSecrets(during)
		expect(outcome.unreadable).toBeGreaterThanOrEqual(1)
		expect((await prisma.totpCredential.findUniqueOrThrow({ where: { userId: stranger.id } })).secretEncrypted).toBe(
			lost,
		)
	})

	test('every *Encrypted column in the schema is covered by the rotation', () => {
		const schema = fs.readFileSync(path.resolve(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8')
		const found: string[] = []
		let model = ''
		for (const line of schema.split('\n')) {
			const m = /^model (\w+) \{/.exec(line)
			if (m) model = m[1]!
			const column = /^\s+(\w+Encrypted)\s/.exec(line)
			if (column) found.push(`${model}.${column[1]}`)
		}
		expect(found.sort()).toEqual([...SEALED_COLUMNS].sort())
	})
})
