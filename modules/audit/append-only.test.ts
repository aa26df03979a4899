import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { recordAudit } from './record.ts'

describe('the audit log is append-only', () => {
	test('a row cannot be deleted or rewritten, but a deleted actor is cleared by its foreign key', async () => {
		const user = await createTestUser()
		await recordAudit(prisma, {
			actorId: user.id,
			action: 'auth.signed_in',
			targetType: 'User',
			targetId: user.id,
			ipAddress: '192.0.2.1',
			userAgent: 'Test browser',
		})
		const row = await prisma.auditLog.findFirstOrThrow({ where: { actorId: user.id } })
		expect(row).toMatchObject({ ipAddress: '192.0.2.1', userAgent: 'Test browser', organisationId: null })

		await expect(prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/)
		await expect(prisma.auditLog.deleteMany({ where: { actorId: user.id } })).rejects.toThrow(/append-only/)
		await expect(
			prisma.auditLog.update({ where: { id: row.id }, data: { action: 'auth.nothing_happened' } }),
		).rejects.toThrow(/append-only/)
		await expect(prisma.auditLog.update({ where: { id: row.id }, data: { ipAddress: '203.0.113.9' } })).rejects.toThrow(
			/append-only/,
		)

		// Clearing network details (erasure) is allowed; so is the actor's deletion nulling actorId.
		await prisma.auditLog.update({ where: { id: row.id }, data: { ipAddress: null, userAgent: null } })
		await prisma.user.delete({ where: { id: user.id } })
		expect(await prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
			actorId: null,
			action: 'auth.signed_in',
			ipAddress: null,
		})
	})
})
