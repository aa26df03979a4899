import { prisma } from '#modules/db/client.ts'
import { dateColumn } from './cpd-dates.ts'
import { invalidEntry } from './entry-errors.ts'
import { type CpdEntryInput, CpdEntrySchema, hoursToMinutes, mergeStandards } from './schemas.ts'

/**
 * Records a piece of CPD the learner did outside Circle (a conference, supervision, reading…).
 * Input is checked against CpdEntrySchema; the first problem throws `invalid` naming its field, and
 * nothing is saved. Hours are stored as minutes.
 */
export async function createCpdEntry({ userId, input }: { userId: string; input: CpdEntryInput }) {
	const parsed = CpdEntrySchema.safeParse(input)
	if (!parsed.success) invalidEntry(parsed.error)
	const entry = parsed.data
	return prisma.cpdEntry.create({
		data: {
			userId,
			source: 'MANUAL',
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
		select: { id: true },
	})
}
