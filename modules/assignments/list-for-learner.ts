import { ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { selectOpenRequirementsFor } from './sql.ts'

/**
 * What a learner's dashboard lists under "Assigned to you": each open requirement across their
 * organisations, soonest due first, with who assigned it, the due date (an ISO UK date), its
 * compliance status on `now`'s UK date (the one SQL rule) and whether they are waiting for a seat.
 */
export async function listAssignedToLearner({ userId, now }: { userId: string; now: Date }) {
	const rows = await selectOpenRequirementsFor(prisma, { userId, today: ukToday(now) })
	return rows.map((row) => ({
		id: row.id,
		organisationName: row.organisationName,
		title: row.title ?? row.courseSlug,
		takeSlug: row.takeSlug,
		takeTitle: row.takeTitle ?? row.takeSlug,
		isRenewal: row.kind === 'RENEWAL',
		dueOn: row.dueOn.toISOString().slice(0, 10),
		status: row.status,
		waitingForSeat: row.waitingForSeat,
	}))
}
