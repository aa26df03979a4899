import { prisma } from '#modules/db/client.ts'
import { prepareDataExport } from '#modules/data-rights/export.ts'

/**
 * The demo learner's "Download your data" is ready: one export prepared as its job would (the ZIP
 * stored, the link emailed to the dev outbox), so /account/data shows it and the link in /dev/outbox
 * downloads it once. Only when they have none that still downloads, so seeding again changes
 * nothing; after one was downloaded, expired or had its file removed (retention), a new one is made.
 */
export async function seedDemoDataExport({ learnerId, now = new Date() }: { learnerId: string; now?: Date }) {
	const usable = await prisma.dataExport.findFirst({
		where: { userId: learnerId, storageKey: { not: null }, downloadedAt: null, expiresAt: { gt: now } },
		select: { id: true },
	})
	if (usable) return
	const { id } = await prisma.dataExport.create({ data: { userId: learnerId, requestedAt: now }, select: { id: true } })
	await prepareDataExport({ exportId: id, now })
}
