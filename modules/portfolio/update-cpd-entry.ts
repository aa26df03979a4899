import { prisma } from '#modules/db/client.ts'
import { dateColumn } from './cpd-dates.ts'
import { entryNotFound, invalidEntry } from './entry-errors.ts'
import {
	type CpdEntryInput,
	CpdEntrySchema,
	type CpdReflectionInput,
	CpdReflectionSchema,
	hoursToMinutes,
	mergeStandards,
} from './schemas.ts'

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
	if (existing.source === 'CERTIFICATE') {
		const parsed = CpdReflectionSchema.safeParse(input)
		if (!parsed.success) invalidEntry(parsed.error)
		const entry = parsed.data
		await prisma.cpdEntry.updateMany({
			where: { id: existing.id, userId },
			data: {
				description: entry.description,
				reflection: entry.reflection,
				impactOnPractice: entry.impactOnPractice,
				evidence: entry.evidence,
				standards: mergeStandards(entry),
			},
		})
		return { id: existing.id }
	}
	const parsed = CpdEntrySchema.safeParse(input)
	if (!parsed.success) invalidEntry(parsed.error)
	const entry = parsed.data
	// Scoped to the owner in the write itself, not only in the read above.
	await prisma.cpdEntry.updateMany({
		where: { id: existing.id, userId, source: 'MANUAL' },
		data: {
			method: entry.method,
			title: entry.title,
			date: dateColumn(entry.date),
			minutes: hoursToMinutes(entry.hours),
			participatoryMinutes: hoursToMinutes(entry.participatoryHours ?? 0),
			description: entry.description,
			reflection: entry.reflection,
			impactOnPractice: entry.impactOnPractice,
			evidence: entry.evidence,
			standards: mergeStandards(entry),
		},
	})
	return { id: existing.id }
}
