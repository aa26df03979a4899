import { type Tx } from '#modules/db/client.ts'
import { addDays, ukToday } from '#modules/compliance/status.ts'
import { assignCourseToPerson } from './assign-person.ts'
import { selectNewStarterRules } from './sql.ts'

/**
 * Someone joined the organisation (an invitation accepted, single sign-on's just-in-time
 * membership, SCIM creating or reactivating them) or one of its teams: every live rule with a
 * new-starter period that now reaches them assigns its course, due that many days from today (UK).
 * Runs in the caller's transaction, so joining and being assigned commit together; a rule assigns a
 * person once (running it again assigns nothing). Without a seat left they are assigned and wait
 * for one (fillWaitingSeats).
 */
export async function onMemberJoined(
	tx: Tx,
	{ organisationId, userId, now }: { organisationId: string; userId: string; now: Date },
): Promise<{ assigned: number }> {
	const rules = await selectNewStarterRules(tx, { organisationId, userId })
	const today = ukToday(now)
	let assigned = 0
	for (const rule of rules) {
		const result = await assignCourseToPerson(tx, {
			organisationId,
			userId,
			courseId: rule.courseId,
			dueOn: addDays(today, rule.newStarterDays!),
			now,
			assignmentId: rule.id,
		})
		if (result.created) assigned += 1
	}
	return { assigned }
}
