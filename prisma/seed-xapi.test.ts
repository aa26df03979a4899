import { afterAll, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { decryptSecret } from '#modules/security/encryption.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { DEMO_LRS, seedDemoXapi } from './seed-xapi.ts'

afterAll(releaseTestResources)

test('the demo organisation gets an LRS that is set up but switched off, sealed like a real one, once', async () => {
	const org = await createOrganisation()
	await seedDemoXapi({ organisationSlug: org.slug })
	await seedDemoXapi({ organisationSlug: org.slug })
	const rows = await prisma.lrsConnection.findMany({ where: { organisationId: org.id } })
	expect(rows).toHaveLength(1)
	expect(rows[0]).toMatchObject({ endpoint: DEMO_LRS.endpoint, enabled: false, actorFormat: 'MBOX' })
	expect(decryptSecret(rows[0]!.authSecretEncrypted, `xapi:${org.id}`)).toBe(DEMO_LRS.authSecret)
	expect(await prisma.auditLog.count({ where: { organisationId: org.id, action: 'xapi.lrs_saved' } })).toBe(1)
})
