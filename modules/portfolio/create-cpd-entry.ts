import { prisma } from '#modules/db/client.ts'
import { manualEntryColumns } from './entry-columns.ts'
import { type CpdEntryInput } from './schemas.ts'

/**
 * Records a piece of CPD the learner did outside Circle (a conference, supervision, reading…).
 * Input is checked against CpdEntrySchema; the first problem throws `invalid` naming its field, and
 * nothing is saved. Hours are stored as minutes.
 */
export async function createCpdEntry({ userId, input }: { userId: string; input: CpdEntryInput }) {
	return prisma.cpdEntry.create({
		data: { userId, source: 'MANUAL', ...manualEntryColumns(input) },
		select: { id: true },
	})
}
