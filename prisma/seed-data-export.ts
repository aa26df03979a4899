import { prisma } from '#modules/db/client.ts'
import { prepareDataExport } from '#modules/data-rights/export.ts'

/**
 * The demo learner's "Download your data" is ready: one export prepared as its job would (the ZIP
 * stored, the link emailed to the dev outbox), so /account/data shows it and the link in /dev/outbox
 * downloads it once. Only when they have none, so seeding again changes nothing.
 */
export async function seedDemoDataExport({ learnerId }: { learnerId: string }) {
	if (await prisma.dataExport.findFirst({ where: { userId: learnerId }, select: { id: true } })) return
	const now = new Date()
	const { id } = await prisma.dataExport.create({ data: { userId: learnerId, requestedAt: now }, select: { id: true } })
	await prepareDataExport({ exportId: id, now })
}
