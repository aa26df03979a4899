import { prisma } from '#modules/db/client.ts'
import { isoDay } from './cpd-dates.ts'
import { entryNotFound } from './entry-errors.ts'

/**
 * One of the learner's own entries, for its edit form; another learner's id (or an unknown one) is
 * `not_found`, so nobody can learn whether someone else's entry exists.
 */
export async function getCpdEntry({ userId, entryId }: { userId: string; entryId: string }) {
	const row = await prisma.cpdEntry.findFirst({
		where: { id: entryId, userId },
		select: {
			id: true,
			source: true,
			method: true,
			title: true,
			date: true,
			minutes: true,
			participatoryMinutes: true,
			description: true,
			reflection: true,
			impactOnPractice: true,
			evidence: true,
			standards: true,
			rjcApproved: true,
			certificate: { select: { code: true, revokedAt: true } },
		},
	})
	if (!row) entryNotFound()
	return { ...row, date: isoDay(row.date) }
}

export type EditableCpdEntry = Awaited<ReturnType<typeof getCpdEntry>>
