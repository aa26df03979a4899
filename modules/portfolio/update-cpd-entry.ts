import { prisma } from '#modules/db/client.ts'
import { manualEntryColumns, reflectionColumns } from './entry-columns.ts'
import { entryNotFound } from './entry-errors.ts'
import { type CpdEntryInput, type CpdReflectionInput } from './schemas.ts'

/**
 * Changes one of the learner's own entries. A hand-made entry takes the whole of CpdEntrySchema; an
 * entry from a certificate takes only the learner's own words and tags (CpdReflectionSchema), as
 * the activity, date and hours are the certificate's. `not_found` for anyone else's entry;
 * `invalid` (nothing saved) for bad input.
 */
export async function updateCpdEntry({
	userId,
	entryId,
	input,
}: {
	userId: string
	entryId: string
	input: CpdEntryInput | CpdReflectionInput
}) {
	const existing = await prisma.cpdEntry.findFirst({
		where: { id: entryId, userId },
		select: { id: true, source: true },
	})
	if (!existing) entryNotFound()
	// Scoped to the owner in the write itself, not only in the read above.
	if (existing.source !== 'MANUAL') {
		await prisma.cpdEntry.updateMany({
			where: { id: existing.id, userId },
			data: reflectionColumns(input),
		})
	} else {
		await prisma.cpdEntry.updateMany({
			where: { id: existing.id, userId, source: 'MANUAL' },
			data: manualEntryColumns(input),
		})
	}
	return { id: existing.id }
}
