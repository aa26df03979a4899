import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { checkDataExportLink, getLatestDataExport } from '#modules/data-rights/export.ts'
import { extractLinks } from '#modules/mail/outbox.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo data export', () => {
	test('the demo learner’s data is ready, its link is in the outbox, and seeding again adds nothing', async () => {
		await seedDemo({ log: () => {} })
		await seedDemo({ log: () => {} })
		const learner = await prisma.user.findUniqueOrThrow({
			where: { email: 'learner@circle.example' },
			select: { id: true },
		})
		const now = new Date()
		expect(await getLatestDataExport({ userId: learner.id, now })).toMatchObject({ state: 'ready' })
		expect(await prisma.dataExport.count({ where: { userId: learner.id } })).toBe(1)
		const emails = await prisma.emailMessage.findMany({
			where: { to: 'learner@circle.example', template: 'data-export-ready' },
			select: { text: true },
		})
		expect(emails).toHaveLength(1)
		const link = new URL(extractLinks(emails[0]!.text).find((l) => l.includes('/account/data/download/'))!)
		const exportId = link.pathname.split('/').at(-1)!
		const checked = await checkDataExportLink({
			exportId,
			token: link.searchParams.get('token')!,
			userId: learner.id,
			now,
		})
		expect(checked.sizeBytes).toBeGreaterThan(10_000)
	}, 180_000)
})
