import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { checkDataExportLink, getLatestDataExport } from '#modules/data-rights/export.ts'
import { extractLinks } from '#modules/mail/outbox.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo data export', () => {
	test('the demo learner’s data is ready, its link is in the outbox, and seeding again adds nothing', async () => {
		// Other files in this worker's database may have seeded the demo before, and the retention test
		// purges every export it finds spent at its own (future) clock: count what the second seeding adds.
		await seedDemo({ log: () => {} })
		const learner = await prisma.user.findUniqueOrThrow({
			where: { email: 'learner@circle.example' },
			select: { id: true },
		})
		const readyEmails = { to: 'learner@circle.example', template: 'data-export-ready' }
		const exportsBefore = await prisma.dataExport.count({ where: { userId: learner.id } })
		const emailsBefore = await prisma.emailMessage.count({ where: readyEmails })
		await seedDemo({ log: () => {} })
		expect(await prisma.dataExport.count({ where: { userId: learner.id } })).toBe(exportsBefore)
		expect(await prisma.emailMessage.count({ where: readyEmails })).toBe(emailsBefore)
		const now = new Date()
		expect(await getLatestDataExport({ userId: learner.id, now })).toMatchObject({ state: 'ready' })
		const newest = await prisma.emailMessage.findFirstOrThrow({
			where: readyEmails,
			orderBy: { createdAt: 'desc' },
			select: { text: true },
		})
		const link = new URL(extractLinks(newest.text).find((l) => l.includes('/account/data/download/'))!)
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
